"""`harmledger eval DIR DIR...`: each corpus in its own fresh database, one row per corpus named by its
folder, and a pooled row that counts every unit, incident and claim of them all once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmledger.evaluate.score import pool, tally
from tests.conftest import run_cli
from tests.evaluate.synthetic import NORTH, SOUTH, write_corpus

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_corpora(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("gold")
    return [write_corpus(root / "north", NORTH), write_corpus(root / "south", SOUTH)]


@pytest.fixture(scope="module")
def as_table(two_corpora: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """What `eval north south --baselines --export out/x.json` prints (one run for several tests),
    and the --export path it was given."""
    export = tmp_path_factory.mktemp("out") / "x.json"
    result = run_cli("eval", *map(str, two_corpora), "--baselines", "--export", str(export))
    assert result.returncode == 0, result.stderr
    return result.stdout, export


def _rows(text: str, first: str) -> list[list[str]]:
    """The cells of the table rows whose first cell is `first`."""
    rows = [[cell.strip() for cell in line.strip("│").split("│")] for line in text.splitlines() if "│" in line]
    return [row for row in rows if row[0] == first]


def test_several_folders_write_one_export_per_corpus_named_after_it(as_table: tuple[str, Path]) -> None:
    _, export = as_table
    assert sorted(p.name for p in export.parent.iterdir()) == ["x-north.json", "x-south.json"]
    assert json.loads((export.parent / "x-north.json").read_text())["schema"] == "harmledger/incidents@1"


def test_several_folders_print_a_row_per_corpus_then_the_pooled_row(
        as_table: tuple[str, Path], two_corpora: list[Path]) -> None:
    text, export = as_table
    tallies = [tally(json.loads(export.with_name(f"x-{g.name}.json").read_text()), g) for g in two_corpora]
    for name, counts in [("north", tallies[0]), ("south", tallies[1]), ("pooled", pool(tallies))]:
        [row] = _rows(text, name)[:1]
        s = counts.scores()
        assert row[1:4] == [f"{s['incidents_found']}/{s['incidents_gold']}",
                            f"{s['claims_matched']}/{s['claims_gold']}", f"{s['claim_precision']:.3f}"]
        assert row[6] == f"{s['claimant_accuracy']:.3f}" and row[11] == f"{s['b3_f1']:.3f}" and row[-1] == "0"
    # the invented corpora differ where it shows: south's injured figure is the reporter's, not the mayor's
    assert [_rows(text, n)[0][6] for n in ("north", "south", "pooled")] == ["1.000", "0.500", "0.800"]


def test_baselines_are_scored_per_corpus_and_pooled(as_table: tuple[str, Path]) -> None:
    text, _ = as_table
    for name in ("north", "south", "pooled"):
        systems = [row[1] for row in _rows(text, name)[1:]]  # the first row is the score table's
        assert systems == ["harmledger", "regex counts", "dateparser", "geotext"], name


def test_several_folders_as_json_hold_each_corpus_as_alone_and_the_pooled_scores(
        two_corpora: list[Path], tmp_path: Path) -> None:
    export = tmp_path / "x.json"
    result = run_cli("eval", *map(str, two_corpora), "--json", "--baselines", "--export", str(export))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1  # however wide: a pipe's width never breaks the JSON
    scores = json.loads(result.stdout)
    assert list(scores) == ["corpora", "pooled"] and list(scores["corpora"]) == ["north", "south"]
    tallies = [tally(json.loads(export.with_name(f"x-{g.name}.json").read_text()), g) for g in two_corpora]
    for row, counts in zip([*scores["corpora"].values(), scores["pooled"]], [*tallies, pool(tallies)], strict=True):
        assert list(row) == [*counts.scores(), "baselines"]
        assert {k: v for k, v in row.items() if k != "baselines"} == counts.scores()
        assert list(row["baselines"]) == ["regex counts", "dateparser", "geotext"]


def test_two_folders_of_one_name_are_bad_usage(two_corpora: list[Path]) -> None:
    north = two_corpora[0]
    result = run_cli("eval", str(north), str(north) + "/")
    assert result.returncode == 2
    assert "two gold folders are named north" in " ".join(result.stderr.split())


def test_a_folder_without_gold_files_is_named_before_any_corpus_is_ingested(
        two_corpora: list[Path], tmp_path: Path) -> None:
    result = run_cli("eval", *map(str, two_corpora), str(tmp_path), "--export", str(tmp_path / "x.json"))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == f"HL200 {tmp_path}: gold folder needs articles.jsonl and incidents.jsonl"
    assert not list(tmp_path.iterdir())  # no corpus was scored, so no export was written

