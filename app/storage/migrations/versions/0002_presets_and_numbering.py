"""Presets and the number register: the organisation's document format and house style, per-report layout
settings, committee terms and issued numbers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-02-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the new columns (existing organisations are Party ones, existing reports print no appendices), add two tables."""
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("preset", sa.String(16), nullable=False, server_default="party"))
        batch.add_column(sa.Column("reference_docx", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("templates_dir", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("organisations") as batch:
        # The defaults only filled the existing rows: new rows always give every value.
        for column in ("preset", "reference_docx", "templates_dir"):
            batch.alter_column(column, server_default=None)
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("margins", sa.String(32), nullable=True))
        batch.add_column(sa.Column("line_spacing_pt", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("annexes", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("reports") as batch:
        batch.alter_column("annexes", existing_type=sa.Boolean(), server_default=None)
    op.create_table(
        "terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"],
            name=op.f("fk_terms_organisation_id_organisations"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_terms")),
    )
    op.create_index(op.f("ix_terms_organisation_id"), "terms", ["organisation_id"])
    op.create_table(
        "issued_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_issued_numbers_number")),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisations.id"],
            name=op.f("fk_issued_numbers_organisation_id_organisations"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_issued_numbers_report_id_reports"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_numbers")),
    )
    op.create_index("ix_issued_numbers_lookup", "issued_numbers", ["organisation_id", "doc_type", "issued_on"])
    op.create_index(op.f("ix_issued_numbers_report_id"), "issued_numbers", ["report_id"])


def downgrade() -> None:
    """Drop the register and the new columns."""
    op.drop_table("issued_numbers")
    op.drop_table("terms")
    with op.batch_alter_table("reports") as batch:
        batch.drop_column("annexes")
        batch.drop_column("line_spacing_pt")
        batch.drop_column("margins")
    with op.batch_alter_table("organisations") as batch:
        batch.drop_column("templates_dir")
        batch.drop_column("reference_docx")
        batch.drop_column("preset")
