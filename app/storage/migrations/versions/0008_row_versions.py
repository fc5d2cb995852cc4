"""A version on each report and organisation, raised by every save: a save based on an older one is refused.

Revision ID: 0008_row_versions
Revises: 0007_tone_style
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_row_versions"
down_revision: str | None = "0007_tone_style"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("organisations", "reports")


def upgrade() -> None:
    """Add organisations.version and reports.version; every stored row starts at 1."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
