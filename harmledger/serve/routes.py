"""Read endpoints: incident list and page, articles with their spans, exports, health."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Engine

from harmledger.conventions import IncidentSort as Sort
from harmledger.export.formats import CSV_MEDIA_TYPE, MEDIA_TYPES, ExportFormat, article_json, incident_json, render
from harmledger.models import DatePrecision, EventType, Grade, PlacePrecision
from harmledger.serve.list_routes import page_links
from harmledger.serve.problems import ApiError
from harmledger.serve.schemas import ArticleDetail, ErrorOut, Health, IncidentComparison, IncidentDetail, IncidentPage
from harmledger.store import queries
from harmledger.store.filters import Filters, parse_bbox, parse_day
from harmledger.store.repository import all_articles, load_articles, load_incidents, resolve_incident_id

_NUMBER = r"-?\d{1,3}(\.\d{1,12})?"
BBOX = f"^{_NUMBER}(,{_NUMBER}){{3}}$"
# Only YYYY-MM-DD: a plain date parameter would also take "0" as 1970-01-01 (a Unix time).
DAY: dict[str, Any] = {"pattern": r"^\d{4}-\d{2}-\d{2}$", "json_schema_extra": {"format": "date"}}
MAX_PAGE = 500  # rows per list request; exports have no cap, they are the whole filtered view
ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "Bad parameter"}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {**ERRORS, 404: {"model": ErrorOut, "description": "Unknown id"}}
router = APIRouter(prefix="/api")
health_router = APIRouter()



def engine_of(request: Request) -> Engine:
    """The app's database engine."""
    return request.app.state.engine  # type: ignore[no-any-return]


def filters(
    since: Annotated[str | None, Query(description="Incidents on or after this day", **DAY)] = None,
    until: Annotated[str | None, Query(description="Incidents on or before this day", **DAY)] = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO code, e.g. UA")] = None,
    admin1: Annotated[str | None, Query(min_length=1, max_length=100, description="Region name, e.g. Donetsk")] = None,
    bbox: Annotated[str | None, Query(pattern=BBOX, description="min_lon,min_lat,max_lon,max_lat")] = None,
    type: Annotated[EventType | None, Query(description="Event type")] = None,
    grade: Annotated[Grade | None, Query()] = None,
    min_killed: Annotated[int | None, Query(ge=0, le=1_000_000, description="Best killed at least")] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200,
                                   description="Text in place, type, target, weapon, claimant or evidence")] = None,
    include_background: Annotated[bool, Query(description="Include background-only incidents")] = True,
    date_precision: Annotated[DatePrecision | None, Query(description="How exactly the date is known")] = None,
    place_precision: Annotated[PlacePrecision | None, Query(description="How exactly the place is known")] = None,
    claimant: Annotated[str | None, Query(min_length=1, max_length=200,
                                          description="Part of a claimant's name, any case")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200,
                                       description="The accused side: part of the name of who issued a denial")] = None,
    victim_group: Annotated[str | None, Query(min_length=1, max_length=40,
                                              description="A group named in a killed or injured figure, "
                                                          "e.g. civilians, children")] = None,
    outlet: Annotated[str | None, Query(min_length=1, max_length=200, description="Part of an outlet's name")] = None,
    language: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$",
                                          description="Language of an article, e.g. en, uk")] = None,
) -> Filters:
    """The filter query parameters shared by the list and the export, checked."""
    first, last = _day(since, "since"), _day(until, "until")
    if first and last and first > last:
        raise ApiError(422, f"since ({first}) is after until ({last})")
    try:
        box = parse_bbox(bbox) if bbox else None
    except ValueError as exc:
        raise ApiError(422, f"bbox: {exc}") from None
    return Filters(since=first, until=last, country=country.upper() if country else None, admin1=admin1,
                   bbox=box, event_type=type.value if type else None, grade=grade.value if grade else None,
                   min_killed=min_killed, q=q, include_background=include_background,
                   date_precision=date_precision.value if date_precision else None,
                   place_precision=place_precision.value if place_precision else None,
                   claimant=claimant, actor=actor, victim_group=victim_group, outlet=outlet, language=language)


def _day(value: str | None, name: str) -> date | None:
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ApiError(422, f"{name}: {exc}") from None


FiltersDep = Annotated[Filters, Depends(filters)]
EngineDep = Annotated[Engine, Depends(engine_of)]


