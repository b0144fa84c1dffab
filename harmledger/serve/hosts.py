"""The Host header check: a page on another name that resolves to this server (DNS rebinding) or a
proxy passing any Host reaches no data. Names are exact (any case), `*.example.org` for its
subdomains, or `*` for any."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

LOCAL = ("127.0.0.1", "localhost", "::1")


def allowed_hosts(serve_host: str, extra: list[str] | None = None) -> list[str]:
    """The names a server started on `serve_host` answers to: it, the local names and `extra`."""
    names = [serve_host, *LOCAL, *(extra or [])]
    return list(dict.fromkeys(n.strip().lower() for n in names if n.strip()))


def host_name(header: str) -> str:
    """The name in a Host header, without its port or the brackets of an IPv6 address."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rpartition(":")[0] if header.count(":") == 1 else header


class AllowedHosts:
    """Plain ASGI middleware: a request whose Host is not in `hosts` is a JSON 400."""

    def __init__(self, app: ASGIApp, hosts: list[str]) -> None:
        self.app = app
        self.any = "*" in hosts
        self.exact = {h for h in hosts if not h.startswith("*")}
        self.suffixes = tuple(h[1:] for h in hosts if h.startswith("*."))

    def allows(self, name: str) -> bool:
        """Whether this server answers to `name` (a host without its port)."""
        return self.any or name in self.exact or bool(self.suffixes) and name.endswith(self.suffixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        name = host_name(header)
        if self.allows(name):
            await self.app(scope, receive, send)
            return
        shown = name[:100] or "(none)"
        body = json.dumps({"error": "host_not_allowed",
                           "detail": f"this server does not answer to the host name {shown!r}; start it with "
                                     f"--allowed-host {shown} (repeatable, '*.example.org' for subdomains) "
                                     f"to allow it"}).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else body})
