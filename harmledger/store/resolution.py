"""Writing incidents: the profiles the resolver reads back, the incidents a batch touched, and a
full replacement after `harmledger rebuild`. Every id that disappears redirects to its successor."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Date,
    Engine,
    Float,
    Integer,
    MetaData,
    Table,
    Text,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)

from harmledger.extract.embedding import from_bytes, to_bytes
from harmledger.models import EventDate, Figures, Incident, Mention, Place
from harmledger.resolve.features import Profile
from harmledger.resolve.index import (
    DAY_WINDOW,
    LOOSE_REACH,
    MONTH_DAY_REACH,
    UNDATED_REACH,
    Cell,
    Reach,
    cell_of,
    close_cells,
    reach_cells,
    reach_of,
)
from harmledger.store.database import exclusive
from harmledger.store.schema import incidents, mentions, redirects

_CHUNK = 400


Window = tuple[date, date]


@dataclass
class Blocks:
    """What a batch of mentions needs to read of the stored incidents (index.py does the same in
    memory): per grid cell, the date windows of dated incidents; the cells where the most recent
    dated incidents are wanted (reports with no date) and those where undated incidents are
    (at a town only in cells within SAME_PLACE_KM, at a region or country in every cell reached);
    the days placeless incidents may sit on, and the days of placeless mentions, which may join
    an incident anywhere on them."""

    # (cell, where a town incident must lie) -> date windows
    windows: dict[tuple[Cell, Reach], list[Window]] = field(default_factory=dict)
    recent: set[tuple[Cell, Reach]] = field(default_factory=set)
    close: set[Cell] = field(default_factory=set)
    wide: set[Cell] = field(default_factory=set)
    days: set[date] = field(default_factory=set)
    placeless_days: set[date] = field(default_factory=set)


def blocking_keys(found: Iterable[Mention], years: Iterable[int] = ()) -> Blocks:
    """The blocks of a batch; a day without a year is looked for in each of `years`."""
    years = list(years)
    out = Blocks()
    windows: dict[tuple[Cell, Reach], list[Window]] = defaultdict(list)
    for m in found:
        near = {m.date.value + timedelta(days=d) for d in (-1, 0, 1)} if m.date.value is not None else set()
        out.days |= near
        if m.place is None:
            out.placeless_days |= near
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
            out.recent |= {(cell, same) for cell in close}
    out.windows = {key: _union(spans) for key, spans in windows.items()}
    return out


def _window(m: Mention) -> Window:
    """Dates a stored day-precise incident can have and still match `m` (features._date_score)."""
    assert m.date.value is not None
    reach = DAY_WINDOW.get(m.date.precision, DAY_WINDOW["year"])
    return m.date.value - timedelta(days=reach), m.date.value + timedelta(days=reach)


def _month_day_windows(month_day: tuple[int, int], years: list[int]) -> list[Window]:
    """The named day in each year, with the slack of index.MONTH_DAY_REACH for day-precise
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


def stored_years(conn: Connection, found: Iterable[Mention]) -> range:
    """The years of the stored incidents and of `found`: where a day without a year may fall."""
    lo, hi = conn.execute(select(func.min(incidents.c.date), func.max(incidents.c.date))).one()
    known = [d for d in (lo, hi, *(m.date.value for m in found)) if d is not None]
    return range(min(known).year, max(known).year + 1) if known else range(0)


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
    town = incidents.c.geo_precision.in_(("town", "site"))
    for (lat, lon), reach in blocks.recent:
        # A report with no date at all could be any incident of its town; the most recent ones
        # are the likely ones, and a cap keeps a busy town from costing more each year.
        rows += conn.execute(select(*_PROFILE_COLUMNS).where(
            incidents.c.cell_lat == lat, incidents.c.cell_lon == lon, incidents.c.date.is_not(None),
            _reach_clause(reach)).order_by(incidents.c.date.desc()).limit(UNDATED_REACH))
    for (lat, lon) in sorted(blocks.wide | blocks.close):
        in_cell = and_(incidents.c.cell_lat == lat, incidents.c.cell_lon == lon)
        # undated incidents, the most reported first (index.ProfileIndex files them alike)
        undated = select(*_PROFILE_COLUMNS).where(in_cell, incidents.c.date.is_(None))
        if (lat, lon) not in blocks.close:
            undated = undated.where(~town)
        rows += conn.execute(undated.order_by(incidents.c.n_mentions.desc()).limit(UNDATED_REACH))
    for wanted, anywhere in ((sorted(blocks.days), incidents.c.cell_lat.is_(None)),
                             (sorted(blocks.placeless_days), incidents.c.date_precision == "day")):
        for i in range(0, len(wanted), _CHUNK):
            rows += conn.execute(select(*_PROFILE_COLUMNS).where(
                incidents.c.date.in_(wanted[i:i + _CHUNK]), anywhere))
    seen: dict[str, Profile] = {}
    for r in rows:
        if r.id not in seen:
            seen[r.id] = _profile(r)
    return list(seen.values())


