"""`harmledger serve --workers N` answers from several processes on one port."""

from __future__ import annotations

import os
import subprocess
import time

import httpx
import pytest

from tests.conftest import CLI
from tests.serve.conftest import free_port


# A whole-pipeline run (models loaded in a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_serve_with_two_workers_answers(api_db: str) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("HARMLEDGER_TOKEN", "HARMLEDGER_DB")}
    proc = subprocess.Popen([str(CLI), "--db", str(api_db), "serve", "--port", str(port), "--workers", "2"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "server did not start"
                time.sleep(0.3)
        assert health.status_code == 200 and health.json()["incidents"] > 0
        listing = httpx.get(f"http://127.0.0.1:{port}/api/incidents", timeout=10)
        assert listing.status_code == 200 and listing.json()["total"] == health.json()["incidents"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
