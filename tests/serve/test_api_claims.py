"""GET /api/claims and GET /api/articles on a real server: every filter, sort and the page links."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.serve.conftest import OLD_ID


def _claims(client: httpx.Client, **params: Any) -> dict[str, Any]:
    response = client.get("/api/claims", params=params)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_all_claims_hold_their_incident_article_and_span(client: httpx.Client) -> None:
    body = _claims(client, limit=500)
    assert body["total"] == len(body["claims"]) > 50 and body["next"] is None and body["prev"] is None
    claim = body["claims"][0]
    assert {"id", "incident_id", "article_id", "source_id", "outlet", "language", "kind", "claimant",
            "evidence", "start", "end"} <= claim.keys()
    assert len({c["id"] for c in body["claims"]}) == body["total"]  # ids are unique


@pytest.mark.parametrize("params, check", [
    ({"claimant": "MINISTRY"}, lambda c: "ministry" in c["claimant"].lower()),
    ({"kind": "denial"}, lambda c: c["kind"] == "denial"),
    ({"qualifier": "at_least"}, lambda c: c["qualifier"] == "at_least"),
    ({"group": "children"}, lambda c: c["group"] == "children"),
    ({"language": "en"}, lambda c: c["language"] == "en"),
    ({"outlet": "meridian"}, lambda c: "meridian" in c["outlet"].lower()),
])
def test_each_claim_filter_keeps_exactly_the_matching_claims(client: httpx.Client, params: dict[str, str],
                                                             check: Any) -> None:
    every = _claims(client, limit=500)["claims"]
    kept = _claims(client, limit=500, **params)
    assert kept["filters"] == params
    assert [c["id"] for c in kept["claims"]] == [c["id"] for c in every if check(c)]
    assert kept["claims"], f"the demo has claims for {params}"


def test_claims_of_one_incident_or_article(client: httpx.Client) -> None:
    busiest = client.get("/api/incidents", params={"sort": "-sources", "limit": 1}).json()["incidents"][0]
    of_incident = _claims(client, incident=busiest["id"], limit=500)["claims"]
    detail = client.get(f"/api/incidents/{busiest['id']}").json()
    assert len(of_incident) == len(detail["claims"]) and {c["incident_id"] for c in of_incident} == {busiest["id"]}
    assert len(_claims(client, incident=OLD_ID, limit=500)["claims"]) == len(of_incident)  # a merged id is followed
    article = of_incident[0]["article_id"]
    assert {c["article_id"] for c in _claims(client, article=article)["claims"]} == {article}


def test_claims_sort_by_figure_descending_with_empty_figures_last(client: httpx.Client) -> None:
    lows = [c["low"] for c in _claims(client, sort="-low", limit=500)["claims"]]
    figures = [v for v in lows if v is not None]
    assert figures == sorted(figures, reverse=True) and lows[:len(figures)] == figures
    names = [c["claimant"] for c in _claims(client, sort="claimant", limit=500)["claims"]]
    assert names == sorted(names)


def test_pages_link_to_each_other_and_cover_the_list_once(client: httpx.Client) -> None:
    first = _claims(client, kind="killed", limit=7)
    assert first["prev"] is None and "offset=7" in first["next"] and "kind=killed" in first["next"]
    seen, page = [], first
    while True:
        seen += [c["id"] for c in page["claims"]]
        if page["next"] is None:
            break
        page = client.get(page["next"]).json()
        assert page["prev"] is not None
    assert len(seen) == len(set(seen)) == first["total"]


def test_incident_pages_have_links_too(client: httpx.Client) -> None:
    body = client.get("/api/incidents", params={"limit": 5, "offset": 5, "sort": "-killed"}).json()
    assert body["prev"] == "/api/incidents?limit=5&offset=0&sort=-killed" or \
        ("offset=0" in body["prev"] and "sort=-killed" in body["prev"])
    assert (body["next"] is None) == (body["total"] <= 10)


@pytest.mark.parametrize("params", [{"kind": "kiled"}, {"qualifier": "roughly"}, {"sort": "size"},
                                    {"language": "english!"}, {"limit": 0}, {"claimant": ""}])
def test_bad_claim_parameters_are_422_naming_the_parameter(client: httpx.Client, params: dict[str, Any]) -> None:
    response = client.get("/api/claims", params=params)
    assert response.status_code == 422
    assert next(iter(params)) in response.json()["detail"]


def test_an_article_is_found_by_its_source_id(client: httpx.Client) -> None:
    body = client.get("/api/articles", params={"source_id": "harbour-gazette_2022-11-13.txt"}).json()
    (article,) = body["articles"]
    assert article["title"].startswith("Blast on Istanbul") and len(article["incidents"]) >= 1
    assert client.get(f"/api/articles/{article['id']}").json()["source_id"] == "harbour-gazette_2022-11-13.txt"
    assert client.get("/api/articles", params={"source_id": "nothing.txt"}).json()["total"] == 0


def test_articles_filter_by_language_and_sort_by_publication(client: httpx.Client) -> None:
    body = client.get("/api/articles", params={"language": "en", "sort": "-published", "limit": 500}).json()
    days = [a["published"] for a in body["articles"] if a["published"]]
    assert body["total"] >= 20 and days == sorted(days, reverse=True)
    assert client.get("/api/articles", params={"sort": "title"}).status_code == 422
