"""The API's upload queue in the database (table `jobs`): enqueue, claim, finish, read; and the
lock that makes one process of a `serve --workers N` the only one draining it."""

from __future__ import annotations

import fcntl
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from harmledger.store.schema import jobs

DRAIN_LOCK = 0x686C_0003  # PostgreSQL advisory lock key: "hl" + 3 (database.py has 1 and 2)
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# Ended jobs are kept this long, and at most this many, for GET /api/jobs/{id} to answer; older
# ones are deleted when a job is queued (then 404). A client polls its job within seconds, so a
# week is ample, and the count bounds the table however fast uploads come.
KEEP_DAYS = 7
KEEP_ENDED = 1000


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def enqueue(engine: Engine, file_name: str, payload: bytes, articles: list[tuple[str, str]]) -> str:
    """Store an upload as a queued job; returns its id (random, so ids are not guessable)."""
    job_id = "J" + secrets.token_hex(12)
    with engine.begin() as conn:
        conn.execute(insert(jobs).values(id=job_id, status=QUEUED, file_name=file_name, payload=payload,
                                         articles=json.dumps(articles), created_at=_now()))
        purge_ended(conn)
    return job_id


def purge_ended(conn: Connection) -> int:
    """Delete the ended (done or failed) jobs that finished more than KEEP_DAYS ago or before the
    newest KEEP_ENDED ended ones; queued and running jobs are never touched. Rows deleted."""
    ended = jobs.c.status.in_((DONE, FAILED))
    old = _now() - timedelta(days=KEEP_DAYS)
    deleted = conn.execute(delete(jobs).where(ended, jobs.c.finished_at < old)).rowcount
    # the finish time of the KEEP_ENDED-th newest ended job: those that finished before it go
    cutoff = conn.execute(select(jobs.c.finished_at).where(ended).order_by(jobs.c.finished_at.desc())
                          .offset(KEEP_ENDED - 1).limit(1)).scalar()
    if cutoff is not None:
        deleted += conn.execute(delete(jobs).where(ended, jobs.c.finished_at < cutoff)).rowcount
    return deleted or 0


def read_job(engine: Engine, job_id: str) -> dict[str, Any] | None:
    """A job's status, times, result and error (never its payload); None when unknown."""
    columns = [c for c in jobs.c if c.name != "payload"]
    with engine.connect() as conn:
        row = conn.execute(select(*columns).where(jobs.c.id == job_id)).mappings().first()
    if row is None:
        return None
    return {"id": row["id"], "status": row["status"], "file_name": row["file_name"],
            "articles": [{"id": a, "source_id": s} for a, s in json.loads(row["articles"])],
            "created_at": _iso(row["created_at"]), "started_at": _iso(row["started_at"]),
            "finished_at": _iso(row["finished_at"]),
            "result": json.loads(row["result"]) if row["result"] else None,
            "error": {"error": row["error"], "detail": row["detail"] or ""} if row["error"] else None}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


@dataclass(frozen=True)
class Claimed:
    """A job taken off the queue: what the worker needs to ingest it."""

    id: str
    file_name: str
    payload: bytes
    articles: list[tuple[str, str]]  # (id, source_id) as read at the POST


def claim_next(engine: Engine) -> Claimed | None:
    """Mark the oldest queued job running and return it; None when none waits. Only the holder of
    the DrainLock calls this, so no other process claims it meanwhile."""
    with engine.begin() as conn:
        row = conn.execute(select(jobs.c.id, jobs.c.file_name, jobs.c.payload, jobs.c.articles)
                           .where(jobs.c.status == QUEUED).order_by(jobs.c.created_at, jobs.c.id).limit(1)).first()
        if row is None:
            return None
        conn.execute(update(jobs).where(jobs.c.id == row.id).values(status=RUNNING, started_at=_now()))
        return Claimed(row.id, row.file_name, bytes(row.payload or b""),
                       [(a, s) for a, s in json.loads(row.articles)])


def finish(engine: Engine, job_id: str, result: dict[str, Any]) -> None:
    """The job is done: its result stored, its payload dropped."""
    _end(engine, job_id, status=DONE, result=json.dumps(result, ensure_ascii=False))


def fail(engine: Engine, job_id: str, code: str, detail: str) -> None:
    """The job failed with an HL code and a sentence; its payload dropped."""
    _end(engine, job_id, status=FAILED, error=code, detail=detail)


def _end(engine: Engine, job_id: str, **values: Any) -> None:
    with engine.begin() as conn:
        conn.execute(update(jobs).where(jobs.c.id == job_id).values(payload=None, finished_at=_now(), **values))


def requeue_running(engine: Engine) -> int:
    """Queue again the jobs left running by a drainer that died (the caller holds the DrainLock, so
    none is running anywhere); an ingest run again converges, so nothing is done twice."""
    with engine.begin() as conn:
        return conn.execute(update(jobs).where(jobs.c.status == RUNNING)
                            .values(status=QUEUED, started_at=None)).rowcount or 0


class DrainLock:
    """Held by at most one process per database, released when that process ends however it ends:
    a PostgreSQL session advisory lock on a connection of its own, or an flock on a file beside
    the SQLite database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock if no other process holds it; whether this process holds it now."""
        if self._conn is not None or self._file is not None:
            return True
        if self.engine.dialect.name == "postgresql":
            conn = self.engine.connect()
            if conn.execute(select(text("pg_try_advisory_lock(:key)")), {"key": DRAIN_LOCK}).scalar():
                conn.commit()
                self._conn = conn
                return True
            conn.close()
            return False
        database = self.engine.url.database
        path = Path(f"{database}.jobs-lock") if database and database != ":memory:" else None
        if path is None:
            return True  # an in-memory database has one process
        handle = path.open("ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    def release(self) -> None:
        """Let another process drain."""
        if self._conn is not None:
            self._conn.execute(select(text("pg_advisory_unlock(:key)")), {"key": DRAIN_LOCK})
            self._conn.close()
            self._conn = None
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
