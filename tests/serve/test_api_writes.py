"""POST /api/articles: off without a token, Bearer-guarded with one, queues a job that runs the whole
pipeline (GET /api/jobs/{id} has its result)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.serve.conftest import AUTH, TOKEN, finished_job

# Every test that writes goes to one pytest-xdist worker (make test: --dist loadgroup), which
# starts the writing server once a backend, and its first job loads the models once.
pytestmark = pytest.mark.xdist_group("writer")

# Written for this test.
RECORD = {"id": "w001", "outlet": "Test Wire", "published": "2023-05-10", "title": "Warehouse hit",
          "text": "A Russian drone struck a grain warehouse in Mykolaiv on Tuesday, killing two workers "
                  "and injuring five, the regional governor said."}
UPLOAD = ("2023-05-12\n\nShelling in Kherson\n\nShelling hit a bus stop in Kherson on Thursday morning, "
          "killing three people and wounding seven, the city military administration said.\n")


def test_writes_are_off_without_a_server_token(client: httpx.Client) -> None:
    response = client.post("/api/articles", json=RECORD, headers=AUTH)
    assert response.status_code == 403
    assert response.json()["error"] == "writes_disabled" and "HARMLEDGER_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_a_missing_or_wrong_token_is_a_401(writer: httpx.Client, headers: dict) -> None:
    response = writer.post("/api/articles", json=RECORD, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert response.json()["error"] == "unauthorized"


def test_a_json_record_is_ingested_once_and_joins_an_incident(writer: httpx.Client) -> None:
    before = writer.get("/health").json()
    job = finished_job(writer, writer.post("/api/articles", json=RECORD, headers=AUTH))
    assert job["status"] == "done" and job["error"] is None, job
    body = job["result"]
    assert body["articles_new"] == 1 and body["errors"] == []
    (article,) = body["articles"]
    assert article["source_id"] == "w001" and article["incidents"]
    assert writer.get("/health").json()["articles"] == before["articles"] + 1
    incident = writer.get(f"/api/incidents/{article['incidents'][0]}").json()
    assert incident["place"]["name"].startswith("Mykola")  # the gazetteer spells it Mykolayiv
    assert any(c["kind"] == "killed" and c["low"] == 2 for c in incident["claims"])
    again = finished_job(writer, writer.post("/api/articles", json=RECORD, headers=AUTH))["result"]
    assert again["articles_new"] == 0 and again["articles"][0]["id"] == article["id"]


def test_an_uploaded_file_is_ingested_under_its_file_name(writer: httpx.Client) -> None:
    response = writer.post("/api/articles", headers=AUTH,
                           files={"file": ("kherson-bus-stop.txt", UPLOAD.encode(), "text/plain")})
    (article,) = finished_job(writer, response)["result"]["articles"]
    assert article["source_id"] == "kherson-bus-stop.txt"
    stored = writer.get(f"/api/articles/{article['id']}").json()
    assert stored["published"] == "2023-05-12" and stored["claims"]


@pytest.mark.parametrize("kwargs, status", [
    ({"json": {"title": "no text"}}, 422),
    ({"json": {"text": "   "}}, 422),
    ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422),
    ({"content": b"text=hello", "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, 415),
    ({"files": {"file": ("tool.exe", b"MZ\x00\x01", "application/octet-stream")}}, 415),
    ({"files": {"other": ("a.txt", b"hello", "text/plain")}}, 422),
    ({"files": {"file": ("bad.txt", b"\xff\xfe\x00bad", "text/plain")}}, 422),
])
def test_bad_uploads_get_a_clear_json_error(writer: httpx.Client, kwargs: dict, status: int) -> None:
    kwargs = dict(kwargs)  # the parameter is shared by both backends' runs: do not change it
    headers = {**AUTH, **kwargs.pop("headers", {})}
    response = writer.post("/api/articles", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["detail"] and "Traceback" not in response.text


def test_bodies_over_the_limit_are_refused(writer: httpx.Client) -> None:
    big = {"text": "x" * (6 * 1024 * 1024)}
    response = writer.post("/api/articles", json=big, headers=AUTH)
    assert response.status_code == 413 and response.json()["error"] == "body_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while streaming too
        for _ in range(7):
            yield b"y" * (1024 * 1024)

    streamed = writer.post("/api/articles", content=chunks(),
                           headers={**AUTH, "Content-Type": "application/json"})
    assert streamed.status_code == 413
