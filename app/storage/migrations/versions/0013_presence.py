"""Who has a report open: one row per window, with a heartbeat on the server's clock.

Revision ID: 0013_presence
Revises: 0012_member_roster
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_presence"
down_revision: str | None = "0012_member_roster"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the presence table (empty: nobody has anything open while the schema is upgraded)."""
    op.create_table(
        "presence",
        sa.Column("session_id", sa.String(64), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("machine", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reports.id"], name=op.f("fk_presence_report_id_reports"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_presence")),
    )
    op.create_index(op.f("ix_presence_report_id"), "presence", ["report_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_presence_report_id"), table_name="presence")
    op.drop_table("presence")
