"""Whether a report prints a section with no text (a heading and a dotted line) or leaves it out.

Revision ID: 0006_keep_empty_sections
Revises: 0005_organisation_tree
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_keep_empty_sections"
down_revision: str | None = "0005_organisation_tree"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add reports.keep_empty_sections; existing reports leave empty sections out, like new ones."""
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("keep_empty_sections", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("reports") as batch:
        batch.alter_column("keep_empty_sections", existing_type=sa.Boolean(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("keep_empty_sections")
