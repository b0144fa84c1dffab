"""The JSON (`harmledger/incidents@1`), CSV (ACLED-like columns) and GeoJSON exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any

from harmledger.models import Article, Claim, Figures, Incident

SCHEMA = "harmledger/incidents@1"
# ACLED geo_precision: 1 = the town itself, 2 = a nearby or part-of-region place, 3 = region.
GEO_PRECISION = {"site": 1, "town": 1, "region": 3, "country": 3}
# ACLED time_precision: 1 = day, 2 = week, 3 = month (and coarser).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
CSV_COLUMNS = [
    "event_id", "event_date", "time_precision", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "event_type", "target", "weapon", "fatalities",
    "killed_low", "killed_best", "killed_high", "injured", "injured_low", "injured_high",
    "sources", "independent_sources", "grade", "contradictions", "background_only",
]


@dataclass(frozen=True)
class Filters:
    """The view being exported: every export states the filters it was made with."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    event_type: str | None = None
    grade: str | None = None
    min_killed: int | None = None
    q: str | None = None
    include_background: bool = True
    date_precision: str | None = None  # day, week, month, year or unknown
    place_precision: str | None = None  # site, town, region or country
    # Through the incident's claims and articles: a part of a claimant's or outlet's name, the
    # accused side (who issued a denial), a victim group named in a killed or injured figure.
    claimant: str | None = None
    actor: str | None = None
    victim_group: str | None = None
    outlet: str | None = None
    language: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The filters that narrow the view, JSON-ready (bbox as a list, dates as ISO days)."""
        out: dict[str, Any] = {}
        for k, v in asdict(self).items():
            if v is None or (k == "include_background" and v):
                continue
            out[k] = v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v
        return out


def render(kind: str, found: list[Incident], filters: Filters,
           articles: Callable[[], dict[str, Article]]) -> str:
    """The export of `found` as `kind` (json, csv, geojson, acled or ucdp), for the CLI and the API
    alike; `articles` is called only for the formats that cite them."""
    if kind == "json":
        return to_json(found, articles(), filters)
    if kind == "csv":
        return to_csv(found, filters)
    if kind in ("acled", "ucdp"):
        from harmledger.interop.outbound import to_acled_csv, to_ucdp_csv

        return (to_acled_csv if kind == "acled" else to_ucdp_csv)(found, articles())
    return to_geojson(found, filters)


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD filter value (None stays None); ValueError names the bad value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a day (YYYY-MM-DD)") from None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """`min_lon,min_lat,max_lon,max_lat` as four floats, checked to lie on the globe."""
    parts = text.split(",")
    try:
        box = tuple(float(p) for p in parts)
    except ValueError:
        box = ()
    if len(box) != 4 or any(v != v for v in box):  # v != v: NaN
        raise ValueError(f"{text!r} is not min_lon,min_lat,max_lon,max_lat (four numbers)")
    min_lon, min_lat, max_lon, max_lat = box
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ValueError(f"{text!r}: longitudes must be within ±180, latitudes within ±90 and min ≤ max")
    return min_lon, min_lat, max_lon, max_lat


def _figures(f: Figures) -> dict[str, int | None]:
    return {"low": f.low, "best": f.best, "high": f.high, "conservative": f.conservative}


def incident_json(inc: Incident, with_rules: bool = False) -> dict[str, Any]:
    """One incident as the contract's JSON object."""
    p = inc.place
    claims = inc.claims
    out: dict[str, Any] = {
        "id": inc.id,
        "event_type": inc.event_type,
        "date": inc.date.value.isoformat() if inc.date.value else None,
        "date_precision": inc.date.precision if inc.date.value else "unknown",
        "place": None if p is None else {
            "name": p.name, "country_code": p.country_code, "admin1": p.admin1, "lat": p.lat,
            "lon": p.lon, "geonameid": p.geonameid, "precision": p.precision},
        "target": inc.target,
        "weapon": inc.weapon,
        "killed": _figures(inc.killed),
        "injured": _figures(inc.injured),
        "sources": {"articles": inc.articles, "independent": inc.independent},
        "grade": inc.grade,
        "background_only": inc.background_only,
        "mentions": [{"article_id": m.article_id, "role": m.role, "evidence": m.evidence,
                      "start": m.start, "end": m.end, "date": m.date.value.isoformat()
                      if m.date.value else None, "date_precision": m.date.precision,
                      "date_reason": m.date.reason, "district": m.district} for m in inc.mentions],
        "claims": [{"article_id": c.article_id, "kind": c.kind, "low": c.low, "high": c.high,
                    "qualifier": c.qualifier, "group": c.group, "claimant": c.claimant,
                    "evidence": c.evidence, "start": c.start, "end": c.end, **claimant_fields(c)}
                   for c in claims],
        "contradictions": [asdict(c) for c in inc.contradictions],
        "figure_status": inc.figure_status,
        "denied_by": inc.denied_by,
    }
    if with_rules:
        out["killed"].update(rule=inc.killed.rule, basis=inc.killed.basis)
        out["injured"].update(rule=inc.injured.rule, basis=inc.injured.basis)
    return out


