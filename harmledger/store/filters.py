"""The view a query selects: the filters every listing, map and export is made with."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Narrowing:
    """Filters each field of which narrows a selection; a field at its default narrows nothing."""

    def as_dict(self) -> dict[str, Any]:
        """The fields that narrow the view, JSON-ready (days as ISO dates, a box as a list)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v != f.default:
                out[f.name] = v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v
        return out


@dataclass(frozen=True)
class Published(Narrowing):
    """Where a report appeared, for the incident, claim and article views alike: a part of the
    outlet's name, the article's language. (A dataclass lists a base's fields first.)"""

    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class SaidBy(Published):
    """Who said it, for the incident and claim views: a part of the claimant's name."""

    claimant: str | None = None


@dataclass(frozen=True)
class Filters(SaidBy):
    """The view being exported: every export states the filters it was made with."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    event_type: str | None = None
    grade: str | None = None
    min_killed: int | None = None
    q: str | None = None
    include_background: bool = True
    date_precision: str | None = None  # day, week, month, year or unknown
    place_precision: str | None = None  # site, town, region or country
    # Through the incident's claims (and, by SaidBy, its claimants, outlets and languages): the
    # accused side (who issued a denial), a victim group named in a killed or injured figure.
    actor: str | None = None
    victim_group: str | None = None


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD filter value (None stays None); ValueError names the bad value."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a day (YYYY-MM-DD)") from None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """`min_lon,min_lat,max_lon,max_lat` as four floats, checked to lie on the globe."""
    parts = text.split(",")
    try:
        box = tuple(float(p) for p in parts)
    except ValueError:
        box = ()
    if len(box) != 4 or any(v != v for v in box):  # v != v: NaN
        raise ValueError(f"{text!r} is not min_lon,min_lat,max_lon,max_lat (four numbers)")
    min_lon, min_lat, max_lon, max_lat = box
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ValueError(f"{text!r}: longitudes must be within ±180, latitudes within ±90 and min ≤ max")
    return min_lon, min_lat, max_lon, max_lat
