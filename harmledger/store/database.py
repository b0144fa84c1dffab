"""Open the database named by --db, $HARMLEDGER_DB or ./harmledger.db, migrated to the current
schema; SQLite files and PostgreSQL servers alike."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, select, text
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from harmledger.errors import Code, HarmledgerError
from harmledger.store.vocabularies import OutsideVocabulary

DEFAULT_DB = "harmledger.db"
# The newest migration in store/migrations/versions; a test keeps the two in step. Comparing the
# stored revision with it keeps opening a database (every command does) to one small query:
# Alembic is only imported when there is something to migrate.
HEAD = "0009"
MIGRATIONS = Path(__file__).with_name("migrations")

# Keys of PostgreSQL advisory locks (any 64-bit number; these spell "hl" + a purpose).
MIGRATE_LOCK = 0x686C_0001
RESOLVE_LOCK = 0x686C_0002
STORE_LOCK = 0x686C_0004  # storing articles: the duplicate search and the insert in one turn


def database_url(db: str | None) -> str:
    """A SQLAlchemy URL for a path or URL given by the user (or the environment, or the default)."""
    target = db or os.environ.get("HARMLEDGER_DB") or DEFAULT_DB
    if "://" in target:
        for prefix in ("postgresql://", "postgres://"):
            if target.startswith(prefix):
                return "postgresql+psycopg://" + target[len(prefix):]
        return target
    return f"sqlite:///{Path(target)}"


def shown_name(db: str | None) -> str:
    """The database as an error message names it: the path, or the URL without its password."""
    url = database_url(db)
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
    return shown.replace("postgresql+psycopg://", "postgresql://", 1)


def open_database(db: str | None, create: bool = True) -> Engine:
    """An engine on a database migrated to the current schema; a new SQLite file is created only
    when `create` (a mistyped path must not read as an empty record)."""
    url = database_url(db)
    name = shown_name(db)
    if not create and url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists() \
            and Path(url[len("sqlite:///"):]).parent.is_dir():
        raise HarmledgerError(Code.NO_SUCH_DATABASE, name)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise HarmledgerError(Code.CANNOT_OPEN_DATABASE, name, detail=str(exc).splitlines()[0]) from None
    if engine.dialect.name == "sqlite":
        if not Path(url[len("sqlite:///"):]).parent.is_dir():
            raise HarmledgerError(Code.CANNOT_OPEN_DATABASE, name, detail="its folder does not exist")
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as conn:
            current = stored_revision(conn)
        if current != HEAD:
            _migrate(engine)
    except OutsideVocabulary as exc:  # rows a new constraint would refuse (migration 0008)
        raise HarmledgerError(Code.CANNOT_OPEN_DATABASE, name, detail=str(exc)) from None
    except OperationalError as exc:
        if engine.dialect.name == "postgresql":
            raise HarmledgerError(Code.NO_POSTGRESQL_SERVER, name, detail=first_line(exc)) from None
        raise HarmledgerError(Code.CANNOT_OPEN_DATABASE, name, detail=first_line(exc)) from None
    except SQLAlchemyError as exc:
        raise HarmledgerError(Code.CANNOT_OPEN_DATABASE, name, detail=first_line(exc)) from None
    return engine


def stored_revision(conn: Connection) -> str | None:
    """The Alembic revision the database is at; None for a new (or pre-migration) database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def exclusive(conn: Connection, key: int = RESOLVE_LOCK) -> None:
    """Hold a database-wide lock for `key` until the transaction ends, so that processes sharing
    the database take turns: PostgreSQL's transaction-level advisory lock; on SQLite the write
    lock (BEGIN IMMEDIATE), which must be the transaction's first statement."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(text("pg_advisory_xact_lock(:key)")), {"key": key})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _migrate(engine: Engine) -> None:
    """`alembic upgrade head`, once even when several processes open a new database together."""
    from alembic import command
    from alembic.config import Config

    from harmledger.store.schema import articles

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # A migration that rebuilds a table (SQLite's only way to add a constraint) drops the old
            # copy, and with foreign keys on that would cascade into its children (mentions ->
            # claims). SQLite's procedure: foreign keys off, set before the transaction begins.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                exclusive(conn, MIGRATE_LOCK)
                current = stored_revision(conn)  # another process may have migrated meanwhile
                if current == HEAD:
                    return
                config.attributes["connection"] = conn
                if current is None and inspect(conn).has_table(articles.name):
                    # Made by create_all before migrations existed: that schema is revision 0001.
                    command.stamp(config, "0001")
                command.upgrade(config, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("PRAGMA foreign_key_check: a row refers to a missing one after the migration")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()


def first_line(exc: BaseException) -> str:
    """The first line of a database error: the driver's message when there is one."""
    message = str(getattr(exc, "orig", None) or exc).strip()
    return message.splitlines()[0] if message else type(exc).__name__


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    # Another process holding the write lock (a concurrent ingest resolving) is waited for.
    cursor.execute("PRAGMA busy_timeout=120000")
    # Resolution reads incidents scattered over the file: a page cache of 64 MB (SQLite's
    # default is 2 MB) keeps a large database's index pages in memory between batches.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()
