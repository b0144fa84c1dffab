"""An ingest killed (SIGKILL) at any moment and then run again, or followed by `harmledger
recover`, ends with the export of an ingest that was never interrupted."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CLI, ROOT

DEMO = ROOT / "examples" / "demo"
pytestmark = pytest.mark.slow


def _run(db: Path, *args: str, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HARMLEDGER_BATCH="4")  # the demo's 22 articles in six commits
    env.pop("HARMLEDGER_DB", None)
    if kill_at:
        env["HARMLEDGER_KILL_AT"] = kill_at
    return subprocess.run([str(CLI), "--db", str(db), *args], capture_output=True, text=True, env=env,
                          timeout=600)


def _export(db: Path) -> dict:
    result = _run(db, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    data.pop("generated_at")
    return data


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    env = dict(os.environ)
    env.pop("HARMLEDGER_DB", None)
    # The default batch size: the killed runs' small batches must not change the result either.
    result = subprocess.run([str(CLI), "--db", str(db), "ingest", str(DEMO)], capture_output=True,
                            text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    return _export(db)


@pytest.mark.parametrize(("moment", "then"), [
    ("extracted:2", "ingest"),   # one batch stored, the second parsed but not stored
    ("stored:3", "ingest"),      # three batches stored, none resolved
    ("resolving:1", "recover"),  # everything stored, the resolve transaction not committed
])
def test_an_ingest_killed_at_any_moment_converges_when_run_again(
        tmp_path: Path, uninterrupted: dict, moment: str, then: str) -> None:
    db = tmp_path / "killed.db"
    killed = _run(db, "ingest", str(DEMO), kill_at=moment)
    assert killed.returncode == -9, killed.stderr
    again = _run(db, then, *([str(DEMO)] if then == "ingest" else []))
    assert again.returncode == 0, again.stderr
    assert _export(db) == uninterrupted
    # and a further run has nothing left to do
    assert "0 incidents new or updated" in _run(db, "recover").stderr