# The date windows of a batch, one row per cell and window, each with the span an incident of
# each date precision may lie in (index.LOOSE_REACH): joined to incidents, one statement per
# precision reads them all, however many windows a batch has.
_WINDOWS = Table("hl_resolve_windows", MetaData(), Column("cell_lat", Integer), Column("cell_lon", Integer),
                 *(Column(name, Float) for name in ("lat", "lon", "lon_scale2", "same_r2", "near_r2")),
                 Column("precision", Text), Column("country", Text), Column("admin1", Text),
                 *(Column(f"{edge}_{name}", Date) for name in ("day", "week", "month", "year")
                   for edge in ("lo", "hi")),
                 prefixes=["TEMPORARY"])
_REACH_BEFORE = {"day": 0, **LOOSE_REACH, "year": 366}  # a year-precise date is the year's first day
_REACH_AFTER = {"day": 0, **LOOSE_REACH, "year": 0}


def _reach_clause(r: Any) -> ColumnElement[bool]:
    """index.Reach.holds in SQL, for a Reach or for the columns of _WINDOWS holding one."""
    c = incidents.c
    d2 = (c.lat - r.lat) * (c.lat - r.lat) + (c.lon - r.lon) * (c.lon - r.lon) * r.lon_scale2
    town, in_region = c.geo_precision.in_(("town", "site")), and_(c.country_code == r.country, c.admin1 == r.admin1)
    return or_(and_(r.precision == "country", c.geo_precision == "country", c.country_code == r.country),
               and_(r.precision == "region", c.geo_precision != "country", in_region),
               and_(r.precision == "town", c.geo_precision == "region", in_region),
               and_(r.precision == "town", town, d2 <= r.same_r2),
               and_(r.precision == "town", town, in_region, d2 <= r.near_r2))


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
    wanted = sorted(ids)
    rows: list[Any] = []
    for i in range(0, len(wanted), _CHUNK):
        rows += conn.execute(select(*_PROFILE_COLUMNS).where(c.id.in_(wanted[i:i + _CHUNK])))
    return rows


# Only what a profile needs: the figures, contradictions and rules stay on disk.
_PROFILE_COLUMNS = [incidents.c[name] for name in (
    "id", "event_type", "date", "date_precision", "month_day", "weekday", "place_name", "country_code", "admin1",
    "lat", "lon", "geonameid", "geo_precision", "target_words", "weapon_words", "vector", "n_vectors", "n_mentions",
    "background_only", "district_words")]


def _profile(r: Any) -> Profile:
    (iid, event_type, day, precision, month_day, weekday, place_name, country_code, admin1, lat, lon, geonameid,
     geo_precision, target_words, weapon_words, vector, n_vectors, n_mentions, background_only, district_words) = r
    place = None if place_name is None else Place(
        place_name, country_code or "", admin1 or "", lat, lon, geonameid, geo_precision or "town")
    md = (int(month_day[:2]), int(month_day[3:])) if month_day else None
    centroid = from_bytes(vector)
    return Profile(
        id=iid, place=place, date=EventDate(day, precision, month_day=md, weekday=weekday),
        event_type=event_type, targets=set(target_words.split()), weapons=set(filter(None, weapon_words.split("|"))),
        vector_sum=None if centroid is None else centroid * n_vectors, vectors=n_vectors,
        mentions=n_mentions, background_only=bool(background_only), districts=set(district_words.split()),
    )


