"""Writing incidents: the profiles the resolver reads back, the incidents a batch touched, and a
full replacement after `harmledger rebuild`. Every id that disappears redirects to its successor."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select, update

from harmledger.extract.embedding import from_bytes, to_bytes
from harmledger.models import EventDate, Figures, Incident, Mention, Place
from harmledger.resolve.features import Profile
from harmledger.resolve.index import DAY_WINDOW, LOOSE_REACH, REACH, UNDATED_REACH, Cell, cell_of
from harmledger.store.database import exclusive
from harmledger.store.schema import incidents, mentions, redirects

_CHUNK = 400


Window = tuple[date, date]
_ALL_DATES: list[Window] = [(date.min, date.max)]


def blocking_keys(found: Iterable[Mention]) -> tuple[dict[Cell, list[Window]], set[date], set[date]]:
    """For a batch of mentions: each grid cell they reach with the date windows they need there
    (an undated mention needs the whole cell); the days placeless incidents may sit on; and the
    days of placeless mentions, which may join an incident anywhere on them."""
    windows: dict[Cell, list[Window]] = defaultdict(list)
    days: set[date] = set()
    placeless_days: set[date] = set()
    for m in found:
        near = {m.date.value + timedelta(days=d) for d in (-1, 0, 1)} if m.date.value is not None else set()
        days |= near
        if m.place is None:
            placeless_days |= near
            continue
        span = _window(m)
        lat, lon = cell_of(m.place)
        reach = REACH.get(m.place.precision, 1)
        for a in range(-reach, reach + 1):
            for b in range(-reach, reach + 1):
                windows[(lat + a, lon + b)].append(span)
    return {cell: _union(spans) for cell, spans in windows.items()}, days, placeless_days


def _window(m: Mention) -> Window:
    """Dates a stored day-precise incident can have and still match `m` (features._date_score)."""
    value = m.date.value
    if value is None or m.date.precision not in ("day", "week", "month"):
        return _ALL_DATES[0]
    reach = DAY_WINDOW[m.date.precision]
    return value - timedelta(days=reach), value + timedelta(days=reach)


def _union(spans: list[Window]) -> list[Window]:
    if _ALL_DATES[0] in spans:
        return _ALL_DATES
    out: list[Window] = []
    for lo, hi in sorted(spans):
        if out and (lo - out[-1][1]).days <= 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def load_profiles(conn: Connection, windows: dict[Cell, list[Window]], days: set[date],
                  placeless_days: set[date]) -> list[Profile]:
    """Profiles of the stored incidents a batch can match: in its cells, dated ones only inside
    its date windows (an index range scan each, so the cost does not grow with the database),
    the most recent undated ones, and placeless ones on its days."""
    rows: list[Any] = []
    for (lat, lon), spans in windows.items():
        in_cell = and_(incidents.c.cell_lat == lat, incidents.c.cell_lon == lon)
        if spans == _ALL_DATES:
            # A report with no date at all could be any incident of its town; the most recent
            # ones are the likely ones, and a cap keeps a busy city from costing more each year.
            rows += conn.execute(select(*_PROFILE_COLUMNS).where(in_cell).order_by(incidents.c.date.desc())
                                 .limit(UNDATED_REACH))
            continue
        # a week- or month-precise incident matches within its own reach (index.LOOSE_REACH)
        precision = incidents.c.date_precision
        near = or_(*(or_(and_(precision == "day", incidents.c.date.between(lo, hi)),
                         *(and_(precision == name, incidents.c.date.between(lo - timedelta(days=reach),
                                                                             hi + timedelta(days=reach)))
                           for name, reach in LOOSE_REACH.items()),
                         and_(precision == "year", incidents.c.date.between(lo - timedelta(days=366), hi)))
                     for lo, hi in spans[:_CHUNK]))
        rows += conn.execute(select(*_PROFILE_COLUMNS).where(in_cell, near))
        rows += conn.execute(select(*_PROFILE_COLUMNS).where(in_cell, incidents.c.date.is_(None))
                             .order_by(incidents.c.n_mentions.desc()).limit(UNDATED_REACH))
    for wanted, anywhere in ((sorted(days), incidents.c.cell_lat.is_(None)),
                             (sorted(placeless_days), incidents.c.date_precision == "day")):
        for i in range(0, len(wanted), _CHUNK):
            rows += conn.execute(select(*_PROFILE_COLUMNS).where(
                incidents.c.date.in_(wanted[i:i + _CHUNK]), anywhere))
    seen: dict[str, Profile] = {}
    for r in rows:
        if r.id not in seen:
            seen[r.id] = _profile(r)
    return list(seen.values())


# Only what a profile needs: the figures, contradictions and rules stay on disk.
_PROFILE_COLUMNS = [incidents.c[name] for name in (
    "id", "event_type", "date", "date_precision", "month_day", "weekday", "place_name", "country_code", "admin1",
    "lat", "lon", "geonameid", "geo_precision", "target_words", "weapon_words", "vector", "n_vectors", "n_mentions",
    "background_only", "district_words")]


def _profile(r: Any) -> Profile:
    place = None if r.place_name is None else Place(
        r.place_name, r.country_code or "", r.admin1 or "", r.lat, r.lon, r.geonameid, r.geo_precision or "town")
    md = tuple(int(x) for x in r.month_day.split("-")) if r.month_day else None
    centroid = from_bytes(r.vector)
    return Profile(
        id=r.id, place=place, date=EventDate(r.date, r.date_precision, month_day=md, weekday=r.weekday),  # type: ignore[arg-type]
        event_type=r.event_type, targets=set(r.target_words.split()),
        weapons=set(filter(None, r.weapon_words.split("|"))),
        vector_sum=None if centroid is None else centroid * r.n_vectors, vectors=r.n_vectors,
        mentions=r.n_mentions, background_only=bool(r.background_only), districts=set(r.district_words.split()),
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

