"""bench/api_load.py, with its own HTTP/1.1 client, runs against the production command on the demo
database: every phase answers (keep-alive, Content-Length and chunked bodies: the CSV export is
streamed) with no error, and it prints the table, the CPU columns and the ratio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[1] / "bench" / "api_load.py"


def test_the_api_bench_reads_every_phase_without_errors(demo_db: str) -> None:
    done = subprocess.run([sys.executable, str(BENCH), "--db", demo_db, "--workers", "2", "--concurrency", "3",
                           "--seconds", "1"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = [line.split("|")[1:-1] for line in done.stdout.splitlines() if line.startswith("| ")]
    header, phases = rows[0], rows[1:]
    assert [c.strip() for c in header][-2:] == ["client CPU %", "server CPU %"]
    assert [p[0].strip() for p in phases] == ["/health", "mixed", "/health again"]
    assert all(float(p[1]) > 0 and p[5].strip() == "0" for p in phases), done.stdout  # req/s, errors
    assert "mixed / health = " in done.stdout
