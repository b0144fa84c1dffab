"""Read queries for the API and the exports: filtered, sorted, paged incidents and one article's spans.

Every value from a request is a bound parameter of a SQLAlchemy Core expression, never SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Engine, and_, exists, false, func, or_, select

from harmledger.models import Article, ClaimKind
from harmledger.store.repository import load_articles, load_incidents
from harmledger.store.schema import articles, claims, incidents, mentions

if TYPE_CHECKING:
    from harmledger.models import Incident
    from harmledger.store.filters import Filters

# Sort keys the API offers; a leading "-" reverses. Ties (and undated incidents) fall back to id.
SORT_COLUMNS = {
    "date": incidents.c.date,
    "killed": incidents.c.killed_best,
    "injured": incidents.c.injured_best,
    "sources": incidents.c.n_independent,
}


def _conditions(f: Filters) -> list[ColumnElement[bool]]:
    c = incidents.c
    where: list[ColumnElement[bool]] = []
    if f.since:
        where.append(c.date >= f.since)
    if f.until:
        where.append(c.date <= f.until)
    if f.country:
        where.append(func.upper(c.country_code) == f.country.upper())
    if f.admin1:
        where.append(func.lower(c.admin1) == f.admin1.lower())
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        # A box whose west edge is east of its east edge crosses the antimeridian.
        lon = (c.lon.between(min_lon, max_lon) if min_lon <= max_lon
               else or_(c.lon >= min_lon, c.lon <= max_lon))
        where.append(and_(c.lat.between(min_lat, max_lat), lon))
    if f.event_type:
        where.append(c.event_type == f.event_type)
    if f.grade:
        where.append(c.grade == f.grade)
    if f.min_killed is not None:
        where.append(func.coalesce(c.killed_best, 0) >= f.min_killed)
    if f.q:
        where.append(_text_match(f.q))
    if f.date_precision == "unknown":
        where.append(c.date.is_(None))
    elif f.date_precision:
        where.append(and_(c.date.is_not(None), c.date_precision == f.date_precision))
    if f.place_precision:
        where.append(c.geo_precision == f.place_precision)
    where += _claim_and_source_conditions(f)
    if not f.include_background:
        where.append(c.background_only == false())
    return where


def _claim_and_source_conditions(f: Filters) -> list[ColumnElement[bool]]:
    """Filters that look through an incident's mentions into their claims and articles."""
    c, cl, a = incidents.c, claims.c, articles.c
    of_incident = mentions.c.incident_id == c.id
    where: list[ColumnElement[bool]] = []
    if f.claimant:
        where.append(exists().where(of_incident, cl.mention_id == mentions.c.id,
                                    cl.claimant.icontains(f.claimant, autoescape=True)))
    if f.actor:  # who denied was accused: the actor as the sources name it
        where.append(exists().where(of_incident, cl.mention_id == mentions.c.id, cl.kind == ClaimKind.denial,
                                    cl.claimant.icontains(f.actor, autoescape=True)))
    if f.victim_group:
        where.append(exists().where(of_incident, cl.mention_id == mentions.c.id, cl.kind.in_(("killed", "injured")),
                                    func.lower(cl.victim_group) == f.victim_group.lower()))
    if f.outlet:
        where.append(exists().where(of_incident, a.id == mentions.c.article_id,
                                    a.outlet.icontains(f.outlet, autoescape=True)))
    if f.language:
        where.append(exists().where(of_incident, a.id == mentions.c.article_id,
                                    func.lower(a.language) == f.language.lower()))
    return where


def _text_match(q: str) -> ColumnElement[bool]:
    """Place, region, type, target or weapon of the incident, or a claimant or evidence of its claims."""
    c = incidents.c
    own = [col.icontains(q, autoescape=True) for col in (c.place_name, c.admin1, c.event_type, c.target, c.weapon)]
    claimed = exists().where(mentions.c.incident_id == c.id, claims.c.mention_id == mentions.c.id,
                             or_(claims.c.claimant.icontains(q, autoescape=True),
                                 claims.c.evidence.icontains(q, autoescape=True)))
    return or_(*own, claimed)


def count_incidents(engine: Engine, filters: Filters) -> int:
    """How many incidents the filters keep."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(incidents)
                                .where(*_conditions(filters))).scalar_one())


def select_incidents(engine: Engine, filters: Filters, sort: str = "date", limit: int | None = None,
                     offset: int = 0, with_members: bool = True) -> list[Incident]:
    """The incidents the filters keep, in `sort` order, with their mentions and claims (without
    them for a list, which shows neither: reading them cost ~10 ms a request)."""
    column = SORT_COLUMNS[sort.lstrip("-")]
    key = column.desc() if sort.startswith("-") else column.asc()
    query = (select(incidents.c.id).where(*_conditions(filters))
             .order_by(key.nulls_last(), incidents.c.id).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        ids = list(conn.execute(query).scalars())
    by_id = {inc.id: inc for inc in load_incidents(engine, ids, with_members)} if ids else {}
    return [by_id[i] for i in ids]


@dataclass
class ArticleSpans:
    """One article with its normalised text and the spans extracted from it."""

    article: Article
    mentions: list[dict[str, Any]]
    claims: list[dict[str, Any]]


def article_with_spans(engine: Engine, article_id: str) -> ArticleSpans | None:
    """The article, its mentions (with the incident each belongs to) and its claims; None if unknown."""
    with engine.connect() as conn:
        found = load_articles(conn, [article_id])
        if not found:
            return None
        m = mentions.c
        mention_rows = conn.execute(select(m.id, m.idx, m.role, m.event_type, m.incident_id, m.evidence,
                                           m.start_char, m.end_char)
                                    .where(m.article_id == article_id).order_by(m.idx))
        found_mentions = [{"index": r.idx, "role": r.role, "event_type": r.event_type,
                           "incident_id": r.incident_id, "evidence": r.evidence, "start": r.start_char,
                           "end": r.end_char} for r in mention_rows]
        cl = claims.c
        claim_rows = conn.execute(select(cl.kind, cl.low, cl.high, cl.qualifier, cl.victim_group,
                                         cl.claimant, cl.evidence, cl.start_char, cl.end_char, m.idx)
                                  .join(mentions, mentions.c.id == cl.mention_id)
                                  .where(cl.article_id == article_id).order_by(m.idx, cl.position))
        found_claims = [{"mention": r.idx, "kind": r.kind, "low": r.low, "high": r.high,
                         "qualifier": r.qualifier, "group": r.victim_group, "claimant": r.claimant,
                         "evidence": r.evidence, "start": r.start_char, "end": r.end_char}
                        for r in claim_rows]
    return ArticleSpans(found[article_id], found_mentions, found_claims)


def incidents_of_articles(engine: Engine, article_ids: list[str]) -> dict[str, list[str]]:
    """For each article, the incidents its mentions belong to (in mention order)."""
    out: dict[str, list[str]] = {a: [] for a in article_ids}
    if not article_ids:
        return out
    with engine.connect() as conn:
        rows = conn.execute(select(mentions.c.article_id, mentions.c.incident_id)
                            .where(mentions.c.article_id.in_(article_ids), mentions.c.incident_id.is_not(None))
                            .order_by(mentions.c.article_id, mentions.c.idx))
        for r in rows:
            if r.incident_id not in out[r.article_id]:
                out[r.article_id].append(r.incident_id)
    return out


def counts(engine: Engine) -> tuple[int, int]:
    """How many incidents and articles are stored."""
    with engine.connect() as conn:
        n_incidents = conn.execute(select(func.count()).select_from(incidents)).scalar_one()
        n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    return int(n_incidents), int(n_articles)
