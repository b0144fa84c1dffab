"""Resolution is incremental: a new batch is matched against the stored incidents, a later toll
joins its strike, bridging reports merge incidents, and every id given out stays resolvable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from harmledger.models import DatePrecision, EventDate, EventType, Mention, Place, PlacePrecision, Role
from harmledger.resolve.cluster import resolve_batch
from harmledger.resolve.features import Profile
from harmledger.resolve.index import ProfileIndex
from tests.conftest import BACKENDS, copy_db, export_json, new_db, run_cli
from tests.stories import MARKET, PORT, TOLL

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow

KHARKIV = Place("Kharkiv", "UA", "Kharkiv", 49.98, 36.25, 706483, PlacePrecision.town)



def _write(folder: Path, **texts: str) -> list[str]:
    paths = []
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(folder / f"{name}.txt"))
    return paths


def _by_place(db: str) -> dict[str, dict]:
    return {i["place"]["name"]: i for i in export_json(db)["incidents"] if not i["background_only"]}


@pytest.fixture(scope="module", params=BACKENDS)
def two_batches(request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict, dict, str]:
    """A database (each backend) that got the market and port stories first, then the later toll."""
    folder = tmp_path_factory.mktemp("batches")
    db = new_db(request.param, folder, request)
    assert run_cli("ingest", *_write(folder, market=MARKET, port=PORT), db=db).returncode == 0
    before = _by_place(db)
    added = run_cli("ingest", *_write(folder, toll=TOLL), db=db)
    assert added.returncode == 0, added.stderr
    return db, before, _by_place(db), added.stderr


def test_a_later_toll_joins_the_stored_strike_and_leaves_other_incidents_alone(two_batches) -> None:
    _, before, after, said = two_batches
    assert "1 incidents new or updated" in said
    assert set(after) == {"Kharkiv", "Odesa"}
    market = after["Kharkiv"]
    assert market["id"] == before["Kharkiv"]["id"]  # the id given out first is kept
    assert market["sources"] == {"articles": 2, "independent": 2}
    assert market["killed"]["best"] == 5 and market["killed"]["low"] == 3  # the later toll is best
    assert after["Odesa"] == before["Odesa"]


def test_ingesting_in_two_batches_groups_like_one_batch(two_batches, tmp_path: Path) -> None:
    one = str(tmp_path / "one.db")
    assert run_cli("ingest", *_write(tmp_path, market=MARKET, port=PORT, toll=TOLL), db=one).returncode == 0

    def grouping(db: str) -> set[frozenset[str]]:
        return {frozenset(m["article_id"] for m in i["mentions"]) for i in export_json(db)["incidents"]}

    assert grouping(one) == grouping(two_batches[0])


def test_split_keeps_the_id_on_the_rest_and_merge_redirects(two_batches, tmp_path: Path) -> None:
    db = copy_db(two_batches[0], tmp_path)
    market = two_batches[2]["Kharkiv"]
    split = run_cli("split", market["id"], "toll.txt", db=db)
    assert split.returncode == 0, split.stderr
    parts = {i["id"]: i for i in export_json(db)["incidents"] if i["place"]["name"] == "Kharkiv"}
    assert len(parts) == 2 and market["id"] in parts
    (new_id,) = set(parts) - {market["id"]}
    assert parts[market["id"]]["sources"]["articles"] == 1

    merged = run_cli("merge", market["id"], new_id, db=db)
    assert merged.returncode == 0, merged.stderr
    assert {i["id"] for i in export_json(db)["incidents"]} == {i["id"] for i in two_batches[2].values()}
    shown = run_cli("show", new_id, db=db)
    assert shown.returncode == 0 and f"was merged into {market['id']}" in shown.stderr

    assert run_cli("split", market["id"], "nothing.txt", db=db).stderr.startswith("HL303")
    assert run_cli("split", market["id"], "market.txt", "toll.txt", db=db).stderr.startswith("HL303")


def test_rebuild_keeps_the_ids_it_can_and_changes_nothing_else(two_batches, tmp_path: Path) -> None:
    db = copy_db(two_batches[0], tmp_path)
    before = export_json(db)["incidents"]
    assert run_cli("rebuild", db=db).returncode == 0
    assert export_json(db)["incidents"] == before


def _report(aid: str, when: EventDate, target: str, district: str = "") -> Mention:
    return Mention(aid, 0, Role.main, EventType.shelling, when, KHARKIV, target, "", "", 0, 0, district=district)


def test_a_report_that_fits_two_stored_incidents_merges_them() -> None:
    index = ProfileIndex()
    undated = resolve_batch([_report("a", EventDate(None, DatePrecision.unknown), "market")], index)
    dated = resolve_batch([_report("b", EventDate(date(2022, 7, 21), DatePrecision.day), "bazaar")], index)
    assert len(index) == 2  # nothing yet says the market and the bazaar are one event
    bridge = resolve_batch([_report("c", EventDate(date(2022, 7, 21), DatePrecision.day), "market bazaar")], index)
    (a_id,), (b_id,) = undated.members, dated.members
    assert bridge.merged == {a_id: b_id} or bridge.merged == {b_id: a_id}
    assert len(index) == 1


def test_a_report_that_fits_incidents_in_two_districts_merges_nothing() -> None:
    index = ProfileIndex()
    when = EventDate(date(2022, 7, 21), DatePrecision.day)
    resolve_batch([_report("a", when, "market", "salt"), _report("b", when, "market", "slob")], index)
    assert len(index) == 2
    bridge = resolve_batch([_report("c", when, "market")], index)
    assert bridge.merged == {} and len(index) == 2


def test_a_report_that_fits_three_stored_incidents_merges_all_into_the_biggest() -> None:
    when = EventDate(date(2022, 7, 21), DatePrecision.day)
    stored = [Profile(f"I{n}", KHARKIV, when, EventType.shelling, {"market"}, mentions=size)
              for n, size in ((1, 1), (2, 3), (3, 2))]
    index = ProfileIndex(stored)
    result = resolve_batch([_report("d", when, "market")], index)
    assert list(index.by_id) == ["I2"]
    assert result.merged == {"I1": "I2", "I3": "I2"}
    assert [m.article_id for m in result.members["I2"]] == ["d"]
