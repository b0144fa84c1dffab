"""The JSON (`harmledger/incidents@1`), CSV (ACLED-like columns) and GeoJSON exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from harmledger.conventions import ACLED_GEO_PRECISION, ACLED_TIME_PRECISION
from harmledger.export.claims import claimant_fields, to_claims_csv
from harmledger.models import Article, Decision, Figures, Incident
from harmledger.store.filters import Filters

SCHEMA = "harmledger/incidents@1"
GEO_PRECISION = ACLED_GEO_PRECISION  # ACLED's codes (conventions.py); 3 for any other
TIME_PRECISION = ACLED_TIME_PRECISION
CSV_COLUMNS = [
    "event_id", "event_date", "time_precision", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "event_type", "target", "weapon", "fatalities",
    "killed_low", "killed_best", "killed_high", "injured", "injured_low", "injured_high",
    "sources", "independent_sources", "grade", "contradictions", "background_only",
]


class ExportFormat(StrEnum):
    """What `harmledger export --format` and `GET /api/export?format=` write."""

    json = "json"
    csv = "csv"
    geojson = "geojson"
    claims = "claims"
    acled = "acled"
    ucdp = "ucdp"


MEDIA_TYPES = {ExportFormat.json: "application/json", ExportFormat.geojson: "application/geo+json"}
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"


def render(kind: ExportFormat, found: list[Incident], filters: Filters,
           articles: Callable[[], dict[str, Article]]) -> str:
    """The export of `found` as `kind`, for the CLI and the API alike; `articles` is called only
    for the formats that cite them."""
    if kind == ExportFormat.json:
        return to_json(found, articles(), filters)
    if kind == ExportFormat.csv:
        return to_csv(found, filters)
    if kind == ExportFormat.claims:
        return to_claims_csv(found, articles())
    if kind in (ExportFormat.acled, ExportFormat.ucdp):
        from harmledger.interop.outbound import to_acled_csv, to_ucdp_csv

        return (to_acled_csv if kind == ExportFormat.acled else to_ucdp_csv)(found, articles())
    return to_geojson(found, filters)


def _figures(f: Figures) -> dict[str, int | None]:
    return {"low": f.low, "best": f.best, "high": f.high, "conservative": f.conservative}


def incident_json(inc: Incident, with_rules: bool = False) -> dict[str, Any]:
    """One incident as the contract's JSON object."""
    p = inc.place
    claims = inc.claims
    ids = inc.claim_ids
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
        "claims": [{"id": cid, "article_id": c.article_id, "kind": c.kind, "low": c.low, "high": c.high,
                    "qualifier": c.qualifier, "group": c.group, "claimant": c.claimant,
                    "evidence": c.evidence, "start": c.start, "end": c.end, **claimant_fields(c)}
                   for cid, c in zip(ids, claims, strict=True)],
        "contradictions": [asdict(c) for c in inc.contradictions],
        "figure_status": inc.figure_status,
        "denied_by": inc.denied_by,
    }
    if with_rules:
        out["killed"].update(rule=inc.killed.rule, basis=inc.killed.basis)
        out["injured"].update(rule=inc.injured.rule, basis=inc.injured.basis)
    return out


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


def csv_row(inc: Incident, missing: str | None = "") -> dict[str, Any]:
    """The incident CSV's row; `missing` stands for an unknown value (GeoJSON: null)."""
    p = inc.place
    row = {
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
    return row if missing == "" else {k: missing if v == "" else v for k, v in row.items()}


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
        "properties": csv_row(inc, missing=None),
    } for inc in incidents if inc.place is not None]
    doc = {"type": "FeatureCollection", "schema": SCHEMA, "generated_at": _now(),
           "filters": filters.as_dict(), "features": features}
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _blank(v: int | None) -> int | str:
    return "" if v is None else v


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def decision_json(d: Decision) -> dict[str, Any]:
    """One correction made by hand, as the CLI and the API show it."""
    return {"id": d.id, "action": str(d.action), "incident_id": d.incident_id, "articles": list(d.articles),
            "together": list(d.together), "apart": list(d.apart), "others": list(d.others),
            "reason": d.reason, "author": d.author,
            "made_at": d.made_at.replace(microsecond=0).isoformat() + "Z" if d.made_at else None}
