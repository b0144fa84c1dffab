"""`export --format acled|ucdp`: the codebooks' columns in their order, header first, one row per
incident, and figures that agree with our own export."""

from __future__ import annotations

import csv
import io
import json

from harmledger.interop.codebooks import ACLED_COLUMNS, UCDP_COLUMNS
from tests.conftest import export_json, run_cli


def _rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def test_acled_export_has_the_codebook_columns_and_our_conservative_fatalities(demo_db: str) -> None:
    result = run_cli("export", "--format", "acled", db=demo_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == ",".join(ACLED_COLUMNS)  # the header is the first line
    header, rows = _rows(result.stdout)
    ours = {i["id"]: i for i in export_json(demo_db)["incidents"]}
    assert header == ACLED_COLUMNS and {r["event_id_cnty"] for r in rows} == set(ours)
    for r in rows:
        inc = ours[r["event_id_cnty"]]
        assert int(r["fatalities"]) == (inc["killed"]["conservative"] or 0)
        assert r["event_date"] == (inc["date"] or "")
        assert r["event_type"] in ("Explosions/Remote violence", "Violence against civilians")
        if inc["place"]:
            assert r["country"] in ("Ukraine", "Turkey") and r["iso"] in ("804", "792")
            assert r["geo_precision"] in ("1", "2", "3")
        if inc["date"]:
            assert r["time_precision"] in ("1", "2", "3") and r["year"] == inc["date"][:4]
    odesa = next(r for r in rows if r["location"] == "Odesa")
    assert odesa["sub_event_type"] == "Air/drone strike" and odesa["disorder_type"] == "Political violence"


def test_ucdp_export_has_the_codebook_columns_and_low_best_high(demo_db: str) -> None:
    result = run_cli("export", "--format", "ucdp", "--country", "UA", db=demo_db)
    assert result.returncode == 0, result.stderr
    header, rows = _rows(result.stdout)
    assert header == UCDP_COLUMNS and rows
    for r in rows:
        assert int(r["low"]) <= int(r["best"]) <= int(r["high"])
        assert int(r["deaths_civilians"]) + int(r["deaths_unknown"]) + int(r["deaths_a"]) + int(r["deaths_b"]) \
            == int(r["best"])
        if r["date_start"]:
            assert r["date_start"] <= r["date_end"] and r["date_prec"] in ("1", "3", "4", "5")
        if r["latitude"]:
            assert r["geom_wkt"] == f"POINT ({r['longitude']} {r['latitude']})" and int(r["priogrid_gid"]) > 0
    month = next(r for r in rows if r["where_description"] == "railway station")  # a recalled strike, "last April"
    assert (month["date_start"], month["date_end"], month["date_prec"]) == ("2022-04-01", "2022-04-30", "4")


def test_our_own_acled_export_compared_back_matches_every_dated_located_incident(demo_db: str, tmp_path) -> None:
    exported = tmp_path / "acled.csv"
    assert run_cli("export", "--format", "acled", "--country", "UA", "--date-precision", "day", "-o", str(exported),
                   db=demo_db).returncode == 0
    report = tmp_path / "report.csv"
    result = run_cli("compare", str(exported), "--days", "0", "--km", "1", "--any-type", "-o", str(report), db=demo_db)
    assert result.returncode == 0, result.stderr
    _, rows = _rows(report.read_text(encoding="utf-8"))
    listed = json.loads(run_cli("incidents", "--country", "UA", "--date-precision", "day", "--json", db=demo_db).stdout)
    assert len(rows) == listed["total"] == 7
    assert all(r["status"] == "both" and r["their_id"] == r["our_id"] and r["km"] == "0.0" for r in rows)

