"""A roll-up keeps its trace and its sums: each rolled-up figure's per-sub-unit parts survive a restart, and a figure
the secretary typed over is told from the sum it replaced.

Revision ID: 0011_consolidation_trace
Revises: 0010_report_periods
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_consolidation_trace"
down_revision: str | None = "0010_report_periods"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add consolidations.trace and consolidations.sums; an earlier roll-up has neither (NULL): its trace is read
    back from its parts."""
    with op.batch_alter_table("consolidations") as batch:
        batch.add_column(sa.Column("trace", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("sums", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consolidations") as batch:
        batch.drop_column("sums")
        batch.drop_column("trace")