def claimant_fields(c: Claim) -> dict[str, str]:
    """Who the claimant is (issue 15): entity, source type, side, and for a blame whom it accuses."""
    return {"entity": c.entity or c.claimant, "source_type": c.source_type or "unknown",
            "side": c.side or "unknown", "accused": c.accused}


def article_json(a: Article) -> dict[str, Any]:
    return {"id": a.id, "source_id": a.source_id, "url": a.url, "outlet": a.outlet,
            "title": a.title, "published": a.published.isoformat() if a.published else "",
            "language": a.language, "duplicate_of": a.duplicate_of}


def to_json(incidents: list[Incident], articles: dict[str, Article], filters: Filters) -> str:
    """The `harmledger/incidents@1` document for `incidents` and the articles they cite."""
    cited = sorted({m.article_id for inc in incidents for m in inc.mentions})
    doc = {
        "schema": SCHEMA,
        "generated_at": _now(),
        "filters": filters.as_dict(),
        "articles": [article_json(articles[a]) for a in cited if a in articles],
        "incidents": [incident_json(inc) for inc in incidents],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)


def csv_row(inc: Incident) -> dict[str, Any]:
    p = inc.place
    return {
        "event_id": inc.id,
        "event_date": inc.date.value.isoformat() if inc.date.value else "",
        "time_precision": TIME_PRECISION.get(inc.date.precision, 3),
        "country": p.country_code if p else "",
        "admin1": p.admin1 if p else "",
        "location": p.name if p else "",
        "latitude": p.lat if p else "",
        "longitude": p.lon if p else "",
        "geo_precision": GEO_PRECISION.get(p.precision, 3) if p else "",
        "event_type": inc.event_type,
        "target": inc.target,
        "weapon": inc.weapon,
        "fatalities": _blank(inc.killed.conservative),
        "killed_low": _blank(inc.killed.low),
        "killed_best": _blank(inc.killed.best),
        "killed_high": _blank(inc.killed.high),
        "injured": _blank(inc.injured.best),
        "injured_low": _blank(inc.injured.low),
        "injured_high": _blank(inc.injured.high),
        "sources": inc.articles,
        "independent_sources": inc.independent,
        "grade": inc.grade,
        "contradictions": len(inc.contradictions),
        "background_only": int(inc.background_only),
    }


def to_csv(incidents: list[Incident], filters: Filters) -> str:
    """ACLED-like CSV; `fatalities` is the conservative killed figure, as ACLED codes it. The file
    starts with its header line (CONTRACT.md), so the filters are not written into it."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for inc in incidents:
        writer.writerow(csv_row(inc))
    return buf.getvalue()


def to_geojson(incidents: list[Incident], filters: Filters) -> str:
    """A FeatureCollection of located incidents; properties are the CSV columns."""
    features = [{
        "type": "Feature",
        "id": inc.id,
        "geometry": {"type": "Point", "coordinates": [inc.place.lon, inc.place.lat]},
        "properties": csv_row(inc),
    } for inc in incidents if inc.place is not None]
    doc = {"type": "FeatureCollection", "schema": SCHEMA, "generated_at": _now(),
           "filters": filters.as_dict(), "features": features}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _blank(v: int | None) -> int | str:
    return "" if v is None else v


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
