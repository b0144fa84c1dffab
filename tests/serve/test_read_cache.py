"""The read cache answers again from memory only while the data is unchanged: a write through the
API or by another process (the CLI) is seen by the next read, and a cached answer keeps its ETag."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import run_cli
from tests.serve.conftest import AUTH, TOKEN, copy_db, finished_job, running_server

# A server of its own, a whole-pipeline job in it and an ingest by the CLI beside it (models loaded
# in two fresh processes): left out of `make test-fast`.
pytestmark = pytest.mark.slow
# Written for this test.
API_RECORD = {"id": "c001", "outlet": "Test Wire", "published": "2023-08-02",
              "text": "A missile struck a hotel in Kramatorsk on Tuesday, killing four guests and injuring "
                      "eleven, the regional governor said."}
CLI_STORY = ("2023-09-14\n\nDrone strike in Sumy\n\nA drone struck a fire station in Sumy on Wednesday night, "
             "killing two firefighters and injuring six, the regional military administration said.\n")


def test_a_write_by_the_api_or_another_process_is_seen_by_the_next_read(
        demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("cache")
    db = copy_db(demo_db, folder)
    with running_server(db, token=TOKEN) as url, httpx.Client(base_url=url, timeout=60) as c:
        first = c.get("/api/articles", params={"limit": 500})
        assert c.get("/api/articles", params={"limit": 500}).content == first.content
        listed = c.get("/api/incidents")
        again = c.get("/api/incidents")
        assert again.content == listed.content and again.headers["etag"] == listed.headers["etag"]
        held = c.get("/api/incidents", headers={"If-None-Match": listed.headers["etag"]})
        assert held.status_code == 304 and not held.content and held.headers["etag"] == listed.headers["etag"]
        csv = c.get("/api/export", params={"format": "csv"}).text

        job = finished_job(c, c.post("/api/articles", json=API_RECORD, headers=AUTH))
        assert job["status"] == "done"
        after_api = c.get("/api/articles", params={"limit": 500}).json()
        assert after_api["total"] == first.json()["total"] + 1
        assert "c001" in {a["source_id"] for a in after_api["articles"]}
        assert c.get("/api/export", params={"format": "csv"}).text != csv

        (folder / "sumy.txt").write_text(CLI_STORY, encoding="utf-8")
        assert run_cli("ingest", str(folder / "sumy.txt"), db=db).returncode == 0
        after_cli = c.get("/api/articles", params={"limit": 500}).json()
        assert after_cli["total"] == after_api["total"] + 1
        assert "sumy.txt" in {a["source_id"] for a in after_cli["articles"]}