def cached(request: Request, payload: dict[str, Any]) -> Response:
    """`payload` as JSON with an ETag (a hash of the body); 304 without a body when the client's
    If-None-Match holds it already. Written here rather than by the response model: the model
    checked 500 list rows a request for shapes the tests already hold the builders to."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    tag = f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'
    headers = {"ETag": tag, "Cache-Control": "no-cache"}  # may keep it, must ask again
    asked = request.headers.get("if-none-match", "")
    if tag in (t.strip().removeprefix("W/") for t in asked.split(",")):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


def summary(inc_json: dict[str, Any]) -> dict[str, Any]:
    """An export incident object without its mentions and claims: one row of the list."""
    return {k: v for k, v in inc_json.items() if k not in ("mentions", "claims")}


@router.get("/incidents", response_model=IncidentPage, responses=ERRORS)
def list_incidents(
    request: Request, engine: EngineDep, chosen: FiltersDep,
    sort: Annotated[Sort, Query(description="date, killed, injured or sources; '-' for descending")] = Sort.date,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Any:
    """Incidents matching the filters, one page at a time (at most 500 per request)."""
    found = queries.select_incidents(engine, chosen, sort.value, limit=limit, offset=offset, with_members=False)
    total = queries.count_incidents(engine, chosen)
    return cached(request, {"total": total, "limit": limit, "offset": offset, "sort": sort.value,
                            "filters": chosen.as_dict(), **page_links(request, total, limit, offset),
                            "incidents": [summary(incident_json(i)) for i in found]})


@router.get("/incidents/{incident_id}", response_model=IncidentDetail, responses={
    **NOT_FOUND, 307: {"description": "The id was merged into another incident: follow Location"}})
def get_incident(request: Request, engine: EngineDep, incident_id: Annotated[str, Path(max_length=64)]) -> Any:
    """One incident: figures with their rules, contradictions, mentions, claims and source articles."""
    current, moved = resolve_incident_id(engine, incident_id)
    if moved:
        return RedirectResponse(f"/api/incidents/{current}", status_code=307)
    found = load_incidents(engine, [current])
    if not found:
        raise ApiError(404, f"incident {incident_id} not found; list ids with GET /api/incidents")
    inc = found[0]
    with engine.connect() as conn:
        cited = load_articles(conn, sorted({m.article_id for m in inc.mentions}), with_text=False)
    return cached(request, dict(incident_json(inc, with_rules=True),
                                articles=[article_json(a) for a in cited.values()]))


@router.get("/incidents/{incident_id}/comparison", response_model=IncidentComparison, responses=NOT_FOUND)
def get_comparison(request: Request, engine: EngineDep,
                   incident_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """The event of the server's comparison file (`serve --compare FILE`) matched to this incident, as
    `harmledger compare` pairs them (date ±1 day, 25 km, type family); `file` null when none is loaded."""
    from harmledger.serve.comparison import incident_comparison

    current, _ = resolve_incident_id(engine, incident_id)
    found = load_incidents(engine, [current])
    if not found:
        raise ApiError(404, f"incident {incident_id} not found; list ids with GET /api/incidents")
    return dict(incident_comparison(engine, request.app.state.comparison, found[0]), incident=found[0].id)


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND)
def get_article(request: Request, engine: EngineDep, article_id: Annotated[str, Path(max_length=64)]) -> Any:
    """An article's normalised text with its mentions and claims (offsets index the text)."""
    found = queries.article_with_spans(engine, article_id)
    if found is None:
        raise ApiError(404, f"article {article_id} not found; article ids are in an incident's claims")
    return cached(request, dict(article_json(found.article), text=found.article.text, mentions=found.mentions,
                                claims=found.claims))


@router.get("/export", response_class=Response, responses={
    **ERRORS, 200: {"description": "The whole filtered view, filters and time in its metadata",
                    "content": {"application/json": {}, "text/csv": {}, "application/geo+json": {}}}})
def export(
    engine: EngineDep, chosen: FiltersDep,
    format: Annotated[ExportFormat, Query(
        description="json (harmledger/incidents@1), csv, geojson, claims (one CSV row per claim), or ACLED's "
                    "or UCDP GED's columns")]
    = ExportFormat.json,
    sort: Annotated[Sort, Query()] = Sort.date,
) -> Response:
    """Exactly the filtered list (every page), in the same shapes as `harmledger export`."""
    found = queries.select_incidents(engine, chosen, sort.value)
    text = render(format, found, chosen, lambda: all_articles(engine, with_text=False))
    media = MEDIA_TYPES.get(format, CSV_MEDIA_TYPE)
    name = f"incidents.{format.value}" if format in MEDIA_TYPES or format == ExportFormat.csv \
        else f"incidents-{format.value}.csv"
    return Response(text, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@health_router.get("/health", response_model=Health)
def health(request: Request, engine: EngineDep) -> dict[str, Any]:
    """Liveness and what the database holds."""
    n_incidents, n_articles = queries.counts(engine)
    return {"status": "ok", "incidents": n_incidents, "articles": n_articles,
            "writes_enabled": request.app.state.token is not None}
