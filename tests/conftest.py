"""Shared fixtures: the real CLI, real SQLite files, and ../shared when it is beside the clone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLI = Path(sys.executable).with_name("harmledger")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: tests on real articles need ../shared beside the clone")
    return path


def run_cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `harmledger` command as a user would."""
    cmd = [str(CLI)] + (["--db", str(db)] if db else []) + list(args)
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)


def export_json(db: Path) -> dict:
    result = run_cli("export", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def nlp():
    from harmledger.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer():
    from harmledger.extract.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def seeds_export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The JSON export after `harmledger ingest ../shared/seeds` into a new database."""
    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("seeds") / "s.db"
    result = run_cli("ingest", str(seeds), db=db)
    assert result.returncode == 0, result.stderr
    return export_json(db)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run_cli("ingest", str(ROOT / "examples" / "demo"), db=db)
    assert result.returncode == 0, result.stderr
    return db
