"""The API's write worker: one thread per server process drains the upload queue (store/jobs.py),
one job at a time, so POST /api/articles answers 202 at once, reads never wait behind an ingest and
no request thread waits for one. With `serve --workers N` the N processes each run the thread, but
only the one holding the drain lock ingests; if it dies, another takes the lock over within a
second and runs its unfinished job again (an ingest run twice converges)."""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from harmledger.app.pipeline import ingest
from harmledger.errors import Code, HarmledgerError
from harmledger.store import jobs, queries
from harmledger.store.database import first_line

POLL_SECONDS = 1.0  # how soon a job queued by another process, or a free drain lock, is noticed
log = logging.getLogger("harmledger.serve")


class WriteWorker:
    """The thread that ingests queued uploads. It takes no lock of this process: the database's
    locks (store/database.py) order its store and resolve steps with the corrections (split,
    merge, detach), as with a CLI ingest, so a correction waits for a resolve step, never for a
    whole ingest."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start draining in a daemon thread (a job cut off by the process's end is run again)."""
        self._thread = threading.Thread(target=self._run, name="harmledger-writes", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """A job was queued by this process: look now rather than at the next poll."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the current job (waiting at most `timeout` seconds for it)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        drain = jobs.DrainLock(self.engine)
        holding = False
        try:
            while not self._stop.is_set():
                try:
                    if not holding:
                        holding = drain.acquire()
                        if not holding:
                            self._stop.wait(POLL_SECONDS)
                            continue
                        jobs.requeue_running(self.engine)
                    self._wake.clear()
                    job = jobs.claim_next(self.engine)
                    if job is None:
                        self._wake.wait(POLL_SECONDS)
                        continue
                    self._do(job)
                except Exception:  # the database away a moment: say so once, try again
                    log.exception("write worker: cannot read the job queue; trying again")
                    self._stop.wait(POLL_SECONDS)
        finally:
            drain.release()

    def _do(self, job: jobs.Claimed) -> None:
        """Ingest one job and store its result, or why it failed."""
        try:
            with tempfile.TemporaryDirectory(prefix="harmledger-job-") as tmp:
                path = Path(tmp) / job.file_name
                path.write_bytes(job.payload)
                report = ingest(self.engine, [path])
                errors = [str(e).replace(f"{tmp}/", "") for e in report.errors]
            owners = queries.incidents_of_articles(self.engine, [a for a, _ in job.articles])
            result: dict[str, Any] = {
                "files": report.files, "articles_seen": report.articles_seen, "articles_new": report.articles_new,
                "duplicates": report.duplicates, "incidents": queries.counts(self.engine)[0],
                "articles": [{"id": a, "source_id": s, "incidents": owners[a]} for a, s in job.articles],
                "errors": errors}
        except HarmledgerError as exc:
            jobs.fail(self.engine, job.id, exc.code.value, str(exc))
        except SQLAlchemyError as exc:
            problem = HarmledgerError(Code.DATABASE_ERROR, "the database", detail=first_line(exc))
            jobs.fail(self.engine, job.id, problem.code.value, str(problem))
        except Exception as exc:
            log.exception("write worker: job %s failed", job.id)
            problem = HarmledgerError(Code.INTERNAL, detail=type(exc).__name__)
            jobs.fail(self.engine, job.id, problem.code.value, str(problem))
        else:
            jobs.finish(self.engine, job.id, result)
