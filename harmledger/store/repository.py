"""Reading and writing the nouns: articles stored a batch (limits.BATCH, 64) per transaction, all or
none; incidents written by `store/resolution.py` in the transaction that resolved them."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from harmledger.extract.embedding import from_bytes, to_bytes
from harmledger.models import (
    Article,
    Claim,
    Contradiction,
    EventDate,
    Figures,
    Incident,
    Join,
    Mention,
    Place,
    PlacePrecision,
)
from harmledger.store import version
from harmledger.store.database import STORE_LOCK, exclusive
from harmledger.store.schema import articles, claims, incidents, mentions, redirects


def known_article_ids(engine: Engine, ids: Iterable[str]) -> set[str]:
    """Which of `ids` are stored already."""
    wanted = list(set(ids))
    found: set[str] = set()
    with engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            found.update(conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
    return found


def minhashes(engine: Engine) -> list[tuple[str, str | None, bytes | None]]:
    """(id, duplicate_of, minhash) of every stored article."""
    with engine.connect() as conn:
        rows = conn.execute(select(articles.c.id, articles.c.duplicate_of, articles.c.minhash))
        return [(r.id, r.duplicate_of, r.minhash) for r in rows]


def minhashes_besides(conn: Connection, seen: set[str]) -> list[tuple[str, str | None, bytes | None]]:
    """(id, duplicate_of, minhash) of the stored articles not in `seen` (those another process
    stored since `seen` was read); the ids come from the primary key's index alone."""
    new = [i for i in conn.execute(select(articles.c.id)).scalars() if i not in seen]
    out: list[tuple[str, str | None, bytes | None]] = []
    for start in range(0, len(new), 500):
        rows = conn.execute(select(articles.c.id, articles.c.duplicate_of, articles.c.minhash)
                            .where(articles.c.id.in_(new[start:start + 500])))
        out.extend((r.id, r.duplicate_of, r.minhash) for r in rows)
    return out


def save_articles(engine: Engine, items: list[tuple[Article, list[Mention], bytes | None]],
                  originals: Callable[[Connection], dict[str, str | None]] | None = None) -> set[str]:
    """Store several articles in one transaction (all or none); returns the ids this call stored.
    An article another process stored first is skipped by the database (ON CONFLICT DO NOTHING on
    its id), never stored twice, and its mentions are left to the process that stored it.
    `originals`, called inside the transaction under the store lock (so no other process stores
    meanwhile), gives each article the original it reprints; without it `duplicate_of` is kept."""
    now = datetime.now(UTC).replace(tzinfo=None)
    article_rows: list[dict[str, Any]] = [dict(
        id=article.id, source_id=article.source_id, url=article.url, outlet=article.outlet,
        title=article.title, published=article.published, language=article.language,
        text=article.text, duplicate_of=article.duplicate_of, minhash=minhash, ingested_at=now)
        for article, _, minhash in items]
    if not article_rows:
        return set()
    # Insert in id order: two processes storing overlapping batches then wait for each other's
    # rows in the same order and cannot deadlock.
    article_rows.sort(key=lambda row: row["id"])
    with engine.begin() as conn:
        exclusive(conn, STORE_LOCK)
        if originals is not None:
            reprints = originals(conn)
            for row in article_rows:
                row["duplicate_of"] = reprints.get(row["id"], row["duplicate_of"])
        stored = set(conn.execute(insert_new(conn, articles).returning(articles.c.id), article_rows).scalars())
        mention_rows, claim_rows = [], []
        for article, found, _ in items:
            if article.id not in stored:
                continue
            for m in found:
                mention_rows.append(_mention_row(m))
                for position, c in enumerate(m.claims):
                    claim_rows.append(dict(
                        mention_id=m.id, article_id=article.id, position=position, kind=c.kind,
                        low=c.low, high=c.high, qualifier=c.qualifier, victim_group=c.group,
                        claimant=c.claimant, evidence=c.evidence, start_char=c.start, end_char=c.end,
                        accused=c.accused))
        for table, rows in ((mentions, mention_rows), (claims, claim_rows)):
            if rows:
                conn.execute(insert_new(conn, table), rows)
        if stored:
            version.bump(conn)
    return stored


def insert_new(conn: Connection, table: Table) -> Any:
    """INSERT … ON CONFLICT DO NOTHING in the connection's dialect (SQLite or PostgreSQL)."""
    if conn.dialect.name == "postgresql":
        return pg_insert(table).on_conflict_do_nothing()
    if conn.dialect.name == "sqlite":
        return sqlite_insert(table).on_conflict_do_nothing()
    return insert(table)


