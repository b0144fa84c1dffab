"""A report with no date is taken to be about the time of the news it came with: it meets the
incidents of its batch's span, not every incident its town ever had, and each incident remembers
the span of the news that touched it, through merges and rebuilds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, select

from harmledger.app.pipeline import rebuild_incidents, resolve_new
from harmledger.models import Article, DatePrecision, EventDate, EventType, Mention, Place, PlacePrecision, Role
from harmledger.store.blocking import news_span, news_years
from harmledger.store.database import open_database
from harmledger.store.repository import save_articles
from harmledger.store.schema import incidents, mentions
from tests.conftest import BACKENDS, new_db

KHARKIV = Place("Kharkiv", "UA", "Kharkiv", 49.98, 36.25, 706483, PlacePrecision.town)
ODESA = Place("Odesa", "UA", "Odesa", 46.48, 30.73, 698740, PlacePrecision.town)
NO_DATE = EventDate(None, DatePrecision.unknown, "no date in text")


def _vector(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=16)
    return (v / np.linalg.norm(v)).astype(np.float32)


MARKET, PORT = _vector(1), _vector(2)


Report = tuple[Article, list[Mention], None]


def _mention(aid: str, when: EventDate, place: Place = KHARKIV, target: str = "",
             vector: np.ndarray | None = None) -> Mention:
    return Mention(aid, 0, Role.main, EventType.shelling, when, place, target, "", "", 0, 1, vector=vector)


def _report(n: int, when: EventDate, place: Place, target: str, vector: np.ndarray) -> Report:
    aid = f"{n:032x}"
    mention = _mention(aid, when, place, target, vector)
    return Article(aid, f"r{n}", "report", published=when.value), [mention], None


def _add(engine: Engine, *reports: Report) -> None:
    save_articles(engine, list(reports))  # type: ignore[arg-type]
    resolve_new(engine, [m for _, ms, _ in reports for m in ms])


def _owner(engine: Engine, n: int) -> str:
    with engine.connect() as conn:
        return conn.execute(select(mentions.c.incident_id).where(mentions.c.article_id == f"{n:032x}")).scalar_one()


def _seen(engine: Engine, iid: str) -> tuple[date, date]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(incidents.c.seen_from, incidents.c.seen_to)  # type: ignore[return-value]
                                  .where(incidents.c.id == iid)).one())


def _day(y: int, m: int, d: int) -> EventDate:
    return EventDate(date(y, m, d), DatePrecision.day)


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    found = open_database(new_db(request.param, tmp_path, request))
    yield found
    found.dispose()


def test_an_undated_report_meets_the_undated_incidents_of_its_time_only(engine: Engine) -> None:
    # January 2023: a market strike in Kharkiv, reported without a date, with the port news of the day
    _add(engine, _report(1, _day(2023, 1, 10), ODESA, "port", PORT), _report(2, NO_DATE, KHARKIV, "market", MARKET))
    # March 2025: the same words, no date again, in that month's news: another strike
    _add(engine, _report(3, _day(2025, 3, 1), ODESA, "port", PORT), _report(4, NO_DATE, KHARKIV, "market", MARKET))
    assert _owner(engine, 4) != _owner(engine, 2)
    # more January 2023 news: the 2023 strike again, not the 2025 one
    _add(engine, _report(5, _day(2023, 1, 12), ODESA, "port", PORT), _report(6, NO_DATE, KHARKIV, "market", MARKET))
    assert _owner(engine, 6) == _owner(engine, 2)


def test_a_report_with_no_date_meets_dated_incidents_of_its_batchs_news(engine: Engine) -> None:
    _add(engine, _report(1, _day(2023, 1, 10), KHARKIV, "market", MARKET))
    # two years on, an undated report of a Kharkiv market strike is not the 2023 one
    _add(engine, _report(2, _day(2025, 3, 1), ODESA, "port", PORT), _report(3, NO_DATE, KHARKIV, "market", MARKET))
    assert _owner(engine, 3) != _owner(engine, 1)
    # in news of ten days later it is (NEWS_SLACK reaches back 30 days)
    _add(engine, _report(4, _day(2023, 1, 20), ODESA, "port", PORT), _report(5, NO_DATE, KHARKIV, "market", MARKET))
    assert _owner(engine, 5) == _owner(engine, 1)


def test_an_incident_remembers_the_span_of_its_news_through_a_rebuild(engine: Engine) -> None:
    _add(engine, _report(1, _day(2023, 1, 10), ODESA, "port", PORT), _report(2, NO_DATE, KHARKIV, "market", MARKET))
    undated = _owner(engine, 2)
    assert _seen(engine, undated) == (date(2023, 1, 10), date(2023, 1, 10))
    _add(engine, _report(3, _day(2023, 2, 1), ODESA, "port", PORT), _report(4, NO_DATE, KHARKIV, "market", MARKET))
    assert _owner(engine, 4) == undated
    assert _seen(engine, undated) == (date(2023, 1, 10), date(2023, 2, 1))
    rebuild_incidents(engine)
    assert _seen(engine, _owner(engine, 2)) == (date(2023, 1, 10), date(2023, 2, 1))


def test_a_day_without_a_year_is_looked_for_in_the_batchs_years_and_the_last_two_stored() -> None:
    found = [_mention("a", _day(2019, 5, 1)), _mention("b", EventDate(None, DatePrecision.unknown, month_day=(8, 17)))]
    assert news_years(found, latest=date(2025, 6, 1)) == [2019, 2024, 2025]
    assert news_years(found[1:], latest=None) == []


def test_a_batch_without_dates_is_news_of_the_latest_stored_day() -> None:
    undated = [_mention("b", NO_DATE)]
    assert news_span(undated, latest=date(2025, 6, 1)) == (date(2025, 6, 1), date(2025, 6, 1))
    assert news_span(undated, latest=None) is None
    dated = [*undated, _mention("a", _day(2023, 1, 10))]
    assert news_span(dated, latest=date(2025, 6, 1)) == (date(2023, 1, 10), date(2023, 1, 10))
