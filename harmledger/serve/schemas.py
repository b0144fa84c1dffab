"""Response and request bodies of the REST API, so /openapi.json describes exactly what is sent.

The incident and article objects are the `harmledger/incidents@1` export shapes (export/formats.py).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from harmledger.models import (
    ClaimKind,
    ContradictionKind,
    DatePrecision,
    EventType,
    FigureStatus,
    Grade,
    Place,
    Qualifier,
    Side,
    SourceType,
)


class ClaimFigure(BaseModel):
    """The fields every claim shows: what it counts, how many, who says so, and where in its article."""

    kind: ClaimKind
    low: int | None
    high: int | None = Field(description="null when open-ended ('at least 30')")
    qualifier: Qualifier | None
    group: str
    claimant: str
    evidence: str
    start: int = Field(description="Character offset into the article's normalised text")
    end: int


class FiguresOut(BaseModel):
    low: int | None
    best: int | None
    high: int | None
    conservative: int | None


class RuledFigures(FiguresOut):
    rule: str = Field(description="How low, best, high and conservative were chosen")
    basis: dict[str, list[int]] = Field(
        default_factory=dict, description="Per figure (low, best, high, conservative, outliers): indexes "
        "of the claims behind it; outliers are shown but not counted (docs/reconciliation.md)")


class SourcesOut(BaseModel):
    articles: int
    independent: int = Field(description="Reprints of one wire story and one outlet count once")


class ContradictionOut(BaseModel):
    kind: ContradictionKind = Field(
        description="figures (a dispute), revision, denial or attribution (blames accuse different parties)")
    description: str
    claims: list[int] = Field(description="Indexes into the incident's claims")
    claim_ids: list[str] = Field(description="The same claims by their stable ids")


class MentionOut(BaseModel):
    article_id: str
    role: str = Field(description="main or background")
    evidence: str
    start: int
    end: int
    date: str | None
    date_precision: DatePrecision
    date_reason: str
    district: str = Field("", description="Stem of the district of the town named (\"salt\" for Saltivka)")


class ClaimOut(ClaimFigure):
    id: str = Field(description="Stable id: article:mention:position; survives new articles and rebuilds")
    article_id: str
    entity: str = Field("", description="The claimant resolved across the incident: one name for its spellings")
    source_type: SourceType = SourceType.unknown
    side: Side = Field(Side.unknown, description="The side the claimant speaks for, from blame and denial")
    accused: str = Field("", description="Blame: whom it accuses; denial: who denies")


class IncidentSummary(BaseModel):
    """One row of the incident list: the export's incident object without mentions and claims."""

    id: str
    event_type: EventType
    date: str | None
    date_precision: DatePrecision
    place: Place | None
    target: str
    weapon: str
    killed: FiguresOut
    injured: FiguresOut
    sources: SourcesOut
    grade: Grade
    background_only: bool
    contradictions: list[ContradictionOut]
    figure_status: FigureStatus = Field(FigureStatus.consistent, description="consistent, revised or contested")
    denied_by: list[str] = Field(default_factory=list, description="Entities that deny the attack or blame")


class ArticleOut(BaseModel):
    id: str
    source_id: str
    url: str
    outlet: str
    title: str
    published: str
    language: str
    duplicate_of: str | None


class IncidentDetail(IncidentSummary):
    """One incident with its mentions, claims and the articles they come from."""

    killed: RuledFigures
    injured: RuledFigures
    mentions: list[MentionOut]
    claims: list[ClaimOut]
    articles: list[ArticleOut]


class Page(BaseModel):
    total: int = Field(description="Rows matching the filters, before paging")
    limit: int
    offset: int
    sort: str
    filters: dict[str, Any]
    next: str | None = Field(None, description="URL of the next page; null on the last")
    prev: str | None = Field(None, description="URL of the previous page; null on the first")


class IncidentPage(Page):
    incidents: list[IncidentSummary]


class ArticleMention(BaseModel):
    index: int
    role: str
    event_type: EventType
    incident_id: str | None
    evidence: str
    start: int
    end: int


class ArticleClaim(ClaimFigure):
    mention: int = Field(description="Index of the mention the claim is about")


class ArticleDetail(ArticleOut):
    """An article's normalised text and the spans extracted from it (offsets index `text`)."""

    text: str
    mentions: list[ArticleMention]
    claims: list[ArticleClaim]


class ClaimRow(ClaimFigure):
    """One claim with where it stands: its incident and the article that made it."""

    id: str = Field(description="article id : mention index : position, stable across rebuilds")
    incident_id: str | None
    role: str = Field(description="The mention's role: main or background")
    article_id: str
    source_id: str
    outlet: str
    language: str
    published: str


class ArticleRow(ArticleOut):
    incidents: list[str] = Field(description="Incidents its mentions belong to")


class ClaimPage(Page):
    claims: list[ClaimRow]


class ArticlePage(Page):
    articles: list[ArticleRow]


class CellIncident(BaseModel):
    id: str
    event_type: EventType
    date: str | None
    date_precision: DatePrecision
    place: str
    country_code: str | None
    grade: Grade
    killed: dict[str, int | None]
    injured: dict[str, int | None]


