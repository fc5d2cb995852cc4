"""Where a report places the tone mark of a final oa, oe, uy: "new" (hòa, ủy) or "old" (hoà, uỷ).

Revision ID: 0007_tone_style
Revises: 0006_keep_empty_sections
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_tone_style"
down_revision: str | None = "0006_keep_empty_sections"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add reports.tone_style; existing reports keep the app's own style ("hòa", "ủy"), the one the check asked for."""
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("tone_style", sa.String(8), nullable=False, server_default="new"))
    with op.batch_alter_table("reports") as batch:
        batch.alter_column("tone_style", existing_type=sa.String(8), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("tone_style")
