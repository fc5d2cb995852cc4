"""Alembic environment: runs the revisions on the connection that app.storage.db passes in, inside its transaction."""

from alembic import context

from app.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
