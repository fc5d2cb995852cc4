"""The organisation tree: an organisation may belong to another (a chi bộ to its đảng bộ), for consolidation.

Revision ID: 0005_organisation_tree
Revises: 0004_entry_sources
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_organisation_tree"
down_revision: str | None = "0004_entry_sources"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add organisations.parent_id; every existing organisation stands alone (NULL)."""
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_organisations_parent_id_organisations"), "organisations", ["parent_id"],
                                 ["id"], ondelete="SET NULL")
        batch.create_index(op.f("ix_organisations_parent_id"), ["parent_id"])


def downgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.drop_index(op.f("ix_organisations_parent_id"))
        batch.drop_constraint(op.f("fk_organisations_parent_id_organisations"), type_="foreignkey")
        batch.drop_column("parent_id")
