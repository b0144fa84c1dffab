"""The CLI's traps closed: a mistyped --db, unknown enum values, and `incidents` that filters, sorts,
cuts and prints JSON like the export and the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize("command", [["incidents"], ["export", "--format", "csv"], ["show", "I0"], ["rebuild"],
                                     ["compare", str(ROOT / "tests" / "interop" / "fixtures" / "acled_sample.csv")],
                                     ["serve", "--port", "1"]])
def test_a_database_that_does_not_exist_is_an_error_not_an_empty_record(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "mistyped.db"
    result = run_cli(*command, db=missing)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("HL309") and "mistyped.db" in line and "ingest" in line
    assert not missing.exists()


# A whole-pipeline run (models loaded in a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_ingest_creates_the_database(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("2022-07-14\n\nStrike\n\nA missile hit Vinnytsia, killing 3 people.\n",
                                    encoding="utf-8")
    new = tmp_path / "new.db"
    assert run_cli("ingest", str(tmp_path / "a.txt"), db=new).returncode == 0 and new.exists()
    assert run_cli("incidents", db=new).returncode == 0


@pytest.mark.parametrize("args", [["export", "--grade", "foo"], ["export", "--type", "foo"],
                                  ["incidents", "--type", "foo"], ["incidents", "--date-precision", "decade"],
                                  ["incidents", "--place-precision", "street"], ["incidents", "--sort", "size"],
                                  ["incidents", "--since", "2022-13-01"], ["incidents", "--limit", "-1"]])
def test_unknown_values_are_usage_errors_naming_the_option(demo_db: str, args: list[str]) -> None:
    result = run_cli(*args, db=demo_db)
    assert result.returncode == 2 and args[1] in result.stderr


def _listed(db: str, *args: str) -> dict:  # type: ignore[type-arg]
    result = run_cli("incidents", "--json", *args, db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_incidents_take_the_exports_filters(demo_db: str) -> None:
    exported = json.loads(run_cli("export", "--country", "UA", "--type", "missile_strike", db=demo_db).stdout)
    listed = _listed(demo_db, "--country", "UA", "--type", "missile_strike", "--limit", "0")
    assert [i["id"] for i in listed["incidents"]] == [i["id"] for i in exported["incidents"]]
    assert listed["filters"] == {"country": "UA", "event_type": "missile_strike"}
    assert "claims" not in listed["incidents"][0] and "killed" in listed["incidents"][0]


def test_incidents_sort_and_limit(demo_db: str) -> None:
    every = _listed(demo_db, "--limit", "0")["incidents"]
    top = _listed(demo_db, "--sort=-killed", "--limit", "3")
    assert top["total"] == len(every) and len(top["incidents"]) == 3
    best = sorted((i["killed"]["best"] or -1 for i in every), reverse=True)[:3]
    assert [i["killed"]["best"] for i in top["incidents"]] == best


def test_the_table_says_how_many_rows_it_left_out(demo_db: str) -> None:
    result = run_cli("incidents", "--limit", "2", db=demo_db)
    assert result.returncode == 0 and "2 of " in result.stdout and "--limit 0" in result.stdout


def test_incidents_filter_by_the_accused_side_like_the_api(demo_db: str) -> None:
    listed = _listed(demo_db, "--actor", "russia", "--limit", "0")
    assert listed["filters"] == {"actor": "russia"} and listed["incidents"]
    exported = json.loads(run_cli("export", "--actor", "russia", "--victim-group", "children", db=demo_db).stdout)
    assert {i["id"] for i in exported["incidents"]} <= {i["id"] for i in listed["incidents"]}
    assert exported["filters"] == {"actor": "russia", "victim_group": "children"}
