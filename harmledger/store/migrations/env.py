"""Alembic environment: migrations run on the connection `open_database` hands over."""

from __future__ import annotations

from alembic import context

from harmledger.store.schema import metadata

target_metadata = metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("run migrations through harmledger.store.database.open_database")
# SQLite cannot ALTER most things in place: batch mode copies the table instead.
context.configure(connection=connection, target_metadata=target_metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
