"""The read cache: answers to GET /api/… kept per URL and data version (store/version.py), so a
page, an incident or an export asked for again before the data changes costs one small query,
not its queries, the building of its objects and their JSON. Every write of what the API reads
raises the version in its own transaction, in whatever process, so a cached answer is never one
the database would not give now. (An export's `generated_at` is then when this version of the
data was first exported.)"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from anyio import to_thread
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from harmledger.store.version import current

MAX_ENTRIES = 512
MAX_BYTES = 64 * 1024 * 1024  # all kept answers together, per process
MAX_ONE = 8 * 1024 * 1024  # a larger answer (an export of a big database) is built each time
NOT_CACHED = ("/api/jobs",)  # a job's status changes without the data version


@dataclass(frozen=True)
class Kept:
    version: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes | None


class ReadCache:
    """Plain ASGI middleware in front of the API's GET routes."""

    def __init__(self, app: ASGIApp, engine: Engine) -> None:
        self.app = app
        self.engine = engine
        self.kept: OrderedDict[bytes, Kept] = OrderedDict()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or not path.startswith("/api/") \
                or path.startswith(NOT_CACHED):
            await self.app(scope, receive, send)
            return
        version = await to_thread.run_sync(current, self.engine)
        if version is None:
            await self.app(scope, receive, send)
            return
        key = path.encode() + b"?" + scope.get("query_string", b"")
        kept = self.kept.get(key)
        if kept is not None and kept.version == version:
            self.kept.move_to_end(key)
            await _replay(kept, scope, send)
            return
        await self._build(key, version, scope, receive, send)

    async def _build(self, key: bytes, version: int, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the route, passing its answer on, and keep it when it is a whole 200."""
        start: Message | None = None
        chunks: list[bytes] = []
        keep = True

        async def capture(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                keep = sum(map(len, chunks)) <= MAX_ONE
            await send(message)

        await self.app(scope, receive, capture)
        if start is None or not keep:
            return
        headers = [(k, v) for k, v in start.get("headers", [])]
        etag = next((v for k, v in headers if k.lower() == b"etag"), None)
        self._keep(key, Kept(version, headers, b"".join(chunks), etag))

    def _keep(self, key: bytes, kept: Kept) -> None:
        old = self.kept.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.kept[key] = kept
        self.size += len(kept.body)
        while self.kept and (len(self.kept) > MAX_ENTRIES or self.size > MAX_BYTES):
            _, dropped = self.kept.popitem(last=False)
            self.size -= len(dropped.body)


async def _replay(kept: Kept, scope: Scope, send: Send) -> None:
    """Send a kept answer again, or a 304 when the client holds it (If-None-Match)."""
    asked = dict(scope["headers"]).get(b"if-none-match", b"")
    if kept.etag is not None and kept.etag in (t.strip().removeprefix(b"W/") for t in asked.split(b",")):
        headers = [(k, v) for k, v in kept.headers if k.lower() in (b"etag", b"cache-control")]
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
    await send({"type": "http.response.body", "body": kept.body})