class MapCell(BaseModel):
    lat: float = Field(description="Mean latitude of the cell's incidents")
    lon: float
    count: int
    killed: int = Field(description="Killed (best) summed over the cell")
    incident: CellIncident | None = Field(description="The incident, when the cell holds one")


class MapCells(BaseModel):
    zoom: int
    cell_degrees: float
    truncated: bool = Field(description="True when more than 2,000 cells matched (the busiest are sent)")
    incidents: int = Field(description="Incidents in the cells sent")
    filters: dict[str, Any]
    cells: list[MapCell]


class Day(BaseModel):
    date: str
    incidents: int
    killed: int


class Timeline(BaseModel):
    filters: dict[str, Any]
    days: list[Day]


class PlaceLabel(BaseModel):
    name: str
    lat: float
    lon: float
    population: int


class PlaceLabels(BaseModel):
    zoom: int
    labels: list[PlaceLabel]


class CasualtySeries(BaseModel):
    key: str = Field(description="The event type or grade of this series")
    incidents: list[int]
    killed: list[int] = Field(description="Sum of the incidents' best killed, per period")
    injured: list[int] = Field(description="Sum of the incidents' best injured, per period")


class Casualties(BaseModel):
    filters: dict[str, Any]
    period: str = Field(description="week or month (chosen from the span unless asked)")
    by: str = Field(description="type or grade: what each series is")
    periods: list[str] = Field(description="First day of each period (a Monday or the 1st), every one "
                                           "from the first to the last, empty ones as zeros")
    series: list[CasualtySeries]
    undated: int = Field(description="Incidents the filters keep that have no date and so no period")


class RegionFigures(BaseModel):
    best: int = Field(description="Sum of the incidents' best figures")
    low: int
    high: int = Field(description="Sum of the highs (an open-ended high counts as its best)")
    incidents_with_figure: int


class RegionRow(BaseModel):
    country_code: str | None
    admin1: str | None = Field(None, description="Absent when grouped by country")
    incidents: int
    killed: RegionFigures
    injured: RegionFigures


class RegionTable(BaseModel):
    filters: dict[str, Any]
    by: str = Field(description="region (a row per country and admin-1 region) or country")
    sort: str
    total: int = Field(description="Rows before the limit")
    limit: int
    totals: RegionRow = Field(description="Every incident the filters keep")
    rows: list[RegionRow]


class IncidentComparison(BaseModel):
    incident: str
    file: str | None = Field(description="The comparison file the server was started with (serve --compare)")
    dataset: str | None = Field(description="acled or ucdp")
    in_scope: bool = Field(description="Whether the file covers this incident's country and dates")
    match: dict[str, Any] | None = Field(description="The matched pair in the columns of compare's CSV report "
                                                     "(their_id, their_fatalities, difference, km, days, …)")
    nearby: list[dict[str, Any]] = Field(description="Other events that could have matched: taken by another "
                                                     "incident of ours (our_id) or by none (status only_theirs)")


class BorderFileOut(BaseModel):
    code: str = Field(description="ISO 3166-1 alpha-3, lower case")
    url: str = Field(description="The country's admin-1 TopoJSON, served by the app")
    bbox: list[float] = Field(description="west, south, east, north; west > east when it crosses 180°")


class RegionBorders(BaseModel):
    zoom: int
    min_zoom: int = Field(description="Below this zoom no borders are listed")
    source: str
    countries: list[BorderFileOut]


class ArticleIn(BaseModel):
    """One article record, as in a JSONL dump."""

    text: str = Field(min_length=1, description="The article text")
    id: str | None = Field(None, max_length=200, description="Your own id for it (becomes source_id)")
    url: str = Field("", max_length=2000)
    outlet: str = Field("", max_length=200)
    title: str = Field("", max_length=1000)
    published: str = Field("", max_length=40, description="Publication date, e.g. 2022-04-09")
    language: str = Field("", max_length=16)


class IngestedArticle(BaseModel):
    id: str
    source_id: str
    incidents: list[str] = Field(description="Incidents its mentions now belong to")


class IngestOut(BaseModel):
    files: int
    articles_seen: int
    articles_new: int
    duplicates: int
    incidents: int = Field(description="Incidents in the database after the rebuild")
    articles: list[IngestedArticle]
    errors: list[str]


class ArticleRef(BaseModel):
    id: str
    source_id: str


class JobError(BaseModel):
    error: str = Field(description="An HL code, e.g. HL306 for a database error")
    detail: str


class JobOut(BaseModel):
    """An upload queued by POST /api/articles and run by the server's write worker."""

    id: str
    status: Literal["queued", "running", "done", "failed"]
    file_name: str = Field(description="record.json for a JSON record, else the uploaded file's name")
    articles: list[ArticleRef] = Field(description="The upload's articles, as read when it was queued")
    created_at: str
    started_at: str | None
    finished_at: str | None
    result: IngestOut | None = Field(description="When done: the ingest's counts, articles and errors")
    error: JobError | None = Field(description="When failed: why")


class Health(BaseModel):
    status: str
    incidents: int
    articles: int
    writes_enabled: bool


class ErrorOut(BaseModel):
    """Every error: a stable code, a sentence saying what to fix, and the offending fields on 422."""

    error: str
    detail: str
    fields: list[dict[str, Any]] | None = None
