"""Unknown values of the closed vocabularies are 422 everywhere, and /openapi.json lists them."""

from __future__ import annotations

import httpx
import pytest

from harmledger.conventions import CLAIM_KINDS, DATE_PRECISIONS, EVENT_TYPES, PLACE_PRECISIONS, QUALIFIER_CODES
from harmledger.models import Grade


@pytest.mark.parametrize("path", ["/api/incidents", "/api/export"])
@pytest.mark.parametrize("params", [{"type": "foo"}, {"grade": "foo"}, {"date_precision": "decade"},
                                    {"place_precision": "street"}])
def test_an_unknown_enum_value_is_rejected(client: httpx.Client, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422 and next(iter(params)) in response.json()["detail"]


@pytest.mark.parametrize("params, check", [
    ({"date_precision": "month"}, lambda i: i["date_precision"] == "month" and i["date"]),
    ({"date_precision": "unknown"}, lambda i: i["date"] is None),
    ({"place_precision": "town"}, lambda i: i["place"] and i["place"]["precision"] == "town"),
])
def test_precision_filters_keep_exactly_the_matching_incidents(client: httpx.Client, params: dict[str, str],
                                                               check) -> None:  # type: ignore[no-untyped-def]
    every = client.get("/api/incidents", params={"limit": 500}).json()["incidents"]
    kept = client.get("/api/incidents", params={"limit": 500, **params}).json()["incidents"]
    assert kept and [i["id"] for i in kept] == [i["id"] for i in every if check(i)]


def _enum(schema: dict, ref_or_param: dict) -> set[str]:  # type: ignore[type-arg]
    """The enum of a parameter or property, through $ref and anyOf [X, null]."""
    node = ref_or_param.get("schema", ref_or_param)
    for option in node.get("anyOf", [node]):
        if "$ref" in option:
            option = schema["components"]["schemas"][option["$ref"].rsplit("/", 1)[1]]
        if "enum" in option:
            return set(option["enum"])
    return set()


def test_openapi_lists_every_vocabulary(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    params = {p["name"]: p for p in schema["paths"]["/api/incidents"]["get"]["parameters"]}
    assert _enum(schema, params["type"]) == set(EVENT_TYPES) and _enum(schema, params["grade"]) == set(Grade)
    assert _enum(schema, params["date_precision"]) == set(DATE_PRECISIONS)
    assert _enum(schema, params["place_precision"]) == set(PLACE_PRECISIONS)
    claim_params = {p["name"]: p for p in schema["paths"]["/api/claims"]["get"]["parameters"]}
    assert _enum(schema, claim_params["kind"]) == set(CLAIM_KINDS)
    assert _enum(schema, claim_params["qualifier"]) == set(QUALIFIER_CODES)
    claim = schema["components"]["schemas"]["ClaimOut"]["properties"]
    assert _enum(schema, claim["kind"]) == set(CLAIM_KINDS)
    assert _enum(schema, claim["qualifier"]) == set(QUALIFIER_CODES)
