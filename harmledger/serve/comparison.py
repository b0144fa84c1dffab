"""The comparison file a server was started with (`serve --compare FILE`, an ACLED or UCDP GED export)
and how one incident lines up against it, for the incident page."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harmledger.interop.codebooks import date_span
from harmledger.interop.compare import DEFAULT_DAYS, DEFAULT_KM, compare, in_scope, pairable, report_row
from harmledger.interop.inbound import ExternalEvent, read_export_file
from harmledger.store.filters import Filters
from harmledger.store.queries import select_incidents

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from harmledger.models import Incident

_WIDEST_SPAN = timedelta(days=366)  # a year-precision incident spans its year: look that far back
_KM_PER_DEGREE = 111.2


@dataclass(frozen=True)
class LoadedExport:
    """Another dataset's events, read once when the server starts."""

    name: str
    dataset: str  # acled | ucdp
    events: tuple[ExternalEvent, ...]


def load_export(path: str) -> LoadedExport:
    """The export at `path`; HarmledgerError (HL100, HL101, HL310) when it cannot be read."""
    dataset, events = read_export_file(Path(path))
    return LoadedExport(Path(path).name, dataset, tuple(events))


def _around(inc: Incident, km: float, days: int) -> Filters:
    """Our incidents that could compete with `inc` for its events: within 2 km and 2 days of it."""
    assert inc.place is not None and inc.date.value is not None
    start, end = date_span(inc.date.value, inc.date.precision)
    assert start is not None and end is not None
    reach = 2 * km / _KM_PER_DEGREE
    lat, lon = inc.place.lat, inc.place.lon
    wide = reach / max(math.cos(math.radians(lat)), 0.01)
    box = None
    if wide < 180:
        def wrap(v: float) -> float:
            return (v + 180) % 360 - 180

        box = (round(wrap(lon - wide), 6), max(-90.0, lat - reach), round(wrap(lon + wide), 6), min(90.0, lat + reach))
    window = timedelta(days=2 * days)
    return Filters(since=start - window - _WIDEST_SPAN, until=end + window, bbox=box)


def incident_comparison(engine: Engine, loaded: LoadedExport | None, inc: Incident,
                        days: int = DEFAULT_DAYS, km: float = DEFAULT_KM) -> dict[str, Any]:
    """The loaded file's event matched to `inc`, and the other events that could have been, as
    `harmledger compare` pairs them among the events and incidents around this one."""
    if loaded is None:
        return {"file": None, "dataset": None, "in_scope": False, "match": None, "nearby": []}
    events = loaded.events
    first, last = min((e.start for e in events), default=None), max((e.end for e in events), default=None)
    countries = set() if any(not e.country_code for e in events) else {e.country_code for e in events}
    scoped = bool(first and last and in_scope(inc, first, last, countries, days))
    out: dict[str, Any] = {"file": loaded.name, "dataset": loaded.dataset, "in_scope": scoped, "match": None,
                           "nearby": []}
    candidates = [e for e in events if pairable(e, inc, days, km)] if scoped else []
    if not candidates:
        return out
    neighbours = {i.id: i for i in select_incidents(engine, _around(inc, km, days))}
    neighbours[inc.id] = inc
    result = compare(loaded.dataset, candidates, list(neighbours.values()), days=days, km=km)
    for row in result.rows:
        if row.event is None:
            continue
        if row.incident is not None and row.incident.id == inc.id:
            out["match"] = report_row(row)
        else:  # an event near ours that another incident took, or that none did
            out["nearby"].append(report_row(row))
    return out