def _mention_row(m: Mention) -> dict[str, Any]:
    p = m.place
    md = m.date.month_day
    return dict(
        id=m.id, article_id=m.article_id, idx=m.index, role=m.role, event_type=m.event_type,
        date=m.date.value, date_precision=m.date.precision, date_reason=m.date.reason,
        month_day=f"{md[0]:02d}-{md[1]:02d}" if md else None, weekday=m.date.weekday,
        place_name=p.name if p else None, country_code=p.country_code if p else None,
        admin1=p.admin1 if p else None, lat=p.lat if p else None, lon=p.lon if p else None,
        geonameid=p.geonameid if p else None, geo_precision=p.precision if p else None,
        target=m.target, weapon=m.weapon, district=m.district, evidence=m.evidence, start_char=m.start,
        end_char=m.end,
        vector=to_bytes(m.vector),
    )


def _place(row: Any) -> Place | None:
    if row.place_name is None:
        return None
    return Place(row.place_name, row.country_code or "", row.admin1 or "", row.lat, row.lon,
                 row.geonameid, PlacePrecision(row.geo_precision or PlacePrecision.town))


def load_articles(conn: Connection, ids: Iterable[str] | None = None,
                  with_text: bool = True) -> dict[str, Article]:
    """Stored articles by id; without their text when only the metadata is needed."""
    text = articles.c.text if with_text else literal("").label("text")
    query = select(articles.c.id, articles.c.source_id, text, articles.c.url,
                   articles.c.outlet, articles.c.title, articles.c.published, articles.c.language,
                   articles.c.duplicate_of)
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    return {r.id: Article(r.id, r.source_id, r.text, r.url, r.outlet, r.title, r.published,
                          r.language, r.duplicate_of) for r in conn.execute(query)}


def load_mentions(conn: Connection, incident_ids: list[str] | None = None) -> list[Mention]:
    """Stored mentions with their claims, in article and position order."""
    return [m for _, m in _owned_mentions(conn, incident_ids)]


def pending_mentions(conn: Connection) -> list[Mention]:
    """Stored mentions in no incident yet: stored by a run that was killed or failed before it
    resolved them (or by one resolving now, which holds the lock this is read under)."""
    return [m for _, m in _owned_mentions(conn, None, pending=True)]


def mention_owners(conn: Connection) -> dict[str, str]:
    """Mention id -> the incident it is stored in."""
    rows = conn.execute(select(mentions.c.id, mentions.c.incident_id).where(mentions.c.incident_id.is_not(None)))
    return {r.id: r.incident_id for r in rows}


def load_members(conn: Connection, incident_ids: list[str]) -> dict[str, list[Mention]]:
    """The stored mentions of each of `incident_ids`."""
    out: dict[str, list[Mention]] = defaultdict(list)
    for owner, m in _owned_mentions(conn, incident_ids):
        out[owner or ""].append(m)
    return out


# A mention as shown (exports, pages): without its embedding, which only resolution reads.
_SHOWN_MENTION_COLUMNS = [c for c in mentions.c if c.name != "vector"]


def _owned_mentions(conn: Connection, incident_ids: list[str] | None, pending: bool = False,
                    vectors: bool = True) -> list[tuple[str | None, Mention]]:
    query = select(*(mentions.c if vectors else _SHOWN_MENTION_COLUMNS)).order_by(mentions.c.article_id,
                                                                                  mentions.c.idx)
    if pending:
        rows = list(conn.execute(query.where(mentions.c.incident_id.is_(None))))
    elif incident_ids is not None:
        rows = []
        for i in range(0, len(incident_ids), 500):
            rows += list(conn.execute(query.where(mentions.c.incident_id.in_(incident_ids[i:i + 500]))))
    else:
        rows = list(conn.execute(query))
    by_mention: dict[str, list[Claim]] = defaultdict(list)
    claim_query = select(claims).order_by(claims.c.mention_id, claims.c.position)
    if incident_ids is not None or pending:
        ids = [r.id for r in rows]
        claim_rows = []
        for i in range(0, len(ids), 500):
            claim_rows += list(conn.execute(claim_query.where(claims.c.mention_id.in_(ids[i:i + 500]))))
    else:
        claim_rows = list(conn.execute(claim_query))
    for c in claim_rows:
        by_mention[c.mention_id].append(Claim(
            kind=c.kind, claimant=c.claimant, evidence=c.evidence, start=c.start_char,
            end=c.end_char, low=c.low, high=c.high, qualifier=c.qualifier, group=c.victim_group,
            article_id=c.article_id, accused=c.accused))
    out = []
    for r in rows:
        md = tuple(int(x) for x in r.month_day.split("-")) if r.month_day else None
        when = EventDate(r.date, r.date_precision, r.date_reason, month_day=md,  # type: ignore[arg-type]
                         weekday=r.weekday)
        joined = Join(r.join_score, json.loads(r.join_features)) if r.join_score is not None else None
        out.append((r.incident_id, Mention(
            r.article_id, r.idx, r.role, r.event_type, when, _place(r), r.target, r.weapon, r.evidence,
            r.start_char, r.end_char, by_mention[r.id], vector=from_bytes(r.vector) if vectors else None,
            joined=joined,
            district=r.district)))
    return out


