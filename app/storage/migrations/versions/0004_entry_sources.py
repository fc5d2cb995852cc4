"""Entries say where they come from: the slot of a generated sentence (or "" for her text), its state and basis.

Revision ID: 0004_entry_sources
Revises: 0003_sample
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_entry_sources"
down_revision: str | None = "0003_sample"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add source, state and basis to entries; every existing entry is her own text."""
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("source", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("state", sa.String(16), nullable=False, server_default="auto"))
        batch.add_column(sa.Column("basis", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("entries") as batch:
        # The defaults only filled the existing rows: new rows always give every value.
        for column, type_ in (("source", sa.Text()), ("state", sa.String(16)), ("basis", sa.Text())):
            batch.alter_column(column, existing_type=type_, server_default=None)


def downgrade() -> None:
    """Drop the three columns (generated sentences then read as her text)."""
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("basis")
        batch.drop_column("state")
        batch.drop_column("source")
