"""GET /api/export is exactly the filtered list, in the CLI's shapes, with filters and time stated."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest

from tests.conftest import run_cli

VIEWS = [{}, {"country": "UA", "grade": "disputed"}, {"since": "2022-07-01", "min_killed": 5},
         {"q": "kharkiv", "sort": "-killed"}, {"bbox": "30,45,40,52", "include_background": "false"}]


def _list(client: httpx.Client, params: dict) -> tuple[list[dict], dict]:
    body = client.get("/api/incidents", params={**params, "limit": 500}).json()
    return body["incidents"], body["filters"]


def _csv_rows(text: str) -> tuple[str, list[dict[str, str]]]:
    """The header line (the file's first, CONTRACT.md) and the rows."""
    return text.partition("\n")[0], list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("params", VIEWS)
def test_export_rows_equal_the_filtered_list_rows(client: httpx.Client, params: dict) -> None:
    listed, filters = _list(client, params)
    doc = client.get("/api/export", params={**params, "format": "json"}).json()
    assert doc["schema"] == "harmledger/incidents@1" and doc["generated_at"].endswith("Z")
    assert [{k: i[k] for k in row} for i, row in zip(doc["incidents"], listed, strict=True)] == listed
    header, rows = _csv_rows(client.get("/api/export", params={**params, "format": "csv"}).text)
    assert [r["event_id"] for r in rows] == [i["id"] for i in listed]
    assert [r["grade"] for r in rows] == [i["grade"] for i in listed]
    geo = client.get("/api/export", params={**params, "format": "geojson"}).json()
    assert [f["id"] for f in geo["features"]] == [i["id"] for i in listed if i["place"]]
    assert header.startswith("event_id,")
    assert doc["filters"] == geo["filters"] == filters
    assert len(filters) == len([k for k in params if k != "sort"])


def test_filters_are_written_into_the_file_as_values(client: httpx.Client) -> None:
    doc = client.get("/api/export", params={"bbox": "30,45,40,52", "min_killed": "5"}).json()
    assert doc["filters"] == {"bbox": [30.0, 45.0, 40.0, 52.0], "min_killed": 5}


def test_csv_export_is_a_download(client: httpx.Client) -> None:
    response = client.get("/api/export", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="incidents.csv"' in response.headers["content-disposition"]


def test_api_and_cli_export_the_same_view(client: httpx.Client, api_db: Path) -> None:
    api = client.get("/api/export", params={"country": "UA", "min_killed": 5, "format": "json"}).json()
    cli = run_cli("export", "--format", "json", "--country", "UA", "--min-killed", "5", db=api_db)
    assert cli.returncode == 0, cli.stderr
    local = json.loads(cli.stdout)
    for doc in (api, local):
        doc.pop("generated_at")
    assert api == local


def test_cli_export_takes_the_new_filters(api_db: Path) -> None:
    result = run_cli("export", "--format", "csv", "--admin1", "Kharkiv", "--q", "market", db=api_db)
    assert result.returncode == 0, result.stderr
    _, rows = _csv_rows(result.stdout)
    assert rows and all(r["admin1"] == "Kharkiv" for r in rows)
    bad = run_cli("export", "--bbox", "1,2", db=api_db)
    assert bad.returncode == 2 and "bbox" in bad.stderr
