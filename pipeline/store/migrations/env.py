"""Alembic environment for the catalog. Run through ``pipeline.store.database.migrate`` with a connection
in ``config.attributes["connection"]``; migrations of concurrent processes are serialized (PostgreSQL:
an advisory lock; SQLite: the connection's transaction is ``BEGIN IMMEDIATE``)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from pipeline.store.catalog import Base

_LOCK_ID = 7_060_626  # any constant; names the catalog migration lock on PostgreSQL

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
    context.run_migrations()
