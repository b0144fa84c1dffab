"""`harmledger eval` prints the same numbers as ../shared/tools/score.py on the same export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli, shared_path


@pytest.mark.slow
def test_eval_equals_reference_scorer(tmp_path: Path) -> None:
    gold = shared_path("corpus", "dev")
    scorer = shared_path("tools", "score.py")
    export = tmp_path / "export.json"
    ours = run_cli("eval", str(gold), "--json", "--export", str(export))
    assert ours.returncode == 0, ours.stderr
    reference = subprocess.run([sys.executable, str(scorer), str(export), str(gold), "--json"],
                               capture_output=True, text=True, check=True)
    ours_scores = json.loads(ours.stdout)
    ref_scores = json.loads(reference.stdout)
    assert ours_scores.keys() == ref_scores.keys()
    for key, value in ref_scores.items():
        assert ours_scores[key] == pytest.approx(value, abs=1e-9), key
    text = run_cli("eval", str(gold))
    assert text.stdout.splitlines()[0].split() == ["units", str(ref_scores["units"])]
