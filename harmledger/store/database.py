"""Open the database named by --db, $HARMLEDGER_DB or ./harmledger.db, and create its tables."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from harmledger.errors import HarmledgerError
from harmledger.store.schema import metadata

DEFAULT_DB = "harmledger.db"


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL for a path or URL given by the user (or the environment, or the default)."""
    target = db or os.environ.get("HARMLEDGER_DB") or DEFAULT_DB
    if "://" in target:
        if target.startswith("postgresql://"):
            return "postgresql+psycopg://" + target[len("postgresql://"):]
        return target
    return f"sqlite:///{Path(target)}"


def open_database(db: str | None) -> Engine:
    """An engine with the schema in place; SQLite gets foreign keys and a busy timeout."""
    url = database_url(db)
    try:
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        metadata.create_all(engine)
    except (SQLAlchemyError, ImportError) as exc:
        raise HarmledgerError("HL300", db or url, detail=str(exc).splitlines()[0]) from None
    return engine


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
