"""Shared fixtures: the real CLI, real databases (SQLite files and a real PostgreSQL server started
by scripts/pg.sh), and ../shared when it is beside the clone."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLI = Path(sys.executable).with_name("harmledger")
PG_SCRIPT = ROOT / "scripts" / "pg.sh"
# Every test that takes a `db` (or the demo and seed databases) runs once per backend.
BACKENDS = ["sqlite", "postgresql"]
_created: list[str] = []  # PostgreSQL databases made by this session, dropped at its end


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: tests on real articles need ../shared beside the clone")
    return path


def run_cli(*args: str, db: Path | str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `harmledger` command as a user would."""
    cmd = [str(CLI)] + (["--db", str(db)] if db else []) + list(args)
    env = dict(os.environ, COLUMNS="200")
    env.pop("HARMLEDGER_DB", None)
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of the project's PostgreSQL server (scripts/pg.sh start), started for this session when
    it is not running; skipped only when PostgreSQL cannot be installed."""
    # pytest-xdist workers each run this fixture: one starts the server at a time
    with (ROOT / ".pg-start.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        was_running = subprocess.run([str(PG_SCRIPT), "url"], capture_output=True).returncode == 0
        started = subprocess.run([str(PG_SCRIPT), "start"], capture_output=True, text=True, timeout=900)
    if started.returncode == 3:
        pytest.skip(f"PostgreSQL tests skipped: PostgreSQL could not be installed ({started.stderr.strip()})")
    assert started.returncode == 0, f"scripts/pg.sh start failed: {started.stderr}"
    url = started.stdout.strip().splitlines()[-1]
    yield url
    # Each DROP DATABASE waits for a checkpoint (about 0.3 s); eight at a time share them, so the
    # hundred-odd databases of a session go in seconds rather than half a minute.
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(_drop_database, [url] * len(_created), _created))
    # under xdist another worker may still use the server: it stays up (make pg-stop stops it)
    if not was_running and "PYTEST_XDIST_WORKER" not in os.environ:
        subprocess.run([str(PG_SCRIPT), "stop"], capture_output=True)


def _drop_database(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin_url(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/postgres"


def new_pg_database(server: str, template: str | None = None) -> str:
    """A fresh, empty PostgreSQL database on `server` (a copy of `template` when given)."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_admin_url(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    _created.append(name)
    return server.rsplit("/", 1)[0] + "/" + name


def new_db(backend: str, folder: Path, request: pytest.FixtureRequest) -> str:
    """A new database of `backend`: a SQLite file in `folder` or a PostgreSQL database."""
    if backend == "sqlite":
        return str(folder / f"h-{uuid.uuid4().hex[:6]}.db")
    return new_pg_database(request.getfixturevalue("pg_server"))


def copy_db(db: str, folder: Path) -> str:
    """A copy of database `db` that a test may change."""
    if "://" in db:
        server, name = db.rsplit("/", 1)
        return new_pg_database(server + "/postgres", template=name)
    copy = folder / f"copy-{uuid.uuid4().hex[:6]}.db"
    shutil.copy(db, copy)
    return str(copy)


def count_rows(db: str, table: str) -> int:
    """Rows in `table` of `db`, on either backend."""
    from sqlalchemy import text

    from harmledger.store.database import open_database

    engine = open_database(db)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database: a SQLite file, then a database on the real PostgreSQL server."""
    return new_db(request.param, tmp_path, request)


def export_json(db: Path | str) -> dict:
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


def built_once(name: str, tmp_path_factory: pytest.TempPathFactory, build: Callable[[Path], Any]) -> Any:
    """`build(folder)` run once per test session, its (JSON) result shared by every pytest-xdist
    worker: the first to ask builds it, the others wait for it and read it."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return build(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent  # this session's folder, above each worker's own
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / f"{name}.json"
        if not done.exists():
            (shared / name).mkdir()
            done.write_text(json.dumps(build(shared / name)), encoding="utf-8")
        return json.loads(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session", params=BACKENDS)
def seeds_export(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The JSON export after `harmledger ingest ../shared/seeds` into a new database."""
    seeds = shared_path("seeds")

    def build(folder: Path) -> dict:
        db = new_db(request.param, folder, request)
        result = run_cli("ingest", str(seeds), db=db)
        assert result.returncode == 0, result.stderr
        return export_json(db)
    return built_once(f"seeds-{request.param}", tmp_path_factory, build)  # type: ignore[no-any-return]


@pytest.fixture(scope="session", params=BACKENDS)
def demo_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo corpus ingested into a new database of each backend. The SQLite file is built once
    for all workers (tests read it or copy it); each worker makes its own PostgreSQL one, which
    its session drops at the end and which `copy_db` needs free of other connections."""
    def build(folder: Path) -> str:
        db = new_db(request.param, folder, request)
        result = run_cli("ingest", str(ROOT / "examples" / "demo"), db=db)
        assert result.returncode == 0, result.stderr
        return db
    if request.param == "sqlite":
        return built_once("demo-sqlite", tmp_path_factory, build)  # type: ignore[no-any-return]
    return build(tmp_path_factory.mktemp("demo"))
