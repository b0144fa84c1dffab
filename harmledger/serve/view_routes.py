"""What the map page draws on a large database: incidents counted per map cell, and per day."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query

from harmledger.serve.problems import ApiError
from harmledger.serve.routes import BBOX, ERRORS, EngineDep, FiltersDep
from harmledger.serve.schemas import MapCells, PlaceLabels, Timeline
from harmledger.store import view_queries
from harmledger.store.filters import parse_bbox

router = APIRouter(prefix="/api")


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


@router.get("/labels", response_model=PlaceLabels, responses=ERRORS)
def place_labels(
    view: Annotated[str, Query(pattern=BBOX, description="The map's box, min_lon,min_lat,max_lon,max_lat")],
    zoom: Annotated[int, Query(ge=0, le=18)] = 4,
) -> dict[str, Any]:
    """Names for the offline base map: the biggest towns in the box, more of them at closer zooms (≤ 50)."""
    from harmledger.serve.labels import labels

    try:
        box = parse_bbox(view)
    except ValueError as exc:
        raise ApiError(422, f"view: {exc}") from None
    return {"zoom": zoom, "labels": [asdict(t) for t in labels(box, zoom)]}
