"""GET /api/incidents/{id}/comparison: a server started with `serve --compare FILE` shows each incident
the file's event that `harmledger compare` pairs with it."""

from __future__ import annotations

import csv
from pathlib import Path

import httpx
import pytest

from tests.conftest import run_cli
from tests.serve.conftest import ACLED_SAMPLE, OLD_ID


def test_each_incident_gets_the_event_the_compare_report_pairs_it_with(compare_server: str, api_db: str,
                                                                        tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    assert run_cli("compare", str(ACLED_SAMPLE), "-o", str(report), db=api_db).returncode == 0
    with report.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    paired = {r["our_id"]: r["their_id"] for r in rows if r["status"] == "both"}
    only_ours = {r["our_id"] for r in rows if r["status"] == "only_ours"}
    with httpx.Client(base_url=compare_server, timeout=30) as client:
        listed = client.get("/api/incidents", params={"limit": 500}).json()["incidents"]
        shown = {i["id"]: client.get(f"/api/incidents/{i['id']}/comparison").json() for i in listed}
    assert paired and {k: v["match"]["their_id"] for k, v in shown.items() if v["match"]} == paired
    assert {k for k, v in shown.items() if v["in_scope"] and not v["match"]} == only_ours
    assert all(v["file"] == "acled_sample.csv" and v["dataset"] == "acled" for v in shown.values())
    some = next(v["match"] for v in shown.values() if v["match"])
    row = next(r for r in rows if r["their_id"] == some["their_id"])
    assert str(some["their_fatalities"]) == row["their_fatalities"] and str(some["difference"]) == row["difference"]
    turkey = [v for k, v in shown.items() if next(i for i in listed if i["id"] == k)["place"]
              and next(i for i in listed if i["id"] == k)["place"]["country_code"] == "TR"]
    assert turkey and not any(v["in_scope"] for v in turkey)  # the file covers Ukraine only


def test_without_a_comparison_file_the_answer_says_so(client: httpx.Client) -> None:
    first = client.get("/api/incidents", params={"limit": 1}).json()["incidents"][0]
    body = client.get(f"/api/incidents/{first['id']}/comparison").json()
    assert body == {"incident": first["id"], "file": None, "dataset": None, "in_scope": False, "match": None,
                    "nearby": []}


def test_a_merged_id_is_followed_and_an_unknown_one_is_404(client: httpx.Client) -> None:
    assert client.get(f"/api/incidents/{OLD_ID}/comparison").json()["incident"] != OLD_ID
    response = client.get("/api/incidents/Inosuchincident/comparison")
    assert response.status_code == 404 and "not found" in response.json()["detail"]


# Two fresh `serve` processes, each importing the whole app: left out of `make test-fast`.
@pytest.mark.slow
def test_a_comparison_file_that_cannot_be_read_stops_serve_with_one_line(api_db: str, tmp_path: Path) -> None:
    missing = run_cli("serve", "--port", "1", "--compare", str(tmp_path / "nope.csv"), db=api_db)
    assert missing.returncode == 1 and missing.stderr.strip().startswith("HL100")
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    wrong = run_cli("serve", "--port", "1", "--compare", str(other), db=api_db)
    assert wrong.returncode == 1 and wrong.stderr.strip().startswith("HL310") and "Traceback" not in wrong.stderr
