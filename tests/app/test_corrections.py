"""Corrections by hand last: a split, a merge or a detach survives `rebuild` and later ingests,
and each is in the audit log with who made it, when and why (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, copy_db, export_json, new_db, run_cli
from tests.stories import MARKET, TOLL

# Whole-pipeline runs: left out of `make test-fast`.
pytestmark = pytest.mark.slow

# A third report of the same strike, which the rules would put with both of the others.
AGAIN = """2022-07-22

Kharkiv mourns market dead

Kharkiv held a day of mourning on Friday for the people killed when Russian shelling hit the city's
market on Thursday; five died, regional governor Oleh Synehubov said.
"""
# Two undated reports of one Thursday in Kharkiv with different targets: the rules keep them apart.
BAZAAR = "A Russian strike on Thursday set a bazaar in Kharkiv ablaze and wounded 12 people, police said."
SQUARE = "Russian shelling hit a square in Kharkiv on Thursday, killing three people, the governor said."


def _write(folder: Path, **texts: str) -> list[str]:
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return [str(folder / f"{name}.txt") for name in texts]


def _grouping(db: str) -> set[frozenset[str]]:
    """Which source files share an incident (main incidents only)."""
    exported = export_json(db)
    source = {a["id"]: a["source_id"] for a in exported["articles"]}
    return {frozenset(Path(source[m["article_id"]]).name for m in i["mentions"])
            for i in exported["incidents"] if not i["background_only"]}


@pytest.fixture(scope="module", params=BACKENDS)
def market(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A database (each backend) holding the market strike and its later toll, one incident."""
    folder = tmp_path_factory.mktemp("corrections")
    db = new_db(request.param, folder, request)
    assert run_cli("ingest", *_write(folder, market=MARKET, toll=TOLL), db=db).returncode == 0
    assert _grouping(db) == {frozenset({"market.txt", "toll.txt"})}
    return db, folder


def _only_id(db: str) -> str:
    (incident,) = [i for i in export_json(db)["incidents"] if not i["background_only"]]
    return str(incident["id"])


def test_a_split_survives_rebuild_and_a_report_that_fits_both_parts(market, tmp_path: Path) -> None:
    db = copy_db(market[0], tmp_path)
    kept = _only_id(db)
    assert run_cli("split", kept, "toll.txt", "--why", "the toll may be another strike", db=db).returncode == 0
    parts = {frozenset({"market.txt"}), frozenset({"toll.txt"})}
    assert _grouping(db) == parts
    ids = {i["id"] for i in export_json(db)["incidents"]}

    assert run_cli("rebuild", db=db).returncode == 0
    assert _grouping(db) == parts and {i["id"] for i in export_json(db)["incidents"]} == ids

    assert run_cli("ingest", *_write(tmp_path, again=AGAIN), db=db).returncode == 0
    together = [g for g in _grouping(db) if "market.txt" in g or "toll.txt" in g]
    assert not any({"market.txt", "toll.txt"} <= g for g in together)
    assert run_cli("rebuild", db=db).returncode == 0
    assert not any({"market.txt", "toll.txt"} <= g for g in _grouping(db))


def test_a_detached_article_stays_on_its_own_after_rebuild(market, tmp_path: Path) -> None:
    db = copy_db(market[0], tmp_path)
    detached = run_cli("detach", "market.txt", "--by", "coder-7", db=db)
    assert detached.returncode == 0, detached.stderr
    assert _grouping(db) == {frozenset({"market.txt"}), frozenset({"toll.txt"})}
    assert run_cli("rebuild", db=db).returncode == 0
    assert _grouping(db) == {frozenset({"market.txt"}), frozenset({"toll.txt"})}
    missing = run_cli("detach", "no-such-article.txt", db=db)
    assert missing.returncode == 1 and missing.stderr.startswith("HL311")


def test_a_merge_survives_rebuild_and_its_ids_stay_resolvable(tmp_path: Path, db: str) -> None:
    assert run_cli("ingest", *_write(tmp_path, bazaar=BAZAAR, square=SQUARE), db=db).returncode == 0
    ids = sorted(i["id"] for i in export_json(db)["incidents"] if not i["background_only"])
    assert len(ids) == 2
    assert run_cli("merge", ids[0], ids[1], "--why", "one strike", db=db).returncode == 0
    rebuilt = run_cli("rebuild", db=db)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert _grouping(db) == {frozenset({"bazaar.txt", "square.txt"})}
    assert _only_id(db) == ids[0]
    shown = run_cli("show", ids[1], db=db)
    assert shown.returncode == 0 and f"was merged into {ids[0]}" in shown.stderr


def test_the_audit_log_lists_every_decision_in_order_with_who_when_and_why(market, tmp_path: Path) -> None:
    db = copy_db(market[0], tmp_path)
    kept = _only_id(db)
    assert run_cli("split", kept, "toll.txt", "--why", "two days", "--by", "analyst-a", db=db).returncode == 0
    new_id = next(i["id"] for i in export_json(db)["incidents"] if i["id"] != kept and not i["background_only"])
    assert run_cli("merge", kept, new_id, "--why", "same strike after all", "--by", "analyst-b", db=db).returncode == 0
    log = run_cli("decisions", "--json", db=db)
    assert log.returncode == 0, log.stderr
    made = json.loads(log.stdout)
    assert [(d["action"], d["author"], d["reason"]) for d in made] == [
        ("split", "analyst-a", "two days"), ("merge", "analyst-b", "same strike after all")]
    assert made[0]["incident_id"] == kept and made[0]["made_at"].endswith("Z")
    assert len(made[0]["articles"]) == 1 and made[0]["apart"] and made[1]["together"]
    # the later merge overrides the split, after a rebuild too
    assert run_cli("rebuild", db=db).returncode == 0
    assert _grouping(db) == {frozenset({"market.txt", "toll.txt"})}
    assert "2 decisions" in run_cli("decisions", db=db).stdout
