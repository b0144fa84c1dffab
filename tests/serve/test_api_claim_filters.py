"""The incident list filtered through claims and sources: claimant, actor (who denied), victim group,
outlet and language keep exactly the incidents whose claims or articles match."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


@pytest.fixture(scope="module")
def details(client: httpx.Client) -> list[dict[str, Any]]:
    listed = client.get("/api/incidents", params={"limit": 500}).json()["incidents"]
    return [client.get(f"/api/incidents/{i['id']}").json() for i in listed]


def _ids(client: httpx.Client, **params: str) -> list[str]:
    response = client.get("/api/incidents", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return [i["id"] for i in response.json()["incidents"]]


@pytest.mark.parametrize("params, check", [
    ({"claimant": "POLICE"}, lambda d: any("police" in c["claimant"].lower() for c in d["claims"])),
    ({"actor": "russia"}, lambda d: any(c["kind"] == "denial" and "russia" in c["claimant"].lower()
                                        for c in d["claims"])),
    ({"victim_group": "children"}, lambda d: any(c["kind"] in ("killed", "injured") and c["group"] == "children"
                                                 for c in d["claims"])),
    ({"outlet": "herald"}, lambda d: any("herald" in a["outlet"].lower() for a in d["articles"])),
    ({"language": "en"}, lambda d: any(a["language"] == "en" for a in d["articles"])),
])
def test_each_claim_or_source_filter_keeps_exactly_the_matching_incidents(
        client: httpx.Client, details: list[dict[str, Any]], params: dict[str, str], check: Any) -> None:
    expected = [d["id"] for d in details if check(d)]
    assert expected, f"the demo has incidents for {params}"
    assert _ids(client, **params) == expected
    body = client.get("/api/incidents", params=params).json()
    assert body["filters"] == {next(iter(params)): next(iter(params.values()))}


def test_the_export_and_the_map_take_the_same_filters(client: httpx.Client) -> None:
    ids = _ids(client, actor="russia")
    exported = client.get("/api/export", params={"format": "json", "actor": "russia"}).json()
    assert [i["id"] for i in exported["incidents"]] == ids
    cells = client.get("/api/map", params={"actor": "russia", "zoom": 12}).json()
    assert cells["incidents"] == len(ids)


@pytest.mark.parametrize("params", [{"language": "english!"}, {"claimant": ""}, {"victim_group": "x" * 41}])
def test_bad_values_are_422(client: httpx.Client, params: dict[str, str]) -> None:
    assert client.get("/api/incidents", params=params).status_code == 422
