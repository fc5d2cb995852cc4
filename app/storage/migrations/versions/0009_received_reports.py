"""Sub-units' reports received by their parent (with history), the parent's ratings of them, and roll-ups.

Revision ID: 0009_received_reports
Revises: 0008_row_versions
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_received_reports"
down_revision: str | None = "0008_row_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create received_reports, sub_unit_ratings and consolidations; nothing existing changes."""
    op.create_table(
        "received_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["organisations.id"],
                                name=op.f("fk_received_reports_parent_id_organisations"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["organisations.id"],
                                name=op.f("fk_received_reports_unit_id_organisations"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_reports")),
    )
    op.create_index("ix_received_reports_period", "received_reports", ["parent_id", "kind", "year"])
    op.create_index(op.f("ix_received_reports_unit_id"), "received_reports", ["unit_id"])
    op.create_table(
        "sub_unit_ratings",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=True),
        sa.Column("exemplary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["organisations.id"],
                                name=op.f("fk_sub_unit_ratings_unit_id_organisations"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("unit_id", "kind", "year", name=op.f("pk_sub_unit_ratings")),
    )
    op.create_table(
        "consolidations",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("consolidated_at", sa.DateTime(), nullable=False),
        sa.Column("parts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"],
                                name=op.f("fk_consolidations_report_id_reports"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_consolidations")),
    )


def downgrade() -> None:
    op.drop_table("consolidations")
    op.drop_table("sub_unit_ratings")
    op.drop_index(op.f("ix_received_reports_unit_id"), table_name="received_reports")
    op.drop_index("ix_received_reports_period", table_name="received_reports")
    op.drop_table("received_reports")
