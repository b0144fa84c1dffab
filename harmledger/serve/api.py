"""The FastAPI application: REST API, web UI and the limits and error handling around them."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from harmledger.serve.cache import ReadCache
from harmledger.serve.edge import Edge, script_hashes
from harmledger.serve.hosts import AllowedHosts, allowed_hosts
from harmledger.serve.problems import ERROR_CODES, ApiError
from harmledger.serve.worker import WriteWorker
from harmledger.store.database import open_database

MAX_BODY_BYTES = 5 * 1024 * 1024  # one upload: a large JSONL dump, not a corpus
log = logging.getLogger("harmledger.serve")


def create_app(db: str | None = None, token: str | None = None, cors_origins: list[str] | None = None,
               max_body: int = MAX_BODY_BYTES, compare_file: str | None = None,
               hosts: list[str] | None = None) -> FastAPI:
    """The app on the database named by `db` (else $HARMLEDGER_DB, else ./harmledger.db).

    Writes need `token` (else $HARMLEDGER_TOKEN); with neither they are off. `compare_file`, an ACLED
    or UCDP GED export, is lined up against each incident on its page. It answers to the Host names
    `hosts` (default: localhost and 127.0.0.1; see serve/hosts.py).
    """
    from harmledger.serve import decision_routes, list_routes, routes, view_routes, web, writes
    from harmledger.serve.comparison import load_export

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.token is not None:  # writes on: drain the upload queue
            app.state.writer.start()
        yield
        app.state.writer.stop()

    app = FastAPI(title="harmledger", version="1", lifespan=lifespan,
                  description="Incidents reconciled from conflicting news reports, with every casualty "
                              "figure kept as a claim by someone. Exports use harmledger/incidents@1.",
                  docs_url=None, redoc_url=None)
    app.state.engine = open_database(db)
    app.state.token = token if token is not None else os.environ.get("HARMLEDGER_TOKEN") or None
    app.state.comparison = load_export(compare_file) if compare_file else None
    app.state.ingest_lock = threading.Lock()  # the corrections of this process, one at a time
    app.state.writer = WriteWorker(app.state.engine)
    app.include_router(routes.router)
    app.include_router(list_routes.router)
    app.include_router(view_routes.router)
    app.include_router(view_routes.files_router)
    app.include_router(routes.health_router)
    app.include_router(writes.router)
    app.include_router(decision_routes.router)
    web.mount(app)
    _handle_errors(app)
    app.add_middleware(ReadCache, engine=app.state.engine)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET", "HEAD", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(Crashes)
    app.add_middleware(AllowedHosts, hosts=hosts or allowed_hosts("127.0.0.1"))
    # Outermost, so every response (errors and CORS preflights included) carries its headers.
    app.add_middleware(Edge, docs_scripts=script_hashes(web.docs_html(app)))
    return app


def app_from_env() -> FastAPI:
    """The app as each `serve --workers N` process builds it: database from $HARMLEDGER_DB, CORS
    origins from $HARMLEDGER_CORS and Host names from $HARMLEDGER_HOSTS (comma-separated), token from
    $HARMLEDGER_TOKEN, comparison file from $HARMLEDGER_COMPARE."""
    origins = [o for o in os.environ.get("HARMLEDGER_CORS", "").split(",") if o]
    hosts = [h for h in os.environ.get("HARMLEDGER_HOSTS", "").split(",") if h]
    return create_app(os.environ.get("HARMLEDGER_DB"), cors_origins=origins,
                      compare_file=os.environ.get("HARMLEDGER_COMPARE") or None, hosts=hosts or None)


def _body(status: int, detail: str, code: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"error": code or ERROR_CODES.get(status, "error"), "detail": detail, **extra}


def _handle_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such page or API route; the API is described at /docs"
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            # Starlette names only the first route of the path; GET and POST /api/articles are two.
            headers = dict(headers or {}, Allow=", ".join(_methods_of(request)))
        return JSONResponse(_body(exc.status_code, detail, getattr(exc, "code", None)),
                            status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Only location and message: the raw errors can hold the input and non-JSON objects.
        fields = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(f['loc'])}: {f['msg']}" for f in fields) or "invalid request"
        return JSONResponse(_body(422, detail, fields=fields), status_code=422)



def _methods_of(request: Request) -> list[str]:
    """Every method some route of the app answers on this request's path."""
    path = request.url.path
    found = {m for r in request.app.routes if getattr(r, "path_regex", None) is not None
             and r.path_regex.match(path) for m in getattr(r, "methods", None) or ()}
    return sorted(found)


class Crashes:
    """An unhandled exception becomes a JSON 500, its traceback logged once, on a connection that
    stays open. (An `exception_handler(Exception)` is run by Starlette's outermost middleware, which
    then raises the exception again for the server: uvicorn logged it a second time and closed the
    keep-alive connection.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            # The traceback goes to the server log, never to the client.
            log.exception("error serving %s %s", scope["method"], scope["path"])
            if started:  # part of a response is out: nothing sound to add, the server ends it
                return
            response = JSONResponse(_body(500, "internal error; the server log has the details", "internal"),
                                    status_code=500)
            await response(scope, receive, send)


class BodyLimit:
    """Refuse request bodies over `max_bytes` (413), by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = JSONResponse(_body(413, f"request body over {self.max_bytes} bytes; send smaller files"),
                                    status_code=413)
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise ApiError(413, f"request body over {self.max_bytes} bytes; send smaller files")
            return message

        await self.app(scope, counted, send)
