"""Corrections over HTTP: split, merge and detach behind the Bearer token, each in the audit log
(GET /api/decisions) and honoured by a later rebuild, like the CLI's."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import run_cli
from tests.serve.conftest import copy_db, running_server

TOKEN = "decisions-token-not-a-secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def corrector(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, str]]:
    """A client of a server with a token, on its own copy of the demo database."""
    db = copy_db(demo_db, tmp_path_factory.mktemp("decisions"))
    with running_server(db, token=TOKEN) as url, httpx.Client(base_url=url, timeout=120) as c:
        yield c, db


def _multi_source(client: httpx.Client) -> dict:
    """The demo incident with the most articles."""
    listed = client.get("/api/incidents", params={"sort": "-sources", "limit": 1}).json()["incidents"][0]
    return client.get(f"/api/incidents/{listed['id']}").json()


def test_corrections_need_the_token(corrector: tuple[httpx.Client, str]) -> None:
    client, _ = corrector
    response = client.post("/api/incidents/Inothing/split", json={"articles": ["a"]})
    assert response.status_code == 401 and response.json()["error"] == "unauthorized"


def test_a_split_is_made_logged_and_kept_by_rebuild(corrector: tuple[httpx.Client, str]) -> None:
    client, db = corrector
    incident = _multi_source(client)
    article = incident["articles"][-1]["id"]
    response = client.post(f"/api/incidents/{incident['id']}/split", headers=AUTH,
                           json={"articles": [article], "reason": "another day", "author": "desk"})
    assert response.status_code == 200, response.text
    kept, new = response.json()["kept"], response.json()["new"]
    assert kept == incident["id"] and new != kept
    log = client.get("/api/decisions").json()
    assert log[-1]["action"] == "split" and log[-1]["author"] == "desk" and log[-1]["articles"] == [article]

    assert run_cli("rebuild", db=db).returncode == 0
    moved = client.get(f"/api/incidents/{new}").json()
    assert {a["id"] for a in moved["articles"]} == {article}


def test_unknown_ids_are_404_and_impossible_corrections_409(corrector: tuple[httpx.Client, str]) -> None:
    client, _ = corrector
    unknown = client.post("/api/incidents/Inothing/merge", headers=AUTH, json={"others": ["Inothing2"]})
    assert unknown.status_code == 404 and unknown.json()["detail"].startswith("HL301")
    assert client.post("/api/articles/nothing.txt/detach", headers=AUTH, json={}).status_code == 404
    incident = _multi_source(client)
    everything = [a["id"] for a in incident["articles"]]
    refused = client.post(f"/api/incidents/{incident['id']}/split", headers=AUTH, json={"articles": everything})
    assert refused.status_code == 409 and refused.json()["error"] == "conflict"
