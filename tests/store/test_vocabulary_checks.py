"""Columns that hold a closed vocabulary of models.py refuse any other value, on SQLite and
PostgreSQL, and a database made before the constraints (revision 0007) gains them with its rows
intact (store/vocabularies.py, migration 0008)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from alembic.command import upgrade
from alembic.config import Config
from sqlalchemy import Engine, column, create_engine, func, insert, select, table, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from harmledger.errors import Code, HarmledgerError
from harmledger.store.database import HEAD, MIGRATIONS, database_url, open_database, stored_revision
from harmledger.store.schema import articles, claims, decisions, incidents, mentions
from harmledger.store.vocabularies import VOCABULARIES

# One valid row per table that holds a vocabulary, inserted in this order (mentions need their
# article, claims their mention).
ROWS: dict[str, dict[str, Any]] = {
    "articles": dict(id="a1", source_id="a.txt", text="x", language="en", ingested_at=datetime(2026, 11, 29)),
    "mentions": dict(id="a1:0", article_id="a1", idx=0, role="main", event_type="shelling", date_precision="day",
                     geo_precision="town", evidence="e", start_char=0, end_char=1),
    "claims": dict(mention_id="a1:0", article_id="a1", position=0, kind="killed", low=3, high=3, qualifier="exact",
                   victim_group="all", claimant="governor", evidence="e", start_char=0, end_char=1),
    "incidents": dict(id="I1", event_type="shelling", date_precision="day", geo_precision="town", n_articles=1,
                      n_independent=1, grade="single_source", figure_status="consistent", n_mentions=1),
    "decisions": dict(action="merge", incident_id="I1", together="[]", apart="[]", others="[]", articles="[]",
                      made_at=datetime(2026, 11, 29)),
}
TABLES = {t.name: t for t in (articles, mentions, claims, incidents, decisions)}
COLUMNS = [(t, c) for t, columns in VOCABULARIES.items() for c in columns]


def _filled(db: str) -> Engine:
    """The database `db` at the current schema with one valid row in each table."""
    engine = open_database(db)
    with engine.begin() as conn:
        for name, row in ROWS.items():
            conn.execute(insert(TABLES[name]).values(**row))
    return engine


def test_every_enum_column_of_the_schema_is_constrained() -> None:
    """Each column named in VOCABULARIES exists, so no constraint names a column that is not there."""
    for table_name, column_name in COLUMNS:
        assert column_name in TABLES[table_name].c, f"{table_name}.{column_name}"


def test_a_value_outside_its_vocabulary_is_refused(db: str) -> None:
    engine = _filled(db)
    try:
        for table_name, column_name in COLUMNS:
            for wrong in ("not_a_value", "MAIN", ""):  # a value of no enum; case counts; blank is none
                with pytest.raises(IntegrityError, match=f"ck_{table_name}_{column_name}"):
                    with engine.begin() as conn:
                        conn.execute(update(TABLES[table_name]).values({column_name: wrong}))
    finally:
        engine.dispose()


def test_every_value_of_each_vocabulary_is_accepted(db: str) -> None:
    engine = _filled(db)
    try:
        with engine.begin() as conn:
            for table_name, columns in VOCABULARIES.items():
                for column_name, vocabulary in columns.items():
                    for member in vocabulary:
                        conn.execute(update(TABLES[table_name]).values({column_name: member.value}))
    finally:
        engine.dispose()


def _database_at_0007(db: str, *rows: tuple[str, dict[str, Any]]) -> None:
    """`db` migrated only to 0007 (before the constraints), with `rows` inserted as (table, row)."""
    engine = create_engine(database_url(db))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        upgrade(config, "0007")
        for name, row in rows:
            # the tables' Python-side defaults filled in: a bare insert applies none
            full = {c.name: c.default.arg for c in TABLES[name].c
                    if isinstance(c.default, ScalarElementColumnDefault)} | row
            conn.execute(insert(table(name, *(column(k, TABLES[name].c[k].type) for k in full))).values(**full))
    engine.dispose()


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(TABLES[name])).scalar_one() for name in ROWS}


def test_a_database_at_0007_gains_the_constraints_with_its_rows_intact(db: str) -> None:
    _database_at_0007(db, *ROWS.items())
    engine = open_database(db)  # migrates to HEAD
    try:
        with engine.connect() as conn:
            assert stored_revision(conn) == HEAD
            kept = conn.execute(select(claims.c.kind, claims.c.low, claims.c.claimant)).all()
        # the claims survive their mentions table being rebuilt (SQLite: no cascade on the rebuild)
        assert kept == [("killed", 3, "governor")]
        assert _counts(engine) == {name: 1 for name in ROWS}
        with pytest.raises(IntegrityError):
            with engine.begin() as conn:
                conn.execute(update(claims).values(kind="wounded"))
    finally:
        engine.dispose()


def test_rows_outside_a_vocabulary_stop_the_upgrade_and_are_named(db: str) -> None:
    odd = {**ROWS["mentions"], "role": "primary"}
    _database_at_0007(db, ("articles", ROWS["articles"]), ("mentions", odd))
    with pytest.raises(HarmledgerError) as caught:
        open_database(db)
    assert caught.value.code == Code.CANNOT_OPEN_DATABASE
    assert "mentions.role holds 'primary'" in str(caught.value)
    # nothing is changed: the database stays at 0007 with its row, for the user to correct
    engine = create_engine(database_url(db))
    try:
        with engine.connect() as conn:
            assert stored_revision(conn) == "0007"
            assert conn.execute(text("SELECT role FROM mentions")).scalars().all() == ["primary"]
    finally:
        engine.dispose()
