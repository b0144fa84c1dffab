"""`ingest --workers N` and `--scheduler` run parse and extract on Dask and give the same export
as the single-process ingest."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.conftest import export_json, run_cli, shared_path

# Whole-pipeline runs of a corpus or several processes: left out of `make test-fast`.
pytestmark = pytest.mark.slow


def _comparable(export: dict) -> dict:
    return {k: v for k, v in export.items() if k != "generated_at"}


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The dev corpus ingested by one process into SQLite."""
    db = str(tmp_path_factory.mktemp("single") / "one.db")
    result = run_cli("ingest", str(shared_path("corpus", "dev", "articles.jsonl")), db=db)
    assert result.returncode == 0, result.stderr
    return _comparable(export_json(db))


def test_two_dask_workers_give_the_single_process_export(single: dict, db: str) -> None:
    result = run_cli("ingest", "--workers", "2", str(shared_path("corpus", "dev", "articles.jsonl")), db=db)
    assert result.returncode == 0, result.stderr
    assert "76 new" in result.stderr
    distributed = _comparable(export_json(db))
    assert [a["id"] for a in distributed["articles"]] == [a["id"] for a in single["articles"]]
    assert [i["id"] for i in distributed["incidents"]] == [i["id"] for i in single["incidents"]]
    assert json.dumps(distributed, sort_keys=True) == json.dumps(single, sort_keys=True)


def test_a_running_scheduler_is_used_by_address(tmp_path: Path) -> None:
    from distributed import LocalCluster

    seeds = str(shared_path("seeds"))
    alone = str(tmp_path / "alone.db")
    assert run_cli("ingest", seeds, db=alone).returncode == 0
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = str(tmp_path / "remote.db")
        result = run_cli("ingest", "--scheduler", cluster.scheduler_address, seeds, db=remote)
    assert result.returncode == 0, result.stderr
    assert _comparable(export_json(remote)) == _comparable(export_json(alone))


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "a.txt").write_text("2022-07-14\n\nStrike\n\nA missile hit Vinnytsia.\n", encoding="utf-8")
    result = run_cli("ingest", "--scheduler", f"tcp://127.0.0.1:{port}", str(tmp_path / "a.txt"),
                     db=tmp_path / "x.db")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("HL307") and str(port) in line
    assert run_cli("incidents", db=tmp_path / "x.db").returncode == 0
