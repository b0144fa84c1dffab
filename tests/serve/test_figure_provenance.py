"""The export, the API and `show` carry who claimed each figure: entity, source type, side, the
incident's figure status and who denies, and the claims behind each number."""

from __future__ import annotations

import httpx

from harmledger.conventions import SOURCE_TYPES
from harmledger.models import FigureStatus, Side
from tests.conftest import export_json, run_cli


def test_export_claims_name_entity_source_type_and_side(demo_db: str) -> None:
    data = export_json(demo_db)
    for inc in data["incidents"]:
        assert inc["figure_status"] in set(FigureStatus)
        assert isinstance(inc["denied_by"], list)
        for claim in inc["claims"]:
            assert claim["entity"] and claim["source_type"] in SOURCE_TYPES and claim["side"] in set(Side)
        denials = {c["entity"] for c in inc["claims"] if c["kind"] == "denial"}
        assert set(inc["denied_by"]) == denials
        if denials:
            assert inc["grade"] == "disputed"


def test_api_incident_gives_the_claims_behind_each_figure(client: httpx.Client) -> None:
    rows = client.get("/api/incidents", params={"sort": "-killed", "limit": 1}).json()["incidents"]
    detail = client.get(f"/api/incidents/{rows[0]['id']}").json()
    basis = detail["killed"]["basis"]
    best = detail["claims"][basis["best"][0]]
    assert best["low"] == detail["killed"]["best"] and best["kind"] == "killed"
    assert detail["claims"][basis["conservative"][0]]["low"] == detail["killed"]["conservative"]


def test_show_prints_figure_status_and_who_denies(demo_db: str) -> None:
    data = export_json(demo_db)
    denied = next(i for i in data["incidents"] if i["denied_by"])
    result = run_cli("show", denied["id"], db=demo_db)
    assert result.returncode == 0, result.stderr
    assert f"figures: {denied['figure_status']} · denied by: {', '.join(denied['denied_by'])}" in \
        " ".join(result.stdout.split())