def save_incidents(conn: Connection, found: list[Incident], profiles: dict[str, Profile],
                   merged: dict[str, str]) -> None:
    """Replace the rows of `found` (and of the incidents merged away), point their mentions at
    them with the join scores, and redirect merged ids."""
    gone = list(merged)
    ids = [inc.id for inc in found] + gone
    for i in range(0, len(ids), _CHUNK):
        conn.execute(delete(incidents).where(incidents.c.id.in_(ids[i:i + _CHUNK])))
    for inc in found:
        conn.execute(insert(incidents).values(_incident_row(inc, profiles.get(inc.id))))
        for m in inc.mentions:
            joined = m.joined
            conn.execute(update(mentions).where(mentions.c.id == m.id).values(
                incident_id=inc.id, join_score=joined.score if joined else None,
                join_features=json.dumps(joined.features) if joined else None))
    _redirect(conn, merged, "merged")


def replace_incidents(engine: Engine, found: list[Incident], profiles: dict[str, Profile]) -> None:
    """Swap the whole stored incident set for `found` in one transaction; an id that disappears
    redirects to the new incident holding most of its mentions."""
    with engine.begin() as conn:
        exclusive(conn)
        before: dict[str, set[str]] = defaultdict(set)
        for row in conn.execute(select(mentions.c.id, mentions.c.incident_id)
                                .where(mentions.c.incident_id.is_not(None))):
            before[row.incident_id].add(row.id)
        now_ids = {inc.id for inc in found}
        owner = {m.id: inc.id for inc in found for m in inc.mentions}
        moved: dict[str, str] = {}
        for old_id, members in before.items():
            votes: dict[str, int] = defaultdict(int)
            for mention_id in members:
                if mention_id in owner:
                    votes[owner[mention_id]] += 1
            if old_id not in now_ids and votes:
                moved[old_id] = max(sorted(votes), key=lambda k: votes[k])
        conn.execute(delete(incidents))
        conn.execute(update(mentions).values(incident_id=None, join_score=None, join_features=None))
        save_incidents(conn, found, profiles, {})
        _redirect(conn, moved, "rebuilt")
        if now_ids:  # an id that exists again is no longer redirected
            conn.execute(delete(redirects).where(redirects.c.old_id.in_(list(now_ids))))


def _redirect(conn: Connection, moved: dict[str, str], reason: str) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    for old_id, new_id in moved.items():
        conn.execute(delete(redirects).where(redirects.c.old_id == old_id))
        conn.execute(insert(redirects).values(old_id=old_id, new_id=new_id, reason=reason, created_at=now))
        # earlier redirects to the vanished id follow it
        conn.execute(update(redirects).where(redirects.c.new_id == old_id).values(new_id=new_id))


def _incident_row(inc: Incident, profile: Profile | None) -> dict[str, Any]:
    p = inc.place
    md = inc.date.month_day
    row: dict[str, Any] = dict(
        id=inc.id, event_type=inc.event_type, date=inc.date.value, date_precision=inc.date.precision,
        month_day=f"{md[0]:02d}-{md[1]:02d}" if md else None, weekday=inc.date.weekday,
        place_name=p.name if p else None, country_code=p.country_code if p else None,
        admin1=p.admin1 if p else None, lat=p.lat if p else None, lon=p.lon if p else None,
        geonameid=p.geonameid if p else None, geo_precision=p.precision if p else None,
        cell_lat=cell_of(p)[0] if p else None, cell_lon=cell_of(p)[1] if p else None,
        target=inc.target, weapon=inc.weapon, n_articles=inc.articles,
        n_independent=inc.independent, grade=inc.grade, background_only=inc.background_only,
        contradictions=json.dumps([c.__dict__ for c in inc.contradictions]),
        n_mentions=len(inc.mentions),
    )
    if profile is not None:
        centroid = profile.centroid
        row.update(target_words=" ".join(sorted(profile.targets)), weapon_words="|".join(sorted(profile.weapons)),
                   district_words=" ".join(sorted(profile.districts)),
                   vector=to_bytes(centroid) if centroid is not None else None,
                   n_vectors=profile.vectors if centroid is not None else 0)
    for kind in ("killed", "injured"):
        f: Figures = getattr(inc, kind)
        row.update({f"{kind}_low": f.low, f"{kind}_best": f.best, f"{kind}_high": f.high,
                    f"{kind}_conservative": f.conservative, f"{kind}_rule": f.rule})
    return row

