"""GET /api/map and GET /api/timeline: the map page's aggregates agree with the incident list."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest


def _all(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    return client.get("/api/incidents", params={"limit": 500, **params}).json()["incidents"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("zoom", [0, 3, 8, 18])
def test_cells_count_every_located_incident_once(client: httpx.Client, zoom: int) -> None:
    body = client.get("/api/map", params={"zoom": zoom}).json()
    located = [i for i in _all(client) if i["place"]]
    assert body["zoom"] == zoom and body["truncated"] is False
    assert sum(c["count"] for c in body["cells"]) == body["incidents"] == len(located)
    assert sum(c["killed"] for c in body["cells"]) == sum(i["killed"]["best"] or 0 for i in located)
    singles = {c["incident"]["id"] for c in body["cells"] if c["count"] == 1}
    assert singles <= {i["id"] for i in located}
    assert all((c["incident"] is None) == (c["count"] > 1) for c in body["cells"])


def test_a_coarser_zoom_has_no_more_cells(client: httpx.Client) -> None:
    sizes = [len(client.get("/api/map", params={"zoom": z}).json()["cells"]) for z in (2, 6, 12)]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_cells_take_the_list_filters_and_the_view_box(client: httpx.Client) -> None:
    disputed = [i for i in _all(client, grade="disputed") if i["place"]]
    body = client.get("/api/map", params={"zoom": 10, "grade": "disputed"}).json()
    assert body["filters"] == {"grade": "disputed"} and body["incidents"] == len(disputed)
    kharkiv = client.get("/api/map", params={"zoom": 10, "view": "36,49.5,36.5,50.5"}).json()
    assert {(round(c["lat"], 2), round(c["lon"], 2)) for c in kharkiv["cells"]} == {(49.98, 36.25)}


@pytest.mark.parametrize("params", [{"zoom": 19}, {"zoom": -1}, {"view": "1,2"}, {"view": "10,60,20,50"},
                                    {"type": "foo"}])
def test_bad_map_parameters_are_422(client: httpx.Client, params: dict[str, Any]) -> None:
    response = client.get("/api/map", params=params)
    assert response.status_code == 422 and next(iter(params)) in response.json()["detail"]


def test_the_timeline_counts_dated_incidents_per_day(client: httpx.Client) -> None:
    body = client.get("/api/timeline", params={"country": "UA"}).json()
    listed = [i for i in _all(client, country="UA") if i["date"]]
    assert {d["date"]: d["incidents"] for d in body["days"]} == dict(Counter(i["date"] for i in listed))
    assert sum(d["killed"] for d in body["days"]) == sum(i["killed"]["best"] or 0 for i in listed)
    assert [d["date"] for d in body["days"]] == sorted(d["date"] for d in body["days"])
    assert client.get("/api/timeline", params={"grade": "nope"}).status_code == 422


def test_labels_name_the_biggest_towns_first_and_more_of_them_closer_in(client: httpx.Client) -> None:
    far = client.get("/api/labels", params={"view": "22,44,40,53", "zoom": 4}).json()["labels"]
    near = client.get("/api/labels", params={"view": "35.5,49.5,37.0,50.5", "zoom": 9}).json()["labels"]
    assert far and len(far) <= 50 and all(t["population"] >= 1_500_000 for t in far)
    assert [t["population"] for t in far] == sorted((t["population"] for t in far), reverse=True)
    assert "Kyiv" in {t["name"] for t in far} and "Kharkiv" in {t["name"] for t in near}
    assert all(35.5 <= t["lon"] <= 37.0 and 49.5 <= t["lat"] <= 50.5 for t in near)
    assert any(t["population"] < 100_000 for t in near)  # towns, not only cities, at region zoom


def test_a_label_box_may_cross_the_antimeridian(client: httpx.Client) -> None:
    answer = client.get("/api/labels", params={"view": "170,-20,-170,-15", "zoom": 8}).json()
    names = {t["name"] for t in answer["labels"]}
    assert "Suva" in names  # Fiji, at 178° E


@pytest.mark.parametrize("params", [{}, {"view": "1,2,3"}, {"view": "0,0,1,1", "zoom": 40}])
def test_bad_label_parameters_are_422(client: httpx.Client, params: dict[str, Any]) -> None:
    assert client.get("/api/labels", params=params).status_code == 422
