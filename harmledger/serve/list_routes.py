"""List endpoints across incidents: claims (everything one claimant said) and articles (by source id),
paged on the server with next/prev links."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Engine

from harmledger.models import ClaimKind, Qualifier
from harmledger.serve.schemas import ArticlePage, ClaimPage, ErrorOut
from harmledger.store import claim_queries
from harmledger.store.claim_queries import ArticleFilters, ClaimFilters
from harmledger.store.repository import resolve_incident_id

MAX_PAGE = 500
ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "Bad parameter"}}
router = APIRouter(prefix="/api")

_TEXT = {"min_length": 1, "max_length": 200}
_ID = {"min_length": 1, "max_length": 64}
_LANGUAGE = {"pattern": r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$", "description": "Language code, e.g. en, uk"}


class ClaimSort(StrEnum):
    """Keys of `claim_queries.CLAIM_SORT`; a leading '-' sorts descending."""

    article = "article"
    published = "published"
    published_desc = "-published"
    claimant = "claimant"
    claimant_desc = "-claimant"
    kind = "kind"
    low = "low"
    low_desc = "-low"


class ArticleSort(StrEnum):
    published = "published"
    published_desc = "-published"
    source_id = "source_id"
    outlet = "outlet"


def page_links(request: Request, total: int, limit: int, offset: int) -> dict[str, str | None]:
    """`next` and `prev`: this request's path and query with the offset moved by one page (None past
    either end). Relative, so they stay right behind a proxy that rewrites the host."""
    def at(new_offset: int) -> str:
        moved = request.url.include_query_params(offset=new_offset, limit=limit)
        return f"{moved.path}?{moved.query}"

    return {"next": at(offset + limit) if offset + limit < total else None,
            "prev": at(max(0, offset - limit)) if offset > 0 else None}


def _engine(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


EngineDep = Annotated[Engine, Depends(_engine)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page (at most 500)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


@router.get("/claims", response_model=ClaimPage, responses=ERRORS)
def list_claims(
    request: Request, engine: EngineDep,
    claimant: Annotated[str | None, Query(description="Part of the claimant's name, any case", **_TEXT)] = None,
    kind: Annotated[ClaimKind | None, Query()] = None,
    qualifier: Annotated[Qualifier | None, Query()] = None,
    group: Annotated[str | None, Query(description="Victim group, e.g. children, civilians", **_TEXT)] = None,
    incident: Annotated[str | None, Query(description="Incident id (a merged-away id is followed)", **_ID)] = None,
    article: Annotated[str | None, Query(description="Article id", **_ID)] = None,
    outlet: Annotated[str | None, Query(description="Part of the outlet's name, any case", **_TEXT)] = None,
    language: Annotated[str | None, Query(**_LANGUAGE)] = None,
    sort: Annotated[ClaimSort, Query(description="'-' first for descending")] = ClaimSort.article,
    limit: Limit = 100, offset: Offset = 0,
) -> dict[str, Any]:
    """Claims across all incidents, e.g. everything one ministry claimed, one page at a time."""
    if incident:
        incident = resolve_incident_id(engine, incident)[0]
    chosen = ClaimFilters(claimant=claimant, kind=kind, qualifier=qualifier, group=group, incident=incident,
                          article=article, outlet=outlet, language=language)
    total = claim_queries.count_claims(engine, chosen)
    rows = claim_queries.select_claims(engine, chosen, sort.value, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "sort": sort.value, "filters": chosen.as_dict(),
            **page_links(request, total, limit, offset), "claims": rows}


@router.get("/articles", response_model=ArticlePage, responses=ERRORS)
def list_articles(
    request: Request, engine: EngineDep,
    source_id: Annotated[str | None, Query(description="The input's own id (record id or file name)",
                                           min_length=1, max_length=500)] = None,
    outlet: Annotated[str | None, Query(description="Part of the outlet's name, any case", **_TEXT)] = None,
    language: Annotated[str | None, Query(**_LANGUAGE)] = None,
    sort: Annotated[ArticleSort, Query()] = ArticleSort.published,
    limit: Limit = 100, offset: Offset = 0,
) -> dict[str, Any]:
    """Article metadata (no text) and the incidents each feeds; find an article by its source id."""
    chosen = ArticleFilters(source_id=source_id, outlet=outlet, language=language)
    total = claim_queries.count_articles(engine, chosen)
    rows = claim_queries.select_articles(engine, chosen, sort.value, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "sort": sort.value, "filters": chosen.as_dict(),
            **page_links(request, total, limit, offset), "articles": rows}
