"""GET /api/articles/{id}: the normalised text and spans whose offsets index it."""

from __future__ import annotations

import httpx


def test_article_spans_index_its_text(client: httpx.Client) -> None:
    busiest = client.get("/api/incidents", params={"sort": "-sources", "limit": 1}).json()["incidents"][0]
    incident = client.get(f"/api/incidents/{busiest['id']}").json()
    for claim in incident["claims"]:
        article = client.get(f"/api/articles/{claim['article_id']}").json()
        # The span may take in the whitespace after a sentence; the evidence is the sentence.
        assert article["text"][claim["start"]:claim["end"]].strip() == claim["evidence"].strip()
        assert any(c["start"] == claim["start"] and c["kind"] == claim["kind"] for c in article["claims"])
        for mention in article["mentions"]:
            assert article["text"][mention["start"]:mention["end"]].strip() == mention["evidence"].strip()
        assert busiest["id"] in {m["incident_id"] for m in article["mentions"]}


def test_overlong_article_ids_are_refused(client: httpx.Client) -> None:
    response = client.get("/api/articles/" + "a" * 65)
    assert response.status_code == 422 and response.json()["error"] == "invalid_request"
