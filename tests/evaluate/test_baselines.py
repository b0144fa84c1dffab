"""Baselines: a regex victim counter, dateparser and geotext, scored beside our pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmledger.evaluate.baselines import regex_claims
from harmledger.models import Article
from tests.conftest import run_cli, shared_path

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow


def test_regex_baseline_finds_numbers_near_kill_words_and_names_nobody() -> None:
    text = "A strike killed 12 people and 30 were wounded; the governor said seven were missing."
    found = [(c["kind"], c["low"], c["claimant"]) for c in regex_claims(Article("a", "a", text))]
    assert ("killed", 12, "reporter") in found and ("injured", 30, "reporter") in found
    assert all(low != 7 for _, low, _ in found)


@pytest.mark.slow
def test_our_rows_beat_every_baseline_row(tmp_path: Path) -> None:
    gold = shared_path("corpus", "dev")
    result = run_cli("eval", str(gold), "--baselines", "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores["baselines"]) == {"regex counts", "dateparser", "geotext"}
    for name, row in scores["baselines"].items():
        for metric, value in row.items():
            assert scores[metric] > value, f"{name} beats us on {metric}"
