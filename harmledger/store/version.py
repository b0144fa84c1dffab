"""The data version: a number raised by every write of what the API reads, in the writing
transaction, so readers in any process can cache per version (serve/cache.py)."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select, update

from harmledger.store.schema import data_version


def bump(conn: Connection) -> None:
    """Raise the version in the caller's transaction (visible to readers when it commits)."""
    conn.execute(update(data_version).where(data_version.c.id == 1).values(n=data_version.c.n + 1))


def current(engine: Engine) -> int | None:
    """The version now; None when the database has no version row (then nothing is cached)."""
    with engine.connect() as conn:
        return conn.execute(select(data_version.c.n).where(data_version.c.id == 1)).scalar()
