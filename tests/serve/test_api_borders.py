"""GET /api/borders and /vendor/admin1/: region borders for the map, served by the app from the pinned
npm package, none below region zoom, boxes across the antimeridian included."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


def test_a_region_view_lists_the_countries_it_touches(client: httpx.Client) -> None:
    body = client.get("/api/borders", params={"view": "35.5,49.5,37.0,50.5", "zoom": 8}).json()
    codes = {c["code"] for c in body["countries"]}
    assert {"ukr", "rus"} <= codes and body["min_zoom"] == 6
    ukraine = next(c for c in body["countries"] if c["code"] == "ukr")
    assert ukraine["url"] == "/vendor/admin1/ukr.topo.json"
    west, south, east, north = ukraine["bbox"]
    assert 22 < west < 23 and 40 < east < 41 and 44 < south < 45 and 52 < north < 53


def test_no_borders_are_listed_below_region_zoom(client: httpx.Client) -> None:
    assert client.get("/api/borders", params={"view": "22,44,40,53", "zoom": 5}).json()["countries"] == []


def test_a_box_across_the_antimeridian_finds_fiji_and_russia_is_not_the_whole_globe(client: httpx.Client) -> None:
    fiji = client.get("/api/borders", params={"view": "176,-20,-178,-15", "zoom": 8}).json()["countries"]
    assert "fji" in {c["code"] for c in fiji}
    russia = next(c for c in client.get("/api/borders", params={"view": "30,50,40,60", "zoom": 6})
                  .json()["countries"] if c["code"] == "rus")
    west, _, east, _ = russia["bbox"]
    assert west > east and 19 < west < 20 and -170 < east < -168  # Chukotka runs past 180°
    atlantic = client.get("/api/borders", params={"view": "-40,30,-30,40", "zoom": 7}).json()["countries"]
    assert "rus" not in {c["code"] for c in atlantic}


def test_a_country_file_is_topojson_with_its_regions(client: httpx.Client) -> None:
    response = client.get("/vendor/admin1/ukr.topo.json")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    topology = response.json()
    assert topology["type"] == "Topology"
    regions = next(iter(topology["objects"].values()))["geometries"]
    assert len(regions) > 20 and "Kharkiv" in {r["properties"]["name"] for r in regions}


@pytest.mark.parametrize("name", ["ukr.json", "world.topo.json", "xxx.topo.json", "_nul.topo.json",
                                  "..%2Fukr.topo.json"])
def test_only_indexed_country_files_are_served(client: httpx.Client, name: str) -> None:
    assert client.get(f"/vendor/admin1/{name}").status_code == 404


@pytest.mark.parametrize("params", [{}, {"view": "1,2,3"}, {"view": "0,0,1,1", "zoom": 19},
                                    {"view": "0,60,1,50"}])
def test_bad_border_parameters_are_422(client: httpx.Client, params: dict[str, Any]) -> None:
    assert client.get("/api/borders", params=params).status_code == 422
