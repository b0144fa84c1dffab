"""Read queries across incidents: claims by claimant, kind, incident, outlet or language, and
articles by source id. Every request value is a bound parameter of a SQLAlchemy Core expression."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, select

from harmledger.models import ClaimKind, Qualifier
from harmledger.store.filters import Published, SaidBy
from harmledger.store.schema import articles, claims, mentions

CLAIM_SORT = {
    "article": (claims.c.article_id, mentions.c.idx, claims.c.position),
    "published": (articles.c.published, claims.c.article_id, mentions.c.idx, claims.c.position),
    "claimant": (claims.c.claimant, claims.c.article_id, mentions.c.idx, claims.c.position),
    "kind": (claims.c.kind, claims.c.article_id, mentions.c.idx, claims.c.position),
    "low": (claims.c.low, claims.c.article_id, mentions.c.idx, claims.c.position),
}
ARTICLE_SORT = {
    "published": (articles.c.published, articles.c.id),
    "source_id": (articles.c.source_id, articles.c.id),
    "outlet": (articles.c.outlet, articles.c.id),
}


@dataclass(frozen=True)
class ClaimFilters(SaidBy):
    """Which claims: every field narrows; text fields match case-insensitively (claimant, outlet: a part)."""

    kind: ClaimKind | None = None
    qualifier: Qualifier | None = None
    group: str | None = None
    incident: str | None = None
    article: str | None = None


def _claim_conditions(f: ClaimFilters) -> list[ColumnElement[bool]]:
    c, m = claims.c, mentions.c
    where: list[ColumnElement[bool]] = []
    if f.claimant:
        where.append(c.claimant.icontains(f.claimant, autoescape=True))
    if f.kind:
        where.append(c.kind == f.kind)
    if f.qualifier:
        where.append(c.qualifier == f.qualifier)
    if f.group:
        where.append(func.lower(c.victim_group) == f.group.lower())
    if f.incident:
        where.append(m.incident_id == f.incident)
    if f.article:
        where.append(c.article_id == f.article)
    return where + _source_conditions(f)


def _claims_from(query: Select[Any]) -> Select[Any]:
    return (query.select_from(claims).join(mentions, mentions.c.id == claims.c.mention_id)
            .join(articles, articles.c.id == claims.c.article_id))


def count_claims(engine: Engine, f: ClaimFilters) -> int:
    """How many claims the filters keep."""
    with engine.connect() as conn:
        return int(conn.execute(_claims_from(select(func.count())).where(*_claim_conditions(f))).scalar_one())


def select_claims(engine: Engine, f: ClaimFilters, sort: str = "article", limit: int = 100,
                  offset: int = 0) -> list[dict[str, Any]]:
    """One page of claims with their incident and article, in `sort` order ('-' first: descending)."""
    keys = CLAIM_SORT[sort.lstrip("-")]
    order = [k.desc().nulls_last() if sort.startswith("-") else k.asc().nulls_last() for k in keys[:1]] + list(keys[1:])
    c, m, a = claims.c, mentions.c, articles.c
    query = _claims_from(select(
        c.mention_id, c.position, c.kind, c.low, c.high, c.qualifier, c.victim_group, c.claimant, c.evidence,
        c.start_char, c.end_char, c.article_id, m.incident_id, m.role, a.source_id, a.outlet, a.language,
        a.published)).where(*_claim_conditions(f)).order_by(*order).limit(limit).offset(offset)
    with engine.connect() as conn:
        return [{
            # Content-derived, so it survives a rebuild: the mention (article:index) and the position in it.
            "id": f"{r.mention_id}:{r.position}", "incident_id": r.incident_id, "role": r.role,
            "article_id": r.article_id, "source_id": r.source_id, "outlet": r.outlet, "language": r.language,
            "published": r.published.isoformat() if r.published else "", "kind": r.kind, "low": r.low,
            "high": r.high, "qualifier": r.qualifier, "group": r.victim_group, "claimant": r.claimant,
            "evidence": r.evidence, "start": r.start_char, "end": r.end_char,
        } for r in conn.execute(query)]


@dataclass(frozen=True)
class ArticleFilters(Published):
    source_id: str | None = None


def _article_conditions(f: ArticleFilters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [articles.c.source_id == f.source_id] if f.source_id else []
    return where + _source_conditions(f)


def _source_conditions(f: Published) -> list[ColumnElement[bool]]:
    """An article's outlet (part of its name, any case) and language, as claims and articles filter them."""
    a = articles.c
    where: list[ColumnElement[bool]] = []
    if f.outlet:
        where.append(a.outlet.icontains(f.outlet, autoescape=True))
    if f.language:
        where.append(func.lower(a.language) == f.language.lower())
    return where


def count_articles(engine: Engine, f: ArticleFilters) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(articles)
                                .where(*_article_conditions(f))).scalar_one())


def select_articles(engine: Engine, f: ArticleFilters, sort: str = "published", limit: int = 100,
                    offset: int = 0) -> list[dict[str, Any]]:
    """One page of article metadata (no text) with the incidents their mentions belong to."""
    keys = ARTICLE_SORT[sort.lstrip("-")]
    first = keys[0].desc().nulls_last() if sort.startswith("-") else keys[0].asc().nulls_last()
    a = articles.c
    query = (select(a.id, a.source_id, a.url, a.outlet, a.title, a.published, a.language, a.duplicate_of)
             .where(*_article_conditions(f)).order_by(first, keys[1]).limit(limit).offset(offset))
    with engine.connect() as conn:
        rows = list(conn.execute(query))
        owners: dict[str, list[str]] = {r.id: [] for r in rows}
        if owners:
            for art, inc in conn.execute(select(mentions.c.article_id, mentions.c.incident_id)
                                         .where(mentions.c.article_id.in_(list(owners)),
                                                mentions.c.incident_id.is_not(None))
                                         .order_by(mentions.c.article_id, mentions.c.idx)):
                if inc not in owners[art]:
                    owners[art].append(inc)
    return [{"id": r.id, "source_id": r.source_id, "url": r.url, "outlet": r.outlet, "title": r.title,
             "published": r.published.isoformat() if r.published else "", "language": r.language,
             "duplicate_of": r.duplicate_of, "incidents": owners[r.id]} for r in rows]
