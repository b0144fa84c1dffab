"""Alembic migrations build exactly the schema in schema.py, on SQLite and PostgreSQL, and take
over databases made before migrations existed."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.command import upgrade
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from harmledger.store.database import HEAD, MIGRATIONS, database_url, open_database, stored_revision
from harmledger.store.schema import metadata


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_the_head_constant_is_the_newest_migration() -> None:
    assert ScriptDirectory.from_config(_config()).get_current_head() == HEAD


def test_a_new_database_is_migrated_to_exactly_the_schema_in_schema_py(db: str) -> None:
    engine = open_database(db)
    try:
        with engine.connect() as conn:
            assert stored_revision(conn) == HEAD
            differences = compare_metadata(MigrationContext.configure(conn), metadata)
        assert differences == []
    finally:
        engine.dispose()


def _database_at(path: Path, revision: str, *statements: str) -> None:
    """A database file migrated only to `revision`, with `statements` run on it."""
    engine = create_engine(database_url(str(path)))
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        upgrade(config, revision)
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def test_a_database_made_before_migrations_is_stamped_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _database_at(path, "0001", "DROP TABLE alembic_version")  # as metadata.create_all left it
    engine = open_database(str(path))
    with engine.connect() as conn:
        assert stored_revision(conn) == HEAD
        indexes = {ix["name"] for ix in inspect(conn).get_indexes("claims")}
    assert "ux_claims_mention_position" in indexes and "ix_claims_mention" not in indexes
    engine.dispose()


def test_a_database_at_0002_gains_districts_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "0002.db"
    _database_at(path, "0002",
                 "INSERT INTO articles (id, source_id, text, title, url, outlet, published, language, ingested_at)"
                 " VALUES ('a1', 'a.txt', 'x', '', '', '', NULL, 'en', '2026-11-23')",
                 "INSERT INTO mentions (id, article_id, idx, role, event_type, date_precision, date_reason, target,"
                 " weapon, evidence, start_char, end_char)"
                 " VALUES ('a1:0', 'a1', 0, 'main', 'shelling', 'unknown', '', 'market', '', 'e', 0, 1)")
    assert _upgraded(path, "SELECT target, district FROM mentions") == [("market", "")]


def test_a_database_at_0004_gives_its_incidents_news_of_any_time(tmp_path: Path) -> None:
    path = tmp_path / "0004.db"
    _database_at(path, "0004",
                 "INSERT INTO incidents (id, event_type, date_precision, target, weapon, killed_rule, injured_rule,"
                 " n_articles, n_independent, grade, background_only, contradictions, target_words, weapon_words,"
                 " n_vectors, n_mentions) VALUES ('I1', 'shelling', 'unknown', 'market', '', '', '', 1, 1,"
                 " 'single_source', 0, '[]', 'market', '', 0, 1)")
    assert _upgraded(path, "SELECT id, seen_from, seen_to FROM incidents") == [("I1", "0001-01-01", "9999-12-31")]
    engine = create_engine(database_url(str(path)))
    with engine.connect() as conn:
        assert "ix_incidents_cell_date_seen" in {ix["name"] for ix in inspect(conn).get_indexes("incidents")}
    engine.dispose()


def _upgraded(path: Path, query: str) -> list[tuple[object, ...]]:
    """Open the database at `path` (which migrates it to HEAD) and return the rows of `query`."""
    engine = open_database(str(path))
    with engine.connect() as conn:
        assert stored_revision(conn) == HEAD
        rows = [tuple(row) for row in conn.execute(text(query))]
    engine.dispose()
    return rows
