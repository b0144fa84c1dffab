"""Writes run off the request path: POST /api/articles answers 202 with a job at once, one write
worker runs the jobs one after another, and reads are answered while an ingest runs."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from harmledger.store.database import open_database
from tests.serve.conftest import AUTH, TOKEN, copy_db, finished_job, running_server

# Every test that writes goes to one pytest-xdist worker (make test: --dist loadgroup), which
# starts the writing server once a backend, and its first job loads the models once.
pytestmark = pytest.mark.xdist_group("writer")

# Written for this test: one report, varied so each line is its own article.
TOWNS = ["Kherson", "Mykolaiv", "Zaporizhzhia", "Kharkiv", "Sumy", "Dnipro", "Odesa", "Kramatorsk"]


def _dump(n: int, prefix: str) -> bytes:
    lines = [{"id": f"{prefix}{i:03d}", "outlet": "Test Wire", "published": f"2023-06-{1 + i % 28:02d}",
              "text": f"Shelling hit a school in {TOWNS[i % len(TOWNS)]} on Monday, killing {i + 2} people and "
                      f"wounding {i + 5}, the regional governor said in statement {prefix}{i}."}
             for i in range(n)]
    return "\n".join(json.dumps(line) for line in lines).encode()


def test_a_post_answers_202_with_its_job_and_the_job_ends_done(writer: httpx.Client) -> None:
    response = writer.post("/api/articles", headers=AUTH, files={"file": ("two.jsonl", _dump(2, "p"), "text/plain")})
    assert response.status_code == 202, response.text
    queued = response.json()
    assert queued["status"] in ("queued", "running") and queued["result"] is None
    assert [a["source_id"] for a in queued["articles"]] == ["p000", "p001"]
    assert response.headers["location"] == f"/api/jobs/{queued['id']}"
    job = finished_job(writer, response)
    assert job["status"] == "done" and job["finished_at"] >= job["started_at"] >= job["created_at"]
    assert job["result"]["articles_new"] == 2
    assert [a["id"] for a in job["result"]["articles"]] == [a["id"] for a in queued["articles"]]
    assert all(a["incidents"] for a in job["result"]["articles"])


# A 60-article ingest in the server, timed against reads: left out of `make test-fast`.
@pytest.mark.slow
def test_reads_are_answered_while_an_ingest_runs_and_writes_take_turns(writer: httpx.Client) -> None:
    big = writer.post("/api/articles", headers=AUTH, files={"file": ("big.jsonl", _dump(60, "b"), "text/plain")})
    small = writer.post("/api/articles", headers=AUTH, files={"file": ("small.jsonl", _dump(1, "s"), "text/plain")})
    assert big.status_code == 202 and small.status_code == 202  # the second did not wait for the first
    location = big.headers["location"]
    while (status := writer.get(location).json()["status"]) == "queued":
        pass
    assert status == "running", "the 60-article ingest ended before a read could be made during it"
    assert writer.get("/api/incidents").status_code == 200
    assert writer.get("/health").status_code == 200
    assert writer.get(location).json()["status"] == "running"  # the reads did not wait for the ingest
    first, second = finished_job(writer, big), finished_job(writer, small)
    assert first["status"] == second["status"] == "done"
    assert second["started_at"] >= first["finished_at"]  # one write worker: the jobs took turns
    assert first["result"]["articles_new"] == 60


# A 60-article ingest in the server, timed against a correction: left out of `make test-fast`.
@pytest.mark.slow
def test_a_correction_is_answered_while_an_ingest_runs(writer: httpx.Client) -> None:
    big = writer.post("/api/articles", headers=AUTH, files={"file": ("more.jsonl", _dump(60, "m"), "text/plain")})
    location = big.headers["location"]
    while (status := writer.get(location).json()["status"]) == "queued":
        pass
    assert status == "running", "the 60-article ingest ended before a correction could be made during it"
    response = writer.post("/api/incidents/Inosuchincident/merge", headers=AUTH, json={"others": ["Inosuchother"]})
    assert response.status_code == 404
    assert writer.get(location).json()["status"] == "running"  # the correction did not wait for the whole ingest
    assert finished_job(writer, big)["status"] == "done"


def test_an_unknown_job_is_a_404(writer: httpx.Client) -> None:
    response = writer.get("/api/jobs/Jnosuchjob")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


# A server of its own on a broken copy (models loaded in a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_a_job_the_database_refuses_ends_failed_with_its_code(demo_db: str, tmp_path: Path) -> None:
    db = copy_db(demo_db, tmp_path)
    engine = open_database(db)
    with engine.begin() as conn:  # the decisions table gone: resolving fails inside the job
        conn.execute(text("ALTER TABLE decisions RENAME TO decisions_gone"))
    engine.dispose()
    with running_server(db, token=TOKEN) as url, httpx.Client(base_url=url, timeout=60) as c:
        job = finished_job(c, c.post("/api/articles", headers=AUTH,
                                     files={"file": ("one.jsonl", _dump(1, "f"), "text/plain")}))
        assert job["status"] == "failed" and job["result"] is None
        assert job["error"]["error"] == "HL306" and "database error" in job["error"]["detail"]
        assert c.get("/health").status_code == 200  # the worker goes on


# Two server processes, each loading the models for its jobs: left out of `make test-fast`.
@pytest.mark.slow
def test_with_two_server_processes_one_drains_and_either_answers_for_every_job(demo_db: str, tmp_path: Path) -> None:
    with running_server(copy_db(demo_db, tmp_path), token=TOKEN, args=("--workers", "2")) as url:
        before = httpx.get(f"{url}/health").json()["articles"]
        posted = []
        for i in range(4):  # new connections: the two processes both take some
            with httpx.Client(base_url=url, timeout=60) as c:
                posted.append(c.post("/api/articles", headers=AUTH,
                                     files={"file": (f"w{i}.jsonl", _dump(2, f"w{i}-"), "text/plain")}))
        with httpx.Client(base_url=url, timeout=60) as c:
            jobs = [finished_job(c, response) for response in posted]
            assert [j["status"] for j in jobs] == ["done"] * 4
            assert sum(j["result"]["articles_new"] for j in jobs) == 8
            runs = sorted((j["started_at"], j["finished_at"]) for j in jobs)
            assert all(later[0] >= earlier[1] for earlier, later in zip(runs, runs[1:], strict=False))  # one at a time
            assert c.get("/health").json()["articles"] == before + 8
