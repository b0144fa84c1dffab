"""`harmledger eval` prints the same numbers as ../shared/tools/score.py on the same export: on every
real corpus, on the invented ones of tests/evaluate/synthetic.py, and definition by definition."""

from __future__ import annotations

import functools
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from harmledger.app.evaluation import export_path
from harmledger.evaluate.score import claimant_match
from tests.conftest import SHARED, run_cli, shared_path
from tests.evaluate.synthetic import NORTH, write_corpus

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow

CORPORA = ("dev", "dev2", "ukru")


def reference(export: Path, gold: Path, *args: str) -> str:
    """What the reference scorer prints for `export` against `gold`."""
    scorer = shared_path("tools", "score.py")
    return subprocess.run([sys.executable, str(scorer), str(export), str(gold), *args],
                          capture_output=True, text=True, check=True).stdout


RealEval = tuple[dict[str, dict[str, Any]], dict[str, Any], dict[str, Path]]


@pytest.fixture(scope="module")
def real_eval(tmp_path_factory: pytest.TempPathFactory) -> RealEval:
    """One `harmledger eval --json --export` of every real corpus present, so each is ingested once:
    the scores per corpus, the pooled scores, and per corpus the export scored."""
    present = [c for c in CORPORA if (SHARED / "corpus" / c).is_dir()]
    if not present:
        pytest.skip(f"{SHARED / 'corpus'} is absent: tests on real articles need ../shared beside the clone")
    export = tmp_path_factory.mktemp("real") / "export.json"
    result = run_cli("eval", *(str(SHARED / "corpus" / c) for c in present), "--json", "--export", str(export))
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    if len(present) == 1:  # one folder: its scores alone, its export where --export says
        return {present[0]: scores}, scores, {present[0]: export}
    return scores["corpora"], scores["pooled"], {c: export_path(export, c) for c in present}


@pytest.mark.slow
@pytest.mark.parametrize("corpus", CORPORA)
def test_eval_equals_reference_scorer(corpus: str, request: pytest.FixtureRequest) -> None:
    gold = shared_path("corpus", corpus)
    ours, _, exports = request.getfixturevalue("real_eval")
    ref_scores = json.loads(reference(exports[corpus], gold, "--json"))
    assert list(ours[corpus]) == list(ref_scores)
    for key, value in ref_scores.items():
        assert ours[corpus][key] == pytest.approx(value, abs=1e-9), key


@pytest.mark.slow
def test_the_pooled_row_weighs_each_corpus_by_its_units_incidents_and_claims(real_eval: RealEval) -> None:
    ours, pooled, exports = real_eval
    ref = {c: json.loads(reference(exports[c], shared_path("corpus", c), "--json")) for c in ours}

    def weighed(metric: str, weight: str) -> float:
        return sum(r[metric] * r[weight] for r in ref.values()) / max(sum(r[weight] for r in ref.values()), 1)

    assert pooled["units"] == sum(r["units"] for r in ref.values())
    assert pooled["claim_precision"] == pytest.approx(
        sum(r["claims_matched"] for r in ref.values()) / max(sum(r["claims_system"] for r in ref.values()), 1))
    for metric, weight in (("b3_precision", "units"), ("b3_recall", "units"), ("date_exact", "incidents_gold"),
                           ("place_25km", "incidents_gold"), ("claim_recall", "claims_gold"),
                           ("claimant_accuracy", "claims_matched"), ("claim_right_incident", "claims_matched")):
        assert pooled[metric] == pytest.approx(weighed(metric, weight), abs=1e-9), metric


def test_one_folder_json_has_exactly_the_reference_scorers_keys_and_numbers(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path / "north", NORTH)
    export = tmp_path / "export.json"
    ours = run_cli("eval", str(gold), "--json", "--export", str(export))
    assert ours.returncode == 0, ours.stderr
    assert json.loads(ours.stdout) == json.loads(reference(export, gold, "--json"))


def test_one_folder_prints_the_reference_scorers_lines_then_same_town_merges(tmp_path: Path) -> None:
    gold = write_corpus(tmp_path / "north", NORTH)
    export = tmp_path / "export.json"
    ours = run_cli("eval", str(gold), "--export", str(export))
    assert ours.returncode == 0, ours.stderr
    assert ours.stdout.splitlines() == reference(export, gold).splitlines() + [
        f"{'same_town_other_day_merged':28s} 0"]


@functools.cache
def _reference_module() -> ModuleType:
    path = shared_path("tools", "score.py")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLAIMANTS = [
    ("interior ministry", "ministries", True),  # words meet on their first five letters
    ("Ukraine's defence ministry", "Ukrainian ministries of defence", True),
    ("Олександр Лисак", "Лисака", True),  # any script, inflected
    ("Міністерство оборони Росії", "міноборони", False),
    ("regional governor", "the governor of the region", True),
    ("police", "reporter", False),
    ("reporter", "", True),  # no claimant is the reporter
    ("UN", "U.N.", False),  # words under three letters never meet
    ("officials said", "according to officials", False),  # stop-words only
]


@pytest.mark.parametrize(("gold", "system", "meet"), CLAIMANTS)
def test_claimants_meet_as_the_reference_scorer_says(gold: str, system: str, meet: bool) -> None:
    assert claimant_match(gold, system) is meet
    assert _reference_module().claimant_match(gold, system) is meet
