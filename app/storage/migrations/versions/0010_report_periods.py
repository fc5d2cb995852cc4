"""What period a year-end report covers: a calendar year or a school year (September to August).

Revision ID: 0010_report_periods
Revises: 0009_received_reports
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_report_periods"
down_revision: str | None = "0009_received_reports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add reports.period_kind; every stored report covered a calendar year."""
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("period_kind", sa.String(32), nullable=False, server_default="calendar_year"))
    with op.batch_alter_table("reports") as batch:
        batch.alter_column("period_kind", existing_type=sa.String(32), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("period_kind")
