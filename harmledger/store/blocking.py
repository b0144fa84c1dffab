"""Reading what a batch can match: the blocks of its mentions (grid cells, date windows, the
span of its news) and the profiles of the stored incidents inside them. The places and date
windows are the tables of resolve/reach.py, turned into SQL here (`_reach_clause`, the windows);
resolve/index.py files the same sets in memory by them; tests/resolve/test_blocking.py checks the
two agree and that nothing a report could join is left out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import date, timedelta
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import numpy as np
from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Date,
    Float,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
)

from harmledger.extract.embedding import from_bytes
from harmledger.models import DatePrecision, EventDate, Mention, Place, PlacePrecision
from harmledger.resolve.features import Profile
from harmledger.resolve.index import UNDATED_REACH, Cell, close_cells, reach_cells
from harmledger.resolve.points import MIN_TEXT_WITHOUT_PLACE
from harmledger.resolve.reach import (
    DATE_RULES,
    DAY_WINDOW,
    MONTH_DAY_REACH,
    PLACE_RULES,
    PlaceRule,
    Reach,
    reach_of,
)
from harmledger.store.schema import incidents

_CHUNK = 400

# Only what a profile needs: the figures, contradictions and rules stay on disk.
_PROFILE_COLUMNS = [incidents.c[name] for name in (
    "id", "event_type", "date", "date_precision", "month_day", "weekday", "place_name", "country_code", "admin1",
    "lat", "lon", "geonameid", "geo_precision", "target_words", "weapon_words", "vector", "n_vectors", "n_mentions",
    "background_only", "district_words")]


Window = tuple[date, date]


@dataclass
class Blocks:
    """What a batch of mentions needs to read of the stored incidents (index.py does the same in
    memory): per grid cell, the date windows of dated incidents; per reach of a report with no
    date, the cells where its most recent dated incidents are wanted; those where undated ones are
    (at a town only in cells within SAME_PLACE_KM, at a region or country in every cell reached);
    and for what has no place, which joins only on the very day and in the same words
    (features.MIN_TEXT_WITHOUT_PLACE): by day, the vectors of the day-precise mentions a
    placeless incident of that day could join, and those of the placeless mentions, which could
    join a day-precise incident anywhere."""

    # (cell, where a town incident must lie) -> date windows
    windows: dict[tuple[Cell, Reach], list[Window]] = field(default_factory=dict)
    recent: dict[Reach, set[Cell]] = field(default_factory=lambda: defaultdict(set))
    close: set[Cell] = field(default_factory=set)
    wide: set[Cell] = field(default_factory=set)
    day_vectors: dict[date, list[np.ndarray]] = field(default_factory=dict)
    placeless_vectors: dict[date, list[np.ndarray]] = field(default_factory=dict)
    # the days the news of the batch is about (news_span); None: any time
    span: Window | None = None


def blocking_keys(found: Iterable[Mention], years: Iterable[int] = (), span: Window | None = None) -> Blocks:
    """The blocks of a batch; a day without a year is looked for in each of `years`, and what
    has no date at all is looked for in the news of `span` (see news_span)."""
    years = list(years)
    out = Blocks(span=span)
    windows: dict[tuple[Cell, Reach], list[Window]] = defaultdict(list)
    for m in found:
        if m.date.value is not None and m.date.precision == DatePrecision.day and m.vector is not None:
            for d in (-1, 0, 1):
                near = m.date.value + timedelta(days=d)
                out.day_vectors.setdefault(near, []).append(m.vector)
                if m.place is None:
                    out.placeless_vectors.setdefault(near, []).append(m.vector)
        if m.place is None:
            continue
        reached, close = reach_cells(m.place), close_cells(m.place)
        dated, same = reach_of(m.place, dated=True), reach_of(m.place, dated=False)
        out.wide.update(reached)
        out.close |= close
        if m.date.value is not None:
            for cell in reached:
                windows[(cell, dated)].append(_window(m))
        elif m.date.month_day:
            for cell in close:
                windows[(cell, same)] += _month_day_windows(m.date.month_day, years)
        else:
            out.recent[same] |= close
    out.windows = {key: _union(spans) for key, spans in windows.items()}
    return out


def _window(m: Mention) -> Window:
    """Dates a stored day-precise incident can have and still match `m` (features._date_score)."""
    assert m.date.value is not None
    reach = DAY_WINDOW.get(m.date.precision, DAY_WINDOW["year"])
    return m.date.value - timedelta(days=reach), m.date.value + timedelta(days=reach)


def _month_day_windows(month_day: tuple[int, int], years: list[int]) -> list[Window]:
    """The named day in each year, with the slack of reach.MONTH_DAY_REACH for day-precise
    incidents (week and month ones get their own reach in load_profiles)."""
    out = []
    reach = timedelta(days=MONTH_DAY_REACH["day"])
    for year in years:
        try:
            day = date(year, *month_day)
        except ValueError:  # 29 February of a common year
            continue
        out.append((day - reach, day + reach))
    return out


def batch_time(conn: Connection, found: list[Mention]) -> tuple[list[int], Window | None]:
    """When the news of a batch is: the years a day without a year may fall in, and its span."""
    latest = conn.execute(select(func.max(incidents.c.date))).scalar()
    return news_years(found, latest), news_span(found, latest)


def news_years(found: Iterable[Mention], latest: date | None) -> list[int]:
    """The years `found` dates and the latest RECENT_YEARS of the stored incidents (`latest` is
    their last day). Not every stored year: in a database that spans decades a bare "17 August"
    would meet every 17 August, and such reports come from articles without a publication date,
    which as a rule are about recent events."""
    years = {m.date.value.year for m in found if m.date.value is not None}
    if latest is not None:
        years |= set(range(latest.year - RECENT_YEARS + 1, latest.year + 1))
    return sorted(years)


def news_span(found: Iterable[Mention], latest: date | None) -> Window | None:
    """The first and last day the reports of a batch name, or the latest stored day when none
    names one. A report with no date is taken to be about the same time as its batch: it meets
    the dated incidents of that span (with NEWS_SLACK before it) and the undated incidents whose
    news was of about that time. An archive ingested in one batch spans all its years; a feed
    polled daily spans the last days, so a database that grows for years does not compare every
    undated report with every incident of its town."""
    days = [m.date.value for m in found if m.date.value is not None]
    if days:
        return min(days), max(days)
    return (latest, latest) if latest is not None else None


RECENT_YEARS = 2
NEWS_SLACK = timedelta(days=30)
ANY_TIME: Window = (date(1, 1, 1), date(9999, 12, 31))  # the span of an incident whose news is of no known time


def _news_bounds(span: Window | None) -> dict[str, date]:
    """The days a report of a batch with `span` and no date of its own may be about."""
    if span is None:
        return {"news_from": ANY_TIME[0], "news_to": ANY_TIME[1]}
    return {"news_from": span[0] - NEWS_SLACK, "news_to": span[1] + timedelta(days=1)}


def _union(spans: list[Window]) -> list[Window]:
    out: list[Window] = []
    for lo, hi in sorted(spans):
        if out and (lo - out[-1][1]).days <= 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def load_profiles(conn: Connection, blocks: Blocks) -> list[Profile]:
    """Profiles of the stored incidents a batch can match (see Blocks): each read is an index
    range scan or capped, so the cost does not grow with the database."""
    rows: list[Any] = _in_windows(conn, blocks.windows)
    news = _news_bounds(blocks.span)
    for reach, cells in sorted(blocks.recent.items(), key=str):
        at = {key: value for i, (lat, lon) in enumerate(sorted(cells))
              for key, value in ((f"cell_lat_{i}", lat), (f"cell_lon_{i}", lon))}
        rows += conn.execute(_recent(len(cells)), {**at, **asdict(reach), **news})
    for (lat, lon) in sorted(blocks.wide | blocks.close):
        rows += conn.execute(_UNDATED, {"cell_lat": lat, "cell_lon": lon, "towns": (lat, lon) in blocks.close,
                                        **news})
    for vectors, anywhere in ((blocks.day_vectors, incidents.c.cell_lat.is_(None)),
                              (blocks.placeless_vectors, incidents.c.date_precision == "day")):
        rows += _rows(conn, _alike_on_days(conn, vectors, anywhere))
    seen: dict[str, Profile] = {}
    for r in rows:
        if r.id not in seen:
            seen[r.id] = _profile(r)
    return list(seen.values())


# The date windows of a batch, one row per cell and window, each with the span an incident of
# each date precision may lie in (reach.DATE_RULES): joined to incidents, one statement per
# precision reads them all, however many windows a batch has.
_WINDOWS = Table("hl_resolve_windows", MetaData(), Column("cell_lat", Integer), Column("cell_lon", Integer),
                 *(Column(name, Float) for name in ("lat", "lon", "lon_scale2")),
                 Column("precision", Text), Column("country", Text), Column("admin1", Text), Column("dated", Boolean),
                 *(Column(f"{edge}_{rule.precision}", Date) for rule in DATE_RULES for edge in ("lo", "hi")),
                 prefixes=["TEMPORARY"])
_REACH_BEFORE = {rule.precision: rule.before for rule in DATE_RULES}
_REACH_AFTER = {rule.precision: rule.after for rule in DATE_RULES}


def _reach_clause(r: Any) -> ColumnElement[bool]:
    """reach.Reach.holds in SQL, from the same PLACE_RULES, for a Reach of bound parameters or
    the columns of _WINDOWS holding one."""
    c = incidents.c
    d2 = (c.lat - r.lat) * (c.lat - r.lat) + (c.lon - r.lon) * (c.lon - r.lon) * r.lon_scale2
    return or_(*(_rule_clause(rule, r, d2) for rule in PLACE_RULES))


def _rule_clause(rule: PlaceRule, r: Any, d2: ColumnElement[float]) -> ColumnElement[bool]:
    """reach.Reach._meets for one rule, in SQL."""
    c = incidents.c
    terms = [r.precision == rule.mention, c.geo_precision.in_(sorted(rule.incident))]
    if rule.dated:
        terms.append(r.dated)
    if rule.area:
        terms.append(c.country_code == r.country)
    if rule.area == "region":
        terms.append(c.admin1 == r.admin1)
    if rule.km is not None:
        terms.append(d2 <= rule.r2)
    return and_(*terms)


# One statement each, run once per cell (or reach) with its values bound: building and compiling
# a statement each time cost more than the reads.
_IN_CELL = and_(incidents.c.cell_lat == bindparam("cell_lat"), incidents.c.cell_lon == bindparam("cell_lon"))


@lru_cache(maxsize=128)
def _recent(cells: int) -> Select[Any]:
    """A report with no date at all could be any incident within its reach in the news of its
    batch; the most recent ones are the likely ones, and a cap keeps a busy town (or a region of
    81 cells) from costing more each year. One range of the (cell, date) index per cell."""
    news = incidents.c.date.between(bindparam("news_from"), bindparam("news_to"))
    return select(*_PROFILE_COLUMNS).where(
        or_(*(and_(incidents.c.cell_lat == bindparam(f"cell_lat_{i}"),
                   incidents.c.cell_lon == bindparam(f"cell_lon_{i}"), news) for i in range(cells))),
        _reach_clause(SimpleNamespace(**{f.name: bindparam(f.name) for f in fields(Reach)})),
    ).order_by(incidents.c.date.desc()).limit(UNDATED_REACH)


# Undated incidents whose news was of about the time of the batch's, the most reported first
# (index.ProfileIndex files them alike); those at a town only where `towns` (a cell within
# SAME_PLACE_KM).
_UNDATED = select(*_PROFILE_COLUMNS).where(
    _IN_CELL, incidents.c.date.is_(None),
    or_(bindparam("towns"), ~incidents.c.geo_precision.in_(("town", "site"))),
    incidents.c.seen_to >= bindparam("news_from"), incidents.c.seen_from <= bindparam("news_to"),
).order_by(incidents.c.n_mentions.desc()).limit(UNDATED_REACH)


def _in_windows(conn: Connection, windows: dict[tuple[Cell, Reach], list[Window]]) -> list[Any]:
    if not windows:
        return []
    _WINDOWS.create(conn, checkfirst=True)  # per connection (session); emptied after use
    conn.execute(insert(_WINDOWS), [
        {"cell_lat": lat, "cell_lon": lon, **asdict(reach),
         **{f"lo_{name}": lo - timedelta(days=_REACH_BEFORE[name]) for name in _REACH_BEFORE},
         **{f"hi_{name}": hi + timedelta(days=_REACH_AFTER[name]) for name in _REACH_AFTER}}
        for ((lat, lon), reach), spans in windows.items() for lo, hi in spans])
    w, c = _WINDOWS.c, incidents.c
    inside = _reach_clause(w)
    ids: set[str] = set()
    for name in _REACH_BEFORE:
        ids.update(conn.execute(select(c.id).select_from(incidents.join(_WINDOWS, and_(
            c.cell_lat == w.cell_lat, c.cell_lon == w.cell_lon,
            c.date.between(w[f"lo_{name}"], w[f"hi_{name}"]), c.date_precision == name, inside)))).scalars())
    conn.execute(delete(_WINDOWS))
    return _rows(conn, ids)


def _alike_on_days(conn: Connection, vectors: dict[date, list[np.ndarray]],
                   where: ColumnElement[bool]) -> list[str]:
    """Ids of the incidents (`where`) dated to a day of `vectors` whose centroid is close enough
    to one of that day's vectors for a join without a place. Only the vectors are read, so the
    many incidents of a busy day cost a matrix product, not a profile each."""
    days = sorted(vectors)
    wanted = {day: np.stack(found) for day, found in vectors.items()}
    out = []
    for i in range(0, len(days), _CHUNK):
        for iid, day, blob in conn.execute(select(incidents.c.id, incidents.c.date, incidents.c.vector).where(
                incidents.c.date.in_(days[i:i + _CHUNK]), incidents.c.vector.is_not(None), where)):
            centroid = from_bytes(blob)
            # float16 storage and renormalising move a cosine by far less than the margin
            if centroid is not None and float(np.max(wanted[day] @ centroid)) >= _PLACELESS_GATE:
                out.append(iid)
    return out


_PLACELESS_GATE = MIN_TEXT_WITHOUT_PLACE - 0.01


def _rows(conn: Connection, ids: Iterable[str]) -> list[Any]:
    wanted = sorted(set(ids))
    rows: list[Any] = []
    for i in range(0, len(wanted), _CHUNK):
        rows += conn.execute(select(*_PROFILE_COLUMNS).where(incidents.c.id.in_(wanted[i:i + _CHUNK])))
    return rows


def _profile(r: Any) -> Profile:
    (iid, event_type, day, precision, month_day, weekday, place_name, country_code, admin1, lat, lon, geonameid,
     geo_precision, target_words, weapon_words, vector, n_vectors, n_mentions, background_only, district_words) = r
    place = None if place_name is None else Place(
        place_name, country_code or "", admin1 or "", lat, lon, geonameid,
        PlacePrecision(geo_precision or PlacePrecision.town))
    md = (int(month_day[:2]), int(month_day[3:])) if month_day else None
    centroid = from_bytes(vector)
    return Profile(
        id=iid, place=place, date=EventDate(day, precision, month_day=md, weekday=weekday),
        event_type=event_type, targets=set(target_words.split()), weapons=set(filter(None, weapon_words.split("|"))),
        vector_sum=None if centroid is None else centroid * n_vectors, vectors=n_vectors,
        mentions=n_mentions, background_only=bool(background_only), districts=set(district_words.split()),
    )
