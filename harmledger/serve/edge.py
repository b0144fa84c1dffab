"""What every response and request passes through at the edge of the app: security headers on
every response, HEAD answered as GET without a body, and NUL characters in the path or query
refused with a 400 (PostgreSQL refuses them in text, which would be a 500 further in)."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Everything the UI loads is served by the app itself (web.py): scripts and connections stay on
# this origin. Leaflet and Swagger UI set style attributes, so styles may be inline; nothing else.
CSP = ("default-src 'self'; script-src 'self'{extra}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def script_hashes(html: str) -> str:
    """CSP sources allowing exactly the inline scripts of `html` (Swagger UI's start-up script)."""
    return "".join(f" 'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                   for s in _INLINE_SCRIPT.findall(html))


class Edge:
    """ASGI middleware (plain ASGI, so it costs microseconds, not a task per request)."""

    def __init__(self, app: ASGIApp, docs_path: str = "/docs", docs_scripts: str = "") -> None:
        self.app = app
        self.docs_path = docs_path
        plain = CSP.format(extra="").encode()
        self.headers = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                        (b"referrer-policy", b"no-referrer")]
        self.csp = plain
        self.docs_csp = CSP.format(extra=docs_scripts).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"] or b"%00" in scope["query_string"].lower() or b"\x00" in scope["query_string"]:
            await _refuse_nul(scope, send, self._secure)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = dict(scope, method="GET")
        csp = self.docs_csp if scope["path"] == self.docs_path else self.csp

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = self._secure(list(message.get("headers", [])), csp)
            elif head and message["type"] == "http.response.body":
                # The headers (Content-Length included) as for GET, no body: RFC 9110 §9.3.2.
                message = {"type": "http.response.body", "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self.app(scope, receive, secured)

    def _secure(self, headers: list[tuple[bytes, bytes]], csp: bytes | None = None) -> list[tuple[bytes, bytes]]:
        present = {name.lower() for name, _ in headers}
        extra = [*self.headers, (b"content-security-policy", csp or self.csp)]
        return headers + [(name, value) for name, value in extra if name not in present]


async def _refuse_nul(scope: Scope, send: Send, secure: object) -> None:
    body = json.dumps({"error": "bad_request",
                       "detail": "NUL characters (%00) are not allowed in the path or query; remove them"}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 400,
                "headers": secure(headers)})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
