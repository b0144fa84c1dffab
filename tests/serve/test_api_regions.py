"""GET /api/regions: incidents, killed and injured per country and admin-1 region, summing to the list."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


def _listed(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    return client.get("/api/incidents", params={"limit": 500, **params}).json()["incidents"]  # type: ignore[no-any-return]


def _where(inc: dict[str, Any]) -> tuple[str | None, str | None]:
    place = inc["place"] or {}
    return place.get("country_code"), place.get("admin1")


def test_each_region_row_sums_its_incidents(client: httpx.Client) -> None:
    body = client.get("/api/regions").json()
    listed = _listed(client)
    assert body["by"] == "region" and body["sort"] == "-killed"
    assert sum(r["incidents"] for r in body["rows"]) == body["totals"]["incidents"] == len(listed)
    for row in body["rows"]:
        mine = [i for i in listed if _where(i) == (row["country_code"], row["admin1"])]
        assert row["incidents"] == len(mine)
        for kind in ("killed", "injured"):
            assert row[kind]["best"] == sum(i[kind]["best"] or 0 for i in mine)
            assert row[kind]["low"] == sum(i[kind]["low"] or 0 for i in mine)
            assert row[kind]["incidents_with_figure"] == sum(i[kind]["best"] is not None for i in mine)
            assert row[kind]["low"] <= row[kind]["best"] <= row[kind]["high"]
    assert [r["killed"]["best"] for r in body["rows"]] == sorted((r["killed"]["best"] for r in body["rows"]),
                                                                 reverse=True)


def test_rows_per_country_and_the_list_filters(client: httpx.Client) -> None:
    countries = client.get("/api/regions", params={"by": "country", "sort": "name"}).json()
    codes = [r["country_code"] for r in countries["rows"]]
    assert "admin1" not in countries["rows"][0] or countries["rows"][0]["admin1"] is None
    assert codes[:2] == ["TR", "UA"] and len(codes) == len(set(codes))
    ukraine = client.get("/api/regions", params={"country": "UA", "sort": "-incidents"}).json()
    assert ukraine["filters"] == {"country": "UA"} and {r["country_code"] for r in ukraine["rows"]} == {"UA"}
    assert ukraine["totals"]["incidents"] == len(_listed(client, country="UA"))
    counts = [r["incidents"] for r in ukraine["rows"]]
    assert counts == sorted(counts, reverse=True)
    kharkiv = client.get("/api/regions", params={"admin1": "Kharkiv", "sort": "injured"}).json()["rows"]
    assert [(r["country_code"], r["admin1"]) for r in kharkiv] == [("UA", "Kharkiv")]


@pytest.mark.parametrize("params", [{"by": "town"}, {"sort": "date"}, {"sort": "-name"}, {"type": "foo"},
                                    {"country": "Ukraine"}])
def test_bad_region_parameters_are_422(client: httpx.Client, params: dict[str, Any]) -> None:
    response = client.get("/api/regions", params=params)
    assert response.status_code == 422 and next(iter(params)) in response.json()["detail"]


def test_the_limit_cuts_the_rows_not_the_totals(client: httpx.Client) -> None:
    whole = client.get("/api/regions").json()
    first = client.get("/api/regions", params={"limit": 2}).json()
    assert first["limit"] == 2 and first["total"] == whole["total"] == len(whole["rows"]) > 2
    assert first["rows"] == whole["rows"][:2] and first["totals"] == whole["totals"]
    for bad in (0, 5001):
        assert client.get("/api/regions", params={"limit": bad}).status_code == 422
