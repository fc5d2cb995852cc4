"""The member roster of a chi bộ: one row per member in each report, and the report's three roster choices.

The staff and population figures need no column: they are statistics, stored under their keys in `figures`.

Revision ID: 0012_member_roster
Revises: 0011_consolidation_trace
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_member_roster"
down_revision: str | None = "0011_consolidation_trace"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FLAGS = ("roster_in_use", "roster_annex", "roster_export")


def upgrade() -> None:
    """Add reports.roster_* (off for every stored report) and the roster_members table."""
    with op.batch_alter_table("reports") as batch:
        for name in _FLAGS:
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "roster_members",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sex", sa.String(8), nullable=False),
        sa.Column("admitted_on", sa.Date(), nullable=True),
        sa.Column("rating", sa.String(16), nullable=True),
        sa.Column("exemplary", sa.Boolean(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("theory_level", sa.Text(), nullable=False),
        sa.Column("badge", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_roster_members_report_id_reports"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("report_id", "position", name=op.f("pk_roster_members")),
    )


def downgrade() -> None:
    op.drop_table("roster_members")
    with op.batch_alter_table("reports") as batch:
        for name in _FLAGS:
            batch.drop_column(name)
