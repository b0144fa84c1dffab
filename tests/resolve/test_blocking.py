"""Blocking loses nothing, and its two readings of resolve/reach.py agree: every stored incident a
new report could join (one that no feature vetoes) is among the candidates the in-memory index
files for it, and the database (store/blocking.py, the same tables as SQL) reads every one of
those for that report alone (with no place on one side, those whose words are alike enough);
for reports at a town, a region, a country or no place, dated to the day, the week, a day
without a year or not at all."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from harmledger.app.pipeline import resolve_new
from harmledger.models import Article, DatePrecision, EventDate, EventType, Mention, Place, PlacePrecision, Role
from harmledger.resolve.features import score
from harmledger.resolve.index import ProfileIndex
from harmledger.store.blocking import _PROFILE_COLUMNS, _profile, batch_time, blocking_keys, load_profiles
from harmledger.store.database import open_database
from harmledger.store.repository import save_articles

PLACES = [
    Place("Kharkiv", "UA", "Kharkiv", 49.98, 36.25, 1, PlacePrecision.town),
    Place("Derhachi", "UA", "Kharkiv", 50.11, 36.12, 2, PlacePrecision.town),  # 17 km: the same place
    Place("Chuhuiv", "UA", "Kharkiv", 49.84, 36.69, 3, PlacePrecision.town),  # 35 km: a neighbour
    Place("Izium", "UA", "Kharkiv", 49.21, 37.26, 4, PlacePrecision.town),  # 110 km
    Place("Belgorod", "RU", "Belgorod", 50.60, 36.60, 5, PlacePrecision.town),  # 75 km, another country
    Place("Kharkiv", "UA", "Kharkiv", 49.7, 36.6, None, PlacePrecision.region),
    Place("Ukraine", "UA", "", 49.0, 32.0, None, PlacePrecision.country),
    None,
]
TARGETS = ["market", "school", "dormitory", "", "railway station"]
START = date(2022, 8, 1)


def _report(rng: random.Random, n: int, topics: list[np.ndarray]) -> tuple[Article, list[Mention], None]:
    day = START + timedelta(days=rng.randrange(40))
    roll = rng.random()
    when = EventDate(day, DatePrecision.day) if roll < 0.55 else EventDate(day, DatePrecision.week) if roll < 0.7 else \
        EventDate(day.replace(day=1), DatePrecision.month) if roll < 0.75 else \
        EventDate(None, DatePrecision.unknown, month_day=(day.month, day.day)) if roll < 0.85 else \
        EventDate(None, DatePrecision.unknown, weekday=day.weekday()) if roll < 0.9 else EventDate(None,
                                                                                                   DatePrecision.unknown)
    vector = topics[rng.randrange(len(topics))] + 0.3 * np.asarray([rng.gauss(0, 1) for _ in range(16)])
    aid = f"{n:032x}"
    mention = Mention(aid, 0, Role.main, rng.choice([EventType.shelling, EventType.missile_strike]), when,
                      rng.choice(PLACES),
                      rng.choice(TARGETS), "", "", 0, 1,
                      vector=(vector / np.linalg.norm(vector)).astype(np.float32))
    return Article(aid, f"r{n}", "report", published=day + timedelta(days=1)), [mention], None


@pytest.mark.parametrize("seed", [5, 11, 23])
def test_every_incident_a_report_could_join_is_a_candidate(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    topics = [v / np.linalg.norm(v) for v in (np.asarray([rng.gauss(0, 1) for _ in range(16)]) for _ in range(6))]
    engine = open_database(str(tmp_path / "blocking.db"))
    n = 0
    for _ in range(3):
        batch = [_report(rng, n := n + 1, topics) for _ in range(120)]
        save_articles(engine, batch)  # type: ignore[arg-type]
        resolve_new(engine, [m for _, ms, _ in batch for m in ms])
    new = [m for _, ms, _ in (_report(rng, n + i + 1, topics) for i in range(150)) for m in ms]
    with engine.connect() as conn:
        stored = [_profile(r) for r in conn.execute(select(*_PROFILE_COLUMNS))]
        years, span = batch_time(conn, new)
        batch_read = ProfileIndex(load_profiles(conn, blocking_keys(new, years, span)))
        # each report's own reads, so one report's windows cannot cover for another's
        read = {m.id: {p.id for p in load_profiles(conn, blocking_keys([m], years, span))} for m in new}
    engine.dispose()
    assert len(stored) > 100  # well under the caps on undated reports (100 a cell)
    in_memory = ProfileIndex(stored)
    checked = 0
    for m in new:
        could_join = {p.id for p in stored if score(m, p) is not None}
        filed = {p.id for p in in_memory.candidates(m)}
        missed = could_join - filed
        assert not missed, (m.place, m.date, [(p.place, p.date) for p in stored if p.id in missed][:3])
        # with no place on one side the database weighs the words too (as score does) and reads only
        # the incidents alike enough; the index, without vectors, files them all
        by_words = {p.id for p in stored if m.place is None or p.place is None} - could_join
        unread = filed - read[m.id] - by_words
        assert not unread, (m.place, m.date, [(p.place, p.date) for p in stored if p.id in unread][:3])
        assert could_join <= {p.id for p in batch_read.candidates(m)}
        checked += len(could_join)
    assert checked > 200  # the reports do meet stored incidents
