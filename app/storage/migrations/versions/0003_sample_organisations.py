"""Sample organisations: the demo organisation is stored once, flagged, and kept apart from hers.

Revision ID: 0003_sample
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_sample"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add organisations.is_sample; every existing organisation is hers (false)."""
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("is_sample", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("organisations") as batch:
        # The default only filled the existing rows: new rows always give the value.
        batch.alter_column("is_sample", existing_type=sa.Boolean(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.drop_column("is_sample")
