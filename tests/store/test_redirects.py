"""Merged incidents keep their old ids resolvable; re-ingesting changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmledger.models import Incident
from harmledger.reconcile.incident import reconcile
from harmledger.store.database import open_database
from harmledger.store.repository import all_articles, load_incidents
from harmledger.store.resolution import replace_incidents
from tests.conftest import export_json, run_cli

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow

# Two undated reports of a Thursday strike on Kharkiv, naming different targets, stay apart.
MARKET = "Russian shelling hit a market in Kharkiv on Thursday, killing three people, the governor said."
BAZAAR = "A Russian strike on Thursday set a bazaar in Kharkiv ablaze and wounded 12 people, police said."
BOTH = ("2022-07-22\n\nKharkiv market strike\n\nRussian shelling on Thursday hit a market and bazaar in "
        "Kharkiv, killing three people and wounding 12, the regional governor said.")


def _main_ids(db: str) -> set[str]:
    return {i["id"] for i in export_json(db)["incidents"] if not i["background_only"]}


def test_merged_incident_ids_redirect_to_the_merged_incident(tmp_path: Path, db: str) -> None:
    for name, text in (("market.txt", MARKET), ("bazaar.txt", BAZAAR)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert run_cli("ingest", str(tmp_path / "market.txt"), str(tmp_path / "bazaar.txt"), db=db).returncode == 0
    before = _main_ids(db)
    assert len(before) == 2
    # A later resolution merges the two (as a bridging report would): store that incident set.
    engine = open_database(db)
    first, second = [i for i in load_incidents(engine) if not i.background_only]
    merged = Incident("Imerged000001", first.event_type, first.date, first.place, first.target, "",
                      first.mentions + second.mentions)
    found = [reconcile(merged, all_articles(engine))]
    with engine.begin() as conn:
        replace_incidents(conn, found, {})
    engine.dispose()
    assert _main_ids(db) == {"Imerged000001"}
    for old in before:
        shown = run_cli("show", old, db=db)
        assert shown.returncode == 0, shown.stderr
        assert "was merged into Imerged000001" in shown.stderr and "Imerged000001" in shown.stdout
    unknown = run_cli("show", "Inothing", db=db)
    assert unknown.returncode == 1 and unknown.stderr.startswith("HL301")


def test_reingesting_changes_no_incident(tmp_path: Path, db: str) -> None:
    (tmp_path / "both.txt").write_text(BOTH, encoding="utf-8")
    assert run_cli("ingest", str(tmp_path / "both.txt"), db=db).returncode == 0
    first = export_json(db)["incidents"]
    assert run_cli("ingest", str(tmp_path / "both.txt"), db=db).returncode == 0
    assert export_json(db)["incidents"] == first
