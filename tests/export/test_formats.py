"""Exports of the demo corpus: JSON contract, ACLED-like CSV, GeoJSON, filters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from harmledger.export.formats import CSV_COLUMNS
from tests.conftest import export_json, run_cli


def test_demo_has_six_or_more_reported_incidents_and_a_wire_reprint(demo_db: str) -> None:
    data = export_json(demo_db)
    reported = [i for i in data["incidents"] if not i["background_only"]]
    assert len(reported) >= 6
    assert any(a["duplicate_of"] for a in data["articles"])
    assert any(i["grade"] == "disputed" for i in reported)


def test_csv_has_acled_columns_and_one_row_per_incident(demo_db: str) -> None:
    result = run_cli("export", "--format", "csv", db=demo_db)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("event_id,")  # the header line first, no comment before it (CONTRACT.md)
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    assert list(rows[0].keys()) == CSV_COLUMNS
    assert len(rows) == len(export_json(demo_db)["incidents"])


def test_geojson_points_are_lon_lat(demo_db: str) -> None:
    data = json.loads(run_cli("export", "--format", "geojson", db=demo_db).stdout)
    assert data["type"] == "FeatureCollection" and data["features"]
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_filters_are_applied_and_stated(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "ua.json"
    assert run_cli("export", "--format", "json", "--country", "TR", "-o", str(out), db=demo_db).returncode == 0
    data = json.loads(out.read_text())
    assert data["filters"] == {"country": "TR"}
    assert data["incidents"] and all(i["place"]["country_code"] == "TR" for i in data["incidents"])


def test_show_prints_the_claim_table(demo_db: str) -> None:
    first = export_json(demo_db)["incidents"][0]["id"]
    result = run_cli("show", first, db=demo_db)
    assert result.returncode == 0 and "claimant" in result.stdout
    missing = run_cli("show", "Inope", db=demo_db)
    assert missing.returncode == 1 and missing.stderr.startswith("HL301")