def resolve_incident_id(engine: Engine, incident_id: str) -> tuple[str, bool]:
    """The current id for `incident_id` and whether it was redirected (merged away)."""
    with engine.connect() as conn:
        target = conn.execute(select(redirects.c.new_id).where(redirects.c.old_id == incident_id)).scalar()
    return (target, True) if target else (incident_id, False)


# What an Incident is read from: not the resolver's profile (its vector blob and word lists).
_INCIDENT_COLUMNS = [c for c in incidents.c if c.name not in
                     ("vector", "target_words", "weapon_words", "district_words", "n_vectors")]


def load_incidents(engine: Engine, ids: list[str] | None = None, with_members: bool = True) -> list[Incident]:
    """Stored incidents with their mentions and claims (without them: a list row's worth, read in
    one query), ordered by date then id; as shown, so without the mentions' embeddings."""
    with engine.connect() as conn:
        # NULLS FIRST as SQLite does by default, so both stores list incidents in one order.
        query = select(*_INCIDENT_COLUMNS).order_by(incidents.c.date.nulls_first(), incidents.c.id)
        if ids is not None:
            query = query.where(incidents.c.id.in_(ids))
        rows = list(conn.execute(query))
        by_incident: dict[str, list[Mention]] = defaultdict(list)
        if with_members:
            for owner, m in _owned_mentions(conn, [r.id for r in rows] if ids is not None else None,
                                            vectors=False):
                if owner:
                    by_incident[owner].append(m)
    out = []
    for r in rows:
        inc = Incident(
            id=r.id, event_type=r.event_type,
            date=EventDate(r.date, r.date_precision), place=_place(r), target=r.target,
            weapon=r.weapon, mentions=by_incident[r.id],
            killed=Figures(r.killed_low, r.killed_best, r.killed_high, r.killed_conservative, r.killed_rule),
            injured=Figures(r.injured_low, r.injured_best, r.injured_high, r.injured_conservative,
                            r.injured_rule),
            articles=r.n_articles, independent=r.n_independent, grade=r.grade,
            contradictions=[Contradiction(**c) for c in json.loads(r.contradictions)],
            background_only=bool(r.background_only),
            figure_status=r.figure_status, denied_by=json.loads(r.denied_by),
        )
        _resolved_claimants(inc, json.loads(r.claimants), json.loads(r.figure_basis))
        out.append(inc)
    return out


def _resolved_claimants(inc: Incident, claimants: list[list[str]], basis: dict[str, Any]) -> None:
    """Put the reconciled entity, source type and side back on each claim (stored in claim order)."""
    found = inc.claims
    if len(claimants) == len(found):
        inc.put_claims([replace(c, entity=entity, source_type=source_type, side=side)
                        for c, (entity, source_type, side) in zip(found, claimants, strict=True)])
    inc.killed.basis = basis.get("killed", {})
    inc.injured.basis = basis.get("injured", {})


def all_articles(engine: Engine, with_text: bool = True) -> dict[str, Article]:
    with engine.connect() as conn:
        return load_articles(conn, with_text=with_text)


def find_article(conn: Connection, ref: str) -> Article | None:
    """The stored article whose id or source id (file name) is `ref`, without its text."""
    row = conn.execute(select(articles.c.id).where((articles.c.id == ref) | (articles.c.source_id == ref))
                       .order_by(articles.c.id).limit(1)).scalar()
    return load_articles(conn, [row], with_text=False)[row] if row else None
