"""Claims can be cited: each has a stable id in every export, contradictions name them by id, and the
per-claim CSV (`--format claims`) and the incident CSV load as plain CSV and in pandas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from harmledger.export.claims import CLAIM_COLUMNS
from harmledger.export.formats import CSV_COLUMNS
from tests.conftest import copy_db, export_json, run_cli

# Written for this test: a strike in another town, so no demo incident is touched by it.
ELSEWHERE = """2023-03-02

Drone hits depot in Sumy

A drone struck a fuel depot on the edge of Sumy on Wednesday night, killing one guard and injuring two,
the regional administration said.
"""


def test_every_claim_has_a_unique_id_of_its_mention_and_position(demo_db: str) -> None:
    incidents = export_json(demo_db)["incidents"]
    ids = [c["id"] for i in incidents for c in i["claims"]]
    assert len(ids) == len(set(ids)) and ids
    for inc in incidents:
        for c in inc["claims"]:
            article, mention, position = c["id"].split(":")
            assert article == c["article_id"] and mention.isdigit() and position.isdigit()


def test_contradictions_name_their_claims_by_id_as_well_as_by_index(demo_db: str) -> None:
    named = 0
    for inc in export_json(demo_db)["incidents"]:
        for c in inc["contradictions"]:
            assert c["claim_ids"] == [inc["claims"][i]["id"] for i in c["claims"]]
            named += len(c["claim_ids"])
    assert named > 0


@pytest.mark.slow
def test_claim_ids_survive_a_rebuild_and_a_new_article(demo_db: str, tmp_path: Path) -> None:
    db = copy_db(demo_db, tmp_path)

    def ids() -> dict[str, list[str]]:
        return {i["id"]: [c["id"] for c in i["claims"]] for i in export_json(db)["incidents"]}

    before = ids()
    assert run_cli("rebuild", db=db).returncode == 0
    assert ids() == before
    (tmp_path / "sumy.txt").write_text(ELSEWHERE, encoding="utf-8")
    assert run_cli("ingest", str(tmp_path / "sumy.txt"), db=db).returncode == 0
    after = ids()
    assert {k: v for k, v in after.items() if k in before} == before and len(after) > len(before)


def test_the_claims_csv_has_one_row_per_claim_and_loads_in_csv_and_pandas(demo_db: str) -> None:
    text = run_cli("export", "--format", "claims", db=demo_db).stdout
    assert text.splitlines()[0] == ",".join(CLAIM_COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    incidents = export_json(demo_db)["incidents"]
    assert [r["claim_id"] for r in rows] == [c["id"] for i in incidents for c in i["claims"]]
    table = pd.read_csv(io.StringIO(text), dtype={"claim_id": str, "article_id": str})
    assert list(table.columns) == CLAIM_COLUMNS and len(table) == len(rows)
    killed = table[table["kind"] == "killed"]
    assert killed["low"].notna().all() and (killed["low"] >= 0).all()
    assert table["outlet"].notna().any() and table["evidence"].str.len().min() > 0


def test_the_incident_csv_loads_in_pandas_with_its_columns(demo_db: str) -> None:
    text = run_cli("export", "--format", "csv", db=demo_db).stdout
    table = pd.read_csv(io.StringIO(text))
    assert list(table.columns) == CSV_COLUMNS
    assert len(table) == len(export_json(demo_db)["incidents"])
    assert table["fatalities"].dropna().ge(0).all()


def test_geojson_writes_null_for_an_unknown_number(demo_db: str) -> None:
    features = json.loads(run_cli("export", "--format", "geojson", db=demo_db).stdout)["features"]
    values = [f["properties"]["injured_low"] for f in features]
    assert None in values and "" not in values
