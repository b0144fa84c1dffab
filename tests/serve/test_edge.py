"""Every response carries the security headers, HEAD is answered as GET without a body, and a NUL
in the path or query is a 400 on both backends (PostgreSQL would refuse it with a 500)."""

from __future__ import annotations

import httpx
import pytest

PATHS = ["/", "/health", "/api/incidents", "/api/incidents?limit=1&sort=-killed", "/docs", "/openapi.json",
         "/static/style.css", "/api/incidents/Inothing", "/no/such/route"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in \
        csp.split("script-src")[1].split(";")[0]


@pytest.mark.parametrize("path", ["/health", "/api/incidents", "/", "/static/style.css", "/api/export?format=csv"])
def test_head_answers_like_get_without_a_body(client: httpx.Client, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]


@pytest.mark.parametrize("query", ["q=%00", "admin1=Kyiv%00", "type=missile_strike%00", "country=U%00",
                                   "since=2022-01-01%00"])
def test_a_nul_in_a_parameter_is_a_400_not_a_500(client: httpx.Client, query: str) -> None:
    response = client.get(f"/api/incidents?{query}")
    assert response.status_code == 400, response.text
    assert "NUL" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/incidents/I%00", "/api/articles/a%00b", "/incidents/I%00"])
def test_a_nul_in_an_id_is_a_400(client: httpx.Client, path: str) -> None:
    assert client.get(path).status_code == 400


@pytest.mark.parametrize("path", ["/api/incidents", "/api/incidents?sort=-killed&limit=3"])
def test_an_unchanged_list_is_a_304_to_a_client_holding_its_etag(client: httpx.Client, path: str) -> None:
    first = client.get(path)
    tag = first.headers["etag"]
    again = client.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_an_incident_page_has_an_etag(client: httpx.Client) -> None:
    incident = client.get("/api/incidents?limit=1").json()["incidents"][0]["id"]
    page = client.get(f"/api/incidents/{incident}")
    assert client.get(f"/api/incidents/{incident}", headers={"If-None-Match": page.headers["etag"]}).status_code == 304
