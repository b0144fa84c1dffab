"""The place rules are declared once (resolve/reach.py PLACE_RULES) and read twice: Reach.holds in
memory and store/blocking.py's SQL clause. On random places both pick the same stored incidents,
and each rule is what features.py scores: nothing a rule leaves out can be joined."""

from __future__ import annotations

import random
from dataclasses import asdict, fields
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import bindparam, insert, select

from harmledger.models import DatePrecision, EventDate, Place, PlacePrecision
from harmledger.resolve.features import Profile, _place_score
from harmledger.resolve.reach import DATE_RULES, PLACE_RULES, Reach, month_day_fits, reach_of
from harmledger.store.blocking import _PROFILE_COLUMNS, _profile, _reach_clause
from harmledger.store.database import open_database
from harmledger.store.schema import incidents

REGIONS = [("UA", "Kharkiv", 49.99, 36.23), ("UA", "Donetsk", 48.0, 37.8), ("RU", "Belgorod", 50.6, 36.6)]
PRECISIONS = ["site", "town", "town", "region", "country"]


def _place(rng: random.Random) -> Place:
    country, admin1, lat, lon = rng.choice(REGIONS)
    precision = rng.choice(PRECISIONS)
    spread = 1.2 if precision in ("site", "town") else 0.3
    return Place(f"p{rng.randrange(10**6)}", country, "" if precision == "country" else admin1,
                 lat + rng.uniform(-spread, spread), lon + rng.uniform(-spread,
                                                                       spread), None, PlacePrecision(precision))


def test_every_mention_place_precision_has_rules() -> None:
    assert {rule.mention for rule in PLACE_RULES} == {"town", "region", "country"}
    assert {rule.relation for rule in PLACE_RULES} == {"same_town", "neighbour", "region", "country"}


@pytest.mark.parametrize("seed", [3, 17])
def test_reach_holds_exactly_where_the_database_clause_does(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    engine = open_database(str(tmp_path / "reach.db"))
    stored = [_place(rng) for _ in range(400)]
    with engine.begin() as conn:
        conn.execute(insert(incidents), [
            {"id": f"i{i}", "event_type": "shelling", "date_precision": "unknown", "place_name": q.name,
             "country_code": q.country_code, "admin1": q.admin1, "lat": q.lat, "lon": q.lon,
             "geo_precision": q.precision, "n_articles": 1, "n_independent": 1, "grade": "single_source"}
            for i, q in enumerate(stored)])
    clause = _reach_clause(SimpleNamespace(**{f.name: bindparam(f.name) for f in fields(Reach)}))
    with engine.connect() as conn:
        profiles = [_profile(r) for r in conn.execute(select(*_PROFILE_COLUMNS))]
        met = 0
        for _ in range(60):
            reach = reach_of(_place(rng), dated=rng.random() < 0.5)
            in_sql = set(conn.execute(select(incidents.c.id).where(clause), asdict(reach)).scalars())
            in_memory = {p.id for p in profiles if reach.holds(p)}
            assert in_sql == in_memory, (reach, sorted(in_sql ^ in_memory)[:3])
            met += len(in_memory)
    engine.dispose()
    assert met > 500  # the places do meet


def test_no_place_a_reach_leaves_out_can_be_joined() -> None:
    rng = random.Random(5)
    for _ in range(3000):
        a, b = _place(rng), _place(rng)
        found = _place_score(a, b)
        holds = reach_of(a, dated=True).holds(Profile("x", b, EventDate(None, DatePrecision.unknown)))
        assert holds or found is None, (a, b, found)


def test_a_day_without_a_year_fits_within_the_rules_days() -> None:
    assert [month_day_fits(rule.precision) for rule in DATE_RULES] == [1, 7, 31, 31]
    assert month_day_fits("unknown") == 31
    # the index's keys give every 31-day month, so they reach at least as far as the days
    assert all(rule.month_day_keys >= rule.month_day_fits for rule in DATE_RULES)


@pytest.mark.parametrize(("named", "stored"), [((2, 28), "2022-03-01"), ((3, 1), "2023-02-28"),
                                               ((4, 30), "2022-05-01"), ((12, 31), "2023-01-01")])
def test_a_day_without_a_year_finds_the_next_day_across_a_short_months_end(
        named: tuple[int, int], stored: str) -> None:
    from datetime import date

    from harmledger.resolve.index import _CellFile

    filed = _CellFile()
    day = date.fromisoformat(stored).toordinal()
    filed.file("day", day, Profile("x", None, EventDate(date.fromisoformat(stored), DatePrecision.day)))
    assert [p.id for p in filed.on_month_day(named)] == ["x"]
