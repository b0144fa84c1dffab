"""The Host header is checked: the serve host, localhost and 127.0.0.1 by default, more with
--allowed-host; any other is a JSON 400 saying how to allow it (DNS rebinding reaches no data)."""

from __future__ import annotations

import httpx
import pytest

from tests.serve.conftest import running_server


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_the_local_names_are_answered(client: httpx.Client, host: str) -> None:
    port = client.base_url.port
    assert client.get("/health", headers={"Host": f"{host}:{port}"}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80"])
def test_another_host_is_a_clear_400(client: httpx.Client, host: str) -> None:
    response = client.get("/api/incidents", headers={"Host": host})
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "host_not_allowed" and "--allowed-host" in body["detail"]
    assert response.headers["x-content-type-options"] == "nosniff"  # the edge's headers still apply


# A server of its own (a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_allowed_hosts_are_configurable(api_db: str) -> None:
    with running_server(api_db, args=("--allowed-host", "news.example.org", "--allowed-host", "*.example.net")) as url:
        assert httpx.get(f"{url}/health", headers={"Host": "news.example.org"}).status_code == 200
        assert httpx.get(f"{url}/health", headers={"Host": "api.example.net:8443"}).status_code == 200
        assert httpx.get(f"{url}/health", headers={"Host": "example.org"}).status_code == 400
        assert httpx.get(f"{url}/health").status_code == 200  # 127.0.0.1 stays allowed
