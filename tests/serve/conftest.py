"""A real `harmledger serve` (uvicorn on a free port) over a real database (SQLite file or PostgreSQL)
built from examples/demo."""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from tests.conftest import CLI, copy_db

# A stale id as a merge leaves it behind (see store/repository.py _redirect), pointing at a live incident.
OLD_ID = "Imergedaway01"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: Path | str, token: str | None = None, args: tuple[str, ...] = (),
                   log: Path | None = None) -> Iterator[str]:
    """Start `harmledger --db DB serve [ARGS]` on a free port; yield its base URL; stop it afterwards.
    The server's output goes to `log` (else a file in a temporary folder)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "HARMLEDGER_TOKEN"}
    if token:
        env["HARMLEDGER_TOKEN"] = token
    log = log or Path(tempfile.mkdtemp()) / f"server-{port}.log"  # a file, not a pipe nobody drains
    with log.open("w") as out:
        proc = subprocess.Popen([str(CLI), "--db", str(db), "serve", "--port", str(port), *args], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text()}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not answer /health within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def api_db(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo database plus one redirect from a merged-away id."""
    from sqlalchemy import insert

    from harmledger.store.database import open_database
    from harmledger.store.filters import Filters
    from harmledger.store.queries import select_incidents
    from harmledger.store.schema import redirects

    db = copy_db(demo_db, tmp_path_factory.mktemp("api"))
    engine = open_database(str(db))
    target = select_incidents(engine, Filters(), "-sources")[0].id
    with engine.begin() as conn:
        conn.execute(insert(redirects).values(old_id=OLD_ID, new_id=target, reason="merged",
                                              created_at=datetime(2026, 1, 1)))
    engine.dispose()
    return db


@pytest.fixture(scope="session")
def live_server(api_db: str) -> Iterator[str]:
    """Base URL of a read-only server (no token: writes are off)."""
    with running_server(api_db) as url:
        yield url


@pytest.fixture(scope="session")
def client(live_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server, timeout=30) as c:
        yield c


ACLED_SAMPLE = Path(__file__).resolve().parents[1] / "interop" / "fixtures" / "acled_sample.csv"


# The token of the writing servers below: a made-up value, no secret.
TOKEN = "test-token-not-a-secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="session")
def writer(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A client of a server with a token (writes on), on its own copy of the demo database. One
    server a backend and worker for every test that writes (its first job loads the models, about
    10 s): so each test adds records of its own ids and compares counts before and after."""
    db = copy_db(demo_db, tmp_path_factory.mktemp("writes"))
    with running_server(db, token=TOKEN) as url, httpx.Client(base_url=url, timeout=120) as c:
        yield c


@pytest.fixture(scope="session")
def compare_server(api_db: str) -> Iterator[str]:
    """Base URL of a read-only server started with the made-up ACLED file to compare against."""
    with running_server(api_db, args=("--compare", str(ACLED_SAMPLE))) as url:
        yield url


def finished_job(client: httpx.Client, response: httpx.Response, timeout: float = 300) -> dict:
    """Poll the job a POST /api/articles answered with (202, Location) until it has ended; its JSON."""
    assert response.status_code == 202, response.text
    location = response.headers["location"]
    assert location == f"/api/jobs/{response.json()['id']}"
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(location).json()
        if job["status"] in ("done", "failed"):
            return job  # type: ignore[no-any-return]
        if time.monotonic() > deadline:
            raise TimeoutError(f"job still {job['status']} after {timeout} s")
        time.sleep(0.2)
