"""Ended jobs do not pile up in the `jobs` table: queueing a job deletes the done and failed ones
older than KEEP_DAYS and those beyond the newest KEEP_ENDED; queued and running jobs stay."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from harmledger.store import jobs
from harmledger.store.database import open_database
from harmledger.store.schema import jobs as jobs_table


def _statuses(engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return {row.id: row.status for row in conn.execute(select(jobs_table.c.id, jobs_table.c.status))}


def test_queueing_a_job_deletes_ended_jobs_past_the_age_and_count(
        db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "KEEP_ENDED", 3)
    engine = open_database(db)
    try:
        ended = []
        for n in range(6):
            job = jobs.enqueue(engine, f"f{n}.jsonl", b"{}", [])
            assert jobs.claim_next(engine) is not None
            (jobs.finish if n % 2 else jobs.fail)(engine, job, *(({"n": n},) if n % 2 else ("HL399", "x")))
            ended.append(job)
        # the oldest ended job finished long ago; one more waits and one runs
        with engine.begin() as conn:
            conn.execute(update(jobs_table).where(jobs_table.c.id == ended[5])
                         .values(finished_at=jobs._now() - timedelta(days=jobs.KEEP_DAYS + 1)))
        running = jobs.enqueue(engine, "r.jsonl", b"{}", [])
        assert jobs.claim_next(engine) is not None
        queued = jobs.enqueue(engine, "q.jsonl", b"{}", [])

        kept = _statuses(engine)
        # ended[5] is past the age; of the five others the three newest stay
        assert set(kept) == {ended[2], ended[3], ended[4], running, queued}
        assert kept[running] == jobs.RUNNING and kept[queued] == jobs.QUEUED
        assert jobs.read_job(engine, ended[0]) is None  # GET /api/jobs/{id} answers 404 for it
    finally:
        engine.dispose()
