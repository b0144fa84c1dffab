"""The foundation's acceptance test: the five seed articles become three reported incidents."""

from __future__ import annotations

import math

import pytest

from tests.conftest import run_cli, shared_path

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow

KRAMATORSK = (48.72, 37.56)


def _km(lat: float, lon: float) -> float:
    p1, p2 = math.radians(lat), math.radians(KRAMATORSK[0])
    dp, dl = p2 - p1, math.radians(KRAMATORSK[1] - lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _by_source(export: dict) -> dict[str, str]:
    return {a["id"]: a["source_id"][:3] for a in export["articles"]}


def _main_incident(export: dict, seed: str) -> dict:
    src = _by_source(export)
    found = [i for i in export["incidents"]
             if any(src[m["article_id"]] == seed and m["role"] == "main" for m in i["mentions"])]
    assert len(found) == 1, f"seed {seed} is the main mention of {len(found)} incidents"
    return found[0]


def test_export_is_incidents_at_1(seeds_export: dict) -> None:
    assert seeds_export["schema"] == "harmledger/incidents@1"
    assert {a["source_id"][:3] for a in seeds_export["articles"]} == {"000", "001", "002", "003", "004"}


def test_station_strike_is_one_incident_from_three_articles(seeds_export: dict) -> None:
    station = _main_incident(seeds_export, "000")
    assert _main_incident(seeds_export, "001")["id"] == station["id"]
    assert _main_incident(seeds_export, "002")["id"] == station["id"]
    assert station["date"] == "2022-04-08" and station["date_precision"] == "day"
    assert _km(station["place"]["lat"], station["place"]["lon"]) <= 25
    assert station["killed"]["low"] <= 31 and station["killed"]["high"] >= 50


def test_station_strike_keeps_claims_from_each_article_and_the_denial(seeds_export: dict) -> None:
    station = _main_incident(seeds_export, "000")
    src = _by_source(seeds_export)
    figure_sources = {src[c["article_id"]] for c in station["claims"] if c["kind"] in ("killed", "injured")}
    assert {"000", "001", "002"} <= figure_sources
    denials = [c for c in station["claims"] if c["kind"] == "denial"]
    assert any("russia" in c["claimant"].lower() or "kremlin" in c["claimant"].lower()
               or "moscow" in c["claimant"].lower() for c in denials)
    assert station["grade"] == "disputed"


def test_dormitory_claim_and_apartment_strike_are_separate_incidents(seeds_export: dict) -> None:
    station = _main_incident(seeds_export, "000")
    dorms = _main_incident(seeds_export, "003")
    flats = _main_incident(seeds_export, "004")
    assert len({station["id"], dorms["id"], flats["id"]}) == 3
    dorm_killed = {c["low"] for c in dorms["claims"] if c["kind"] == "killed"}
    assert 0 in dorm_killed and any(v >= 600 for v in dorm_killed)
    assert flats["date"] == "2023-03-14"
    assert flats["killed"]["low"] == 1
    assert flats["injured"]["best"] == 3


def test_exactly_three_incidents_are_reported_as_main(seeds_export: dict) -> None:
    with_main = [i for i in seeds_export["incidents"] if any(m["role"] == "main" for m in i["mentions"])]
    assert len(with_main) == 3


def test_recalled_station_strike_is_background_of_the_station_incident(seeds_export: dict) -> None:
    station = _main_incident(seeds_export, "000")
    src = _by_source(seeds_export)
    assert any(src[m["article_id"]] == "004" and m["role"] == "background" for m in station["mentions"])


def test_reingesting_the_seeds_changes_nothing(db: str) -> None:
    seeds = shared_path("seeds")
    assert run_cli("ingest", str(seeds), db=db).returncode == 0
    first = run_cli("export", "--format", "csv", db=db).stdout.splitlines()
    second_run = run_cli("ingest", str(seeds), db=db)
    assert second_run.returncode == 0
    assert "0 new" in second_run.stderr
    assert run_cli("export", "--format", "csv", db=db).stdout.splitlines() == first
