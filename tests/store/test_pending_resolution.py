"""Articles stored but not resolved (an ingest killed or failed between the two) are resolved by
the next `recover` or ingest, to the incidents one uninterrupted resolution makes; a rebuild
resolves them too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, select

from harmledger.app.pipeline import ingest, rebuild_incidents, resolve_new, resolve_pending
from harmledger.models import Article, DatePrecision, EventDate, EventType, Mention, Place, PlacePrecision, Role
from harmledger.store.database import open_database
from harmledger.store.repository import save_articles
from harmledger.store.schema import mentions
from tests.conftest import new_db

KHARKIV = Place("Kharkiv", "UA", "Kharkiv", 49.98, 36.25, 706483, PlacePrecision.town)
ODESA = Place("Odesa", "UA", "Odesa", 46.48, 30.73, 698740, PlacePrecision.town)


def _report(n: int, day: int, place: Place) -> tuple[Article, list[Mention], None]:
    aid = f"{n:032x}"
    vector = np.zeros(16, dtype=np.float32)
    vector[n % 16] = 1.0
    when = EventDate(date(2022, 5, day), DatePrecision.day, "test")
    return (Article(aid, f"r{n}", "report", published=when.value),
            [Mention(aid, 0, Role.main, EventType.shelling, when, place, "market", "", "", 0, 1, vector=vector)], None)


REPORTS = [_report(1, 3, KHARKIV), _report(2, 3, KHARKIV), _report(3, 9, ODESA), _report(4, 9, ODESA)]


def _owners(engine: Engine) -> dict[str, str | None]:
    with engine.connect() as conn:
        rows = conn.execute(select(mentions.c.article_id, mentions.c.incident_id))
        return {r.article_id: r.incident_id for r in rows}


@pytest.fixture
def engine(tmp_path: Path, request: pytest.FixtureRequest) -> Engine:
    return open_database(new_db("sqlite", tmp_path, request))


def test_recover_resolves_what_a_failed_ingest_stored(engine: Engine, tmp_path: Path,
                                                      request: pytest.FixtureRequest) -> None:
    save_articles(engine, REPORTS)  # type: ignore[arg-type]
    assert set(_owners(engine).values()) == {None}
    changed, _ = resolve_pending(engine)
    assert len(changed) == 2 and None not in _owners(engine).values()
    assert resolve_pending(engine) == ([], {})  # nothing left
    (tmp_path / "whole").mkdir()
    whole = open_database(new_db("sqlite", tmp_path / "whole", request))
    save_articles(whole, REPORTS)  # type: ignore[arg-type]
    resolve_new(whole, [m for _, ms, _ in REPORTS for m in ms])
    assert _owners(whole) == _owners(engine)


def test_an_ingest_with_nothing_new_finishes_the_pending_work(engine: Engine, tmp_path: Path) -> None:
    save_articles(engine, REPORTS[:2])  # type: ignore[arg-type]
    (tmp_path / "empty").mkdir()
    report = ingest(engine, [tmp_path / "empty"])  # nothing to read (HL110), still resolves
    assert report.incidents == 1 and None not in _owners(engine).values()


def test_rebuild_resolves_pending_mentions_too(engine: Engine) -> None:
    save_articles(engine, REPORTS)  # type: ignore[arg-type]
    assert len(rebuild_incidents(engine)) == 2 and None not in _owners(engine).values()
