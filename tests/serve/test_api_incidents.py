"""GET /api/incidents and /api/incidents/{id} on a real server: filters, paging, sorting, redirects."""

from __future__ import annotations

import httpx
import pytest

from tests.serve.conftest import OLD_ID


def _ids(client: httpx.Client, **params: str | int | float) -> list[str]:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == 200, response.text
    return [i["id"] for i in response.json()["incidents"]]


def test_the_list_holds_every_incident_with_its_figures_and_grade(client: httpx.Client) -> None:
    body = client.get("/api/incidents").json()
    assert body["total"] == len(body["incidents"]) >= 10
    first = body["incidents"][0]
    assert {"killed", "injured", "grade", "place", "sources", "contradictions"} <= first.keys()
    assert "claims" not in first and "mentions" not in first


@pytest.mark.parametrize("params, check", [
    ({"country": "tr"}, lambda i: i["place"]["country_code"] == "TR"),
    ({"grade": "disputed"}, lambda i: i["grade"] == "disputed"),
    ({"type": "missile_strike"}, lambda i: i["event_type"] == "missile_strike"),
    ({"min_killed": 10}, lambda i: (i["killed"]["best"] or 0) >= 10),
    ({"since": "2022-07-01", "until": "2022-08-31"}, lambda i: "2022-07-01" <= i["date"] <= "2022-08-31"),
    ({"bbox": "35,49,37,51"}, lambda i: 35 <= i["place"]["lon"] <= 37 and 49 <= i["place"]["lat"] <= 51),
    ({"admin1": "kharkiv"}, lambda i: i["place"]["admin1"] == "Kharkiv"),
    ({"include_background": "false"}, lambda i: not i["background_only"]),
])
def test_each_filter_keeps_exactly_the_matching_incidents(client: httpx.Client, params: dict, check) -> None:  # type: ignore[no-untyped-def]
    def matches(inc: dict) -> bool:
        try:
            return bool(check(inc))
        except TypeError:  # no place or no date: a place or date filter drops it
            return False

    everything = client.get("/api/incidents").json()["incidents"]
    body = client.get("/api/incidents", params=params).json()
    kept = [i["id"] for i in body["incidents"]]
    assert kept, f"{params} kept nothing: the demo should have a match"
    assert kept == [i["id"] for i in everything if matches(i)]
    assert body["filters"]  # the view states its filters


def test_text_query_finds_a_claimant_and_a_place(client: httpx.Client) -> None:
    assert _ids(client, q="KHARKIV") == _ids(client, q="kharkiv")
    governor = _ids(client, q="Yerlikaya")  # a claimant named only in the claims of the Istanbul bombing
    assert governor and set(governor) <= set(_ids(client, country="TR"))
    assert _ids(client, q="100%_nothing") == []  # LIKE wildcards are matched literally


def test_pages_follow_each_other_and_the_cap_is_enforced(client: httpx.Client) -> None:
    everything = _ids(client)
    pages = [_ids(client, limit=4, offset=o) for o in range(0, len(everything), 4)]
    assert [i for page in pages for i in page] == everything
    too_many = client.get("/api/incidents", params={"limit": 501})
    assert too_many.status_code == 422
    assert too_many.json()["error"] == "invalid_request" and "limit" in too_many.json()["detail"]


def test_sort_by_killed_descending(client: httpx.Client) -> None:
    rows = client.get("/api/incidents", params={"sort": "-killed"}).json()["incidents"]
    best = [i["killed"]["best"] for i in rows if i["killed"]["best"] is not None]
    assert best == sorted(best, reverse=True)


@pytest.mark.parametrize("params", [
    {"since": "yesterday"}, {"bbox": "1,2,3"}, {"bbox": "10,60,20,50"}, {"grade": "maybe"},
    {"sort": "colour"}, {"min_killed": -1}, {"country": "Ukraine"}, {"since": "2023-01-01", "until": "2022-01-01"},
])
def test_bad_parameters_get_a_422_that_names_them(client: httpx.Client, params: dict) -> None:
    response = client.get("/api/incidents", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request" and any(k in body["detail"] for k in params)
    assert "Traceback" not in response.text


def test_incident_page_has_claims_mentions_rules_and_articles(client: httpx.Client) -> None:
    busiest = client.get("/api/incidents", params={"sort": "-sources", "limit": 1}).json()["incidents"][0]
    body = client.get(f"/api/incidents/{busiest['id']}").json()
    assert body["claims"] and body["mentions"] and body["killed"]["rule"]
    cited = {a["id"] for a in body["articles"]}
    assert {c["article_id"] for c in body["claims"]} <= cited
    assert len(cited) == busiest["sources"]["articles"]


def test_a_merged_id_redirects_to_the_incident_that_took_it_in(client: httpx.Client) -> None:
    response = client.get(f"/api/incidents/{OLD_ID}")
    assert response.status_code == 307
    target = response.headers["location"]
    followed = client.get(target)
    assert followed.status_code == 200 and target.endswith(followed.json()["id"])


def test_unknown_ids_and_routes_are_json_404s(client: httpx.Client) -> None:
    for path in ("/api/incidents/Inothing", "/api/articles/0000", "/api/nothing"):
        response = client.get(path)
        assert response.status_code == 404 and response.headers["content-type"] == "application/json"
        assert response.json()["error"] == "not_found"


def test_health_counts_what_is_stored(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["incidents"] >= 10 and body["articles"] == 25
    assert body["writes_enabled"] is False


def test_cors_is_off_unless_configured(client: httpx.Client) -> None:
    response = client.get("/api/incidents", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
