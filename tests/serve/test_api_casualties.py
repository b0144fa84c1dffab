"""GET /api/casualties: killed and injured per week or month, a series per type or grade, that add up
to the incident list of the same filters."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest


def _listed(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    return client.get("/api/incidents", params={"limit": 500, **params}).json()["incidents"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(("by", "field"), [("type", "event_type"), ("grade", "grade")])
def test_each_series_sums_its_incidents_best_figures(client: httpx.Client, by: str, field: str) -> None:
    body = client.get("/api/casualties", params={"by": by}).json()
    dated = [i for i in _listed(client) if i["date"]]
    assert body["by"] == by and body["filters"] == {}
    assert body["undated"] == len(_listed(client)) - len(dated)
    for series in body["series"]:
        mine = [i for i in dated if i[field] == series["key"]]
        assert sum(series["incidents"]) == len(mine)
        assert sum(series["killed"]) == sum(i["killed"]["best"] or 0 for i in mine)
        assert sum(series["injured"]) == sum(i["injured"]["best"] or 0 for i in mine)
        assert len(series["killed"]) == len(series["injured"]) == len(body["periods"])
    assert {s["key"] for s in body["series"]} == {i[field] for i in dated}


def test_a_long_span_is_counted_per_month_a_short_one_per_week(client: httpx.Client) -> None:
    whole = client.get("/api/casualties").json()  # the demo runs from 2016 to 2022
    assert whole["period"] == "month" and all(p.endswith("-01") for p in whole["periods"])
    summer = client.get("/api/casualties", params={"since": "2022-06-01", "until": "2022-09-30"}).json()
    assert summer["period"] == "week"
    assert all(date.fromisoformat(p).weekday() == 0 for p in summer["periods"])  # Mondays


def test_every_period_from_first_to_last_is_listed(client: httpx.Client) -> None:
    body = client.get("/api/casualties", params={"period": "week", "since": "2022-06-01"}).json()
    days = [date.fromisoformat(p) for p in body["periods"]]
    assert body["period"] == "week" and all((b - a).days == 7 for a, b in zip(days, days[1:], strict=False))
    months = client.get("/api/casualties", params={"period": "month", "since": "2022-06-01"}).json()["periods"]
    assert months == ["2022-06-01", "2022-07-01", "2022-08-01", "2022-09-01", "2022-10-01", "2022-11-01",
                      "2022-12-01"]


def test_the_casualties_take_the_list_filters(client: httpx.Client) -> None:
    body = client.get("/api/casualties", params={"country": "UA", "grade": "disputed"}).json()
    mine = [i for i in _listed(client, country="UA", grade="disputed") if i["date"]]
    assert body["filters"] == {"country": "UA", "grade": "disputed"}
    assert sum(sum(s["killed"]) for s in body["series"]) == sum(i["killed"]["best"] or 0 for i in mine)
    empty = client.get("/api/casualties", params={"q": "no such words anywhere"}).json()
    assert empty["series"] == [] and empty["periods"] == []


@pytest.mark.parametrize("params", [{"by": "outlet"}, {"period": "day"}, {"type": "foo"}, {"grade": "nope"}])
def test_bad_casualty_parameters_are_422(client: httpx.Client, params: dict[str, Any]) -> None:
    response = client.get("/api/casualties", params=params)
    assert response.status_code == 422 and next(iter(params)) in response.json()["detail"]
