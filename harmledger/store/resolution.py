"""Writing incidents: the incidents a batch touched, with the span of news each remembers, and a
full replacement after `harmledger rebuild`. Every id that disappears redirects to its successor."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)

from harmledger.extract.embedding import to_bytes
from harmledger.models import Figures, Incident
from harmledger.resolve.features import Profile
from harmledger.resolve.index import (
    cell_of,
)
from harmledger.store import version
from harmledger.store.blocking import ANY_TIME, Window
from harmledger.store.schema import incidents, mentions, redirects

_CHUNK = 400  # ids in one IN list


def save_incidents(conn: Connection, found: list[Incident], profiles: dict[str, Profile],
                   merged: dict[str, str], span: Window | None = None,
                   remembered: dict[str, list[Window]] | None = None) -> None:
    """Replace the rows of `found` (and of the incidents merged away), point their mentions at
    them with the join scores, and redirect merged ids. `span` is the news of the batch that
    touched them (news_span), added to the span each remembers (or is given in `remembered`)."""
    gone = list(merged)
    ids = [inc.id for inc in found] + gone
    seen = _seen(conn, ids, merged, span, remembered or {})
    for i in range(0, len(ids), _CHUNK):
        conn.execute(delete(incidents).where(incidents.c.id.in_(ids[i:i + _CHUNK])))
    # One statement each for many rows: compiling a statement per row cost more than the writes.
    rows: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for inc in found:
        row = _incident_row(inc, profiles.get(inc.id))
        row["seen_from"], row["seen_to"] = seen.get(inc.id) or ANY_TIME
        rows[frozenset(row)].append(row)
    for same_columns in rows.values():
        conn.execute(insert(incidents), same_columns)
    joins = [{"mention": m.id, "incident": inc.id, "score": m.joined.score if m.joined else None,
              "features": json.dumps(m.joined.features) if m.joined else None}
             for inc in found for m in inc.mentions]
    if joins:
        conn.execute(update(mentions).where(mentions.c.id == bindparam("mention")).values(
            incident_id=bindparam("incident"), join_score=bindparam("score"),
            join_features=bindparam("features")), joins)
    _redirect(conn, merged, "merged")
    version.bump(conn)


def _seen(conn: Connection, ids: list[str], merged: dict[str, str], span: Window | None,
          remembered: dict[str, list[Window]]) -> dict[str, Window]:
    """The span of news of each incident after this batch: what it and those merged into it
    remembered, and `span`."""
    parts: dict[str, list[Window]] = defaultdict(list, {iid: list(spans) for iid, spans in remembered.items()})
    for iid, window in _stored_seen(conn, ids).items():
        parts[merged.get(iid, iid)].append(window)
    if span is not None:
        for iid in ids:
            parts[merged.get(iid, iid)].append(span)
    return {iid: (min(f for f, _ in spans), max(t for _, t in spans)) for iid, spans in parts.items()}


def _stored_seen(conn: Connection, ids: list[str] | None = None) -> dict[str, Window]:
    """The span of news stored for each of `ids` (of every incident when None) that has one."""
    query = select(incidents.c.id, incidents.c.seen_from, incidents.c.seen_to).where(
        or_(incidents.c.seen_from > ANY_TIME[0], incidents.c.seen_to < ANY_TIME[1]))
    if ids is None:
        return {iid: (first, last) for iid, first, last in conn.execute(query)}
    out = {}
    for i in range(0, len(ids), _CHUNK):
        out.update({iid: (first, last) for iid, first, last in
                    conn.execute(query.where(incidents.c.id.in_(ids[i:i + _CHUNK])))})
    return out


def replace_incidents(conn: Connection, found: list[Incident], profiles: dict[str, Profile]) -> None:
    """Swap the whole stored incident set for `found` in the caller's transaction (which holds
    the resolve lock, see store.database.exclusive); an id that disappears redirects to the new
    incident holding most of its mentions."""
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
    # each new incident remembers the news of the old ones its mentions come from
    stored = _stored_seen(conn)
    remembered: dict[str, list[Window]] = defaultdict(list)
    for old_id, members in before.items():
        for new_id in {owner[m] for m in members if m in owner}:
            if old_id in stored:
                remembered[new_id].append(stored[old_id])
    conn.execute(delete(incidents))
    conn.execute(update(mentions).values(incident_id=None, join_score=None, join_features=None))
    save_incidents(conn, found, profiles, {}, remembered=remembered)
    _redirect(conn, moved, "rebuilt")
    if now_ids:  # an id that exists again is no longer redirected
        conn.execute(delete(redirects).where(redirects.c.old_id.in_(list(now_ids))))
    version.bump(conn)


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
        n_mentions=len(inc.mentions), figure_status=inc.figure_status, denied_by=json.dumps(inc.denied_by),
        claimants=json.dumps([[c.entity, c.source_type, c.side] for c in inc.claims], ensure_ascii=False),
        figure_basis=json.dumps({"killed": inc.killed.basis, "injured": inc.injured.basis}),
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

