"""The web UI and the API docs page, with every asset served by the app itself (offline, no CDN)."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(__file__).with_name("web")
NODE_MODULES = WEB / "node_modules"
# Only the built files of each npm package are exposed, under /vendor/<name>.
VENDOR = {
    "leaflet": NODE_MODULES / "leaflet" / "dist",
    "leaflet.markercluster": NODE_MODULES / "leaflet.markercluster" / "dist",
    "uplot": NODE_MODULES / "uplot" / "dist",
    "topojson-client": NODE_MODULES / "topojson-client" / "dist",
    "world-atlas": NODE_MODULES / "world-atlas",
    "swagger-ui": NODE_MODULES / "swagger-ui-dist",
}
log = logging.getLogger("harmledger.serve")


def mount(app: FastAPI) -> None:
    """Add the UI pages, /static, /vendor/* and a /docs page that loads Swagger UI from /vendor."""
    missing = [name for name, folder in VENDOR.items() if not folder.is_dir()]
    if missing:
        log.warning("browser assets missing (%s): run 'make setup' (npm ci) for the web UI", ", ".join(missing))
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    for name, folder in VENDOR.items():
        app.mount(f"/vendor/{name}", StaticFiles(directory=folder, check_dir=False), name=f"vendor-{name}")

    @app.get("/", include_in_schema=False)
    def map_page() -> FileResponse:
        return FileResponse(WEB / "index.html")

    @app.get("/incidents/{incident_id}", include_in_schema=False)
    def incident_page(incident_id: str) -> FileResponse:
        return FileResponse(WEB / "incident.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(docs_html(app))


def docs_html(app: FastAPI) -> str:
    """The /docs page: Swagger UI from /vendor (its inline start-up script is allowed by hash,
    see edge.py)."""
    page = get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title="harmledger API",
                               swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
                               swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
                               swagger_favicon_url="/vendor/swagger-ui/favicon-32x32.png")
    return bytes(page.body).decode()
