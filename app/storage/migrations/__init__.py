"""Alembic migrations of the schema in app/storage/tables.py, run by app.storage.db.open_database.

There is no alembic.ini: app.storage.db.alembic_config builds the configuration in code. To add a
revision, write versions/NNNN_<what>.py by hand or let Alembic compare the tables with a database at head:

    from alembic import command
    from app.storage.db import alembic_config, open_database
    database = open_database("sqlite:///scratch.sqlite3")
    with database.engine.connect() as connection:
        command.revision(alembic_config(connection), "what changed", autogenerate=True, rev_id="0002")

SQLite cannot alter most columns in place: use `with op.batch_alter_table(...)` (env.py turns batch mode on).
open_database runs the upgrade with foreign keys off, so that re-creating a table does not cascade deletes,
and checks them before committing.
"""
