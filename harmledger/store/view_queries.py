"""Aggregates for the map page: incidents counted per grid cell of the view, and per day.

The page of a 100,000-incident database cannot fetch every incident: it asks for these, whose size
is bounded by the view (cells) and the calendar (days), never by the number of incidents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Engine, Integer, cast, func, select

from harmledger.store.queries import _conditions
from harmledger.store.schema import incidents

if TYPE_CHECKING:
    from harmledger.store.filters import Filters

MAX_CELLS = 2000  # cells in one map answer: the busiest, when a view holds more


@dataclass(frozen=True)
class Cell:
    """Incidents of one grid cell: their count, mean point and killed (best) total; the incident
    itself when the cell holds one."""

    lat: float
    lon: float
    count: int
    killed: int
    incident: dict[str, Any] | None


def cell_degrees(zoom: int) -> float:
    """Grid size for a web-map zoom: about 64 px on screen (a tile is 256 px, 360° / 2^zoom)."""
    return 360.0 / (2 ** zoom) / 4


def _cell_index(column: ColumnElement[Any], offset: float, size: float, dialect: str) -> ColumnElement[Any]:
    shifted = (column + offset) / size  # non-negative, so truncation is floor on both stores
    if dialect == "postgresql":
        return cast(func.floor(shifted), Integer)  # PostgreSQL's CAST rounds; floor first
    return cast(shifted, Integer)


def map_cells(engine: Engine, filters: Filters, zoom: int,
              view: tuple[float, float, float, float] | None = None) -> tuple[list[Cell], bool]:
    """Located incidents the filters keep (inside `view`, the map's box, when given), grouped into
    cells of `zoom`; and whether cells were left out."""
    from harmledger.store.filters import Filters as ViewBox

    c = incidents.c
    inside = _conditions(ViewBox(bbox=view)) if view else []
    size = cell_degrees(zoom)
    dialect = engine.dialect.name
    row = _cell_index(c.lat, 90, size, dialect).label("row")
    col = _cell_index(c.lon, 180, size, dialect).label("col")
    query = (select(row, col, func.count().label("n"), func.avg(c.lat).label("lat"), func.avg(c.lon).label("lon"),
                    func.sum(func.coalesce(c.killed_best, 0)).label("killed"), func.min(c.id).label("first"))
             .where(c.lat.is_not(None), c.lon.is_not(None), *_conditions(filters), *inside)
             .group_by(row, col).order_by(func.count().desc(), row, col).limit(MAX_CELLS + 1))
    with engine.connect() as conn:
        rows = list(conn.execute(query))
        more = len(rows) > MAX_CELLS
        rows = rows[:MAX_CELLS]
        single = [r.first for r in rows if r.n == 1]
        details = {r.id: r for r in conn.execute(
            select(c.id, c.event_type, c.date, c.date_precision, c.place_name, c.country_code, c.grade,
                   c.killed_low, c.killed_high, c.injured_low, c.injured_high)
            .where(c.id.in_(single)))} if single else {}
    cells = []
    for r in rows:
        d = details.get(r.first) if r.n == 1 else None
        cells.append(Cell(round(float(r.lat), 5), round(float(r.lon), 5), int(r.n), int(r.killed or 0),
                          None if d is None else {
            "id": d.id, "event_type": d.event_type, "date": d.date.isoformat() if d.date else None,
            "date_precision": d.date_precision if d.date else "unknown", "place": d.place_name,
            "country_code": d.country_code, "grade": d.grade,
            "killed": {"low": d.killed_low, "high": d.killed_high},
            "injured": {"low": d.injured_low, "high": d.injured_high}}))
    return cells, more


def day_counts(engine: Engine, filters: Filters) -> list[dict[str, Any]]:
    """Dated incidents the filters keep, per day: how many, and their killed (best) total."""
    c = incidents.c
    query = (select(c.date, func.count().label("n"), func.sum(func.coalesce(c.killed_best, 0)).label("killed"))
             .where(c.date.is_not(None), *_conditions(filters)).group_by(c.date).order_by(c.date))
    with engine.connect() as conn:
        return [{"date": r.date.isoformat(), "incidents": int(r.n), "killed": int(r.killed or 0)}
                for r in conn.execute(query)]
