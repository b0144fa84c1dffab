"""Candidate blocking: which incidents a mention is compared with.

Incidents are filed under a 1-degree grid cell (about 110 × 75 km in Ukraine) and, inside it,
under their day by date precision; undated ones apart, by the day of the year when they name
one. A mention meets only the incidents no feature could veto (features.py): those its Reach
holds, dated ones inside its date window, undated ones whose day of the year fits, and the most
recent ones when it has no date; the places and windows are the tables of resolve/reach.py.
store/blocking.py reads the same sets from the database by the same tables, narrowed to the
news of the batch's time where a mention has no date (see news_span there). Lookups are
dictionary hits, so the cost of a mention depends on how many incidents lie near it in space and
time, not on the size of the database.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from harmledger.conventions import SAME_PLACE_KM
from harmledger.models import DatePrecision, Mention, Place
from harmledger.resolve.features import Profile
from harmledger.resolve.reach import (
    DAY_WINDOW,
    FILED_REACH,
    KM_PER_DEGREE,
    MONTH_DAY_REACH,
    NEIGHBOUR_KM,
    Reach,
    month_day_keys,
    reach_of,
)

Cell = tuple[int, int]
Box = tuple[float, float, float, float]
REACH = {"region": 4, "country": 8}  # cells around a region's or a country's (a town: by km)
UNDATED_REACH = 100  # dated incidents a mention with no date meets per cell, most recent first


def cell_of(place: Place) -> Cell:
    return int(place.lat // 1), int(place.lon // 1)


def reach_cells(place: Place) -> list[Cell]:
    """The cells whose incidents a mention at `place` can be the same event as: those a town
    within NEIGHBOUR_KM can lie in (a neighbouring town on the same day), a region's or a
    country's cell and those REACH cells around it."""
    if place.precision in ("town", "site"):
        return _cells_within(place, NEIGHBOUR_KM)
    lat, lon = cell_of(place)
    reach = REACH.get(place.precision, 1)
    return [(lat + a, lon + b) for a in range(-reach, reach + 1) for b in range(-reach, reach + 1)]


def close_cells(place: Place) -> set[Cell]:
    """The cells a town within SAME_PLACE_KM of `place` can lie in. Only such a town can be the
    same event without a date to agree on (a neighbour needs the same day), so undated
    incidents and undated mentions meet in these cells only."""
    if place.precision in ("town", "site"):
        return set(_cells_within(place, SAME_PLACE_KM))
    return set(reach_cells(place))


def _cells_within(place: Place, km: float) -> list[Cell]:
    lat_lo, lat_hi, lon_lo, lon_hi = box_around(place, km)
    return [(a, b) for a in range(math.floor(lat_lo), math.floor(lat_hi) + 1)
            for b in range(math.floor(lon_lo), math.floor(lon_hi) + 1)]


def box_around(place: Place, km: float) -> Box:
    """Latitudes and longitudes within `km` of `place`, as a box (south, north, west, east)."""
    dlat = km / KM_PER_DEGREE
    dlon = km / (KM_PER_DEGREE * max(math.cos(math.radians(place.lat)), 0.1))
    return place.lat - dlat, place.lat + dlat, place.lon - dlon, place.lon + dlon


def _holds(reach: Reach, found: Iterable[Profile]) -> list[Profile]:
    return [p for p in found if reach.holds(p)]


@lru_cache(maxsize=65536)
def year_day(day: int) -> int:
    """A date's place in any year, 0 … 371 (month × 31 + day), so "August 17" finds it."""
    when = date.fromordinal(day)
    return month_day_key((when.month, when.day))


def month_day_key(month_day: tuple[int, int]) -> int:
    return (month_day[0] - 1) * 31 + month_day[1] - 1


_YEAR_DAYS = 12 * 31


class _CellFile:
    """The profiles of one grid cell: dated ones by day (day, week and month precision apart),
    and by day of the year for reports that name no year; the undated ones together."""

    def __init__(self) -> None:
        # by precision, then day: a profile matches within the mention's window or its own reach
        self.by_day: dict[str, dict[int, dict[str, Profile]]] = {p: defaultdict(dict) for p in FILED_REACH}
        self.by_year_day: dict[str, dict[int, set[int]]] = {p: defaultdict(set) for p in FILED_REACH}
        self.vague: dict[str, Profile] = {}  # at a town or a site
        self.vague_wide: dict[str, Profile] = {}  # at a region or a country
        # at a town, with a day without a year ("August 17"), by month_day_key
        self.vague_on: dict[int, dict[str, Profile]] = defaultdict(dict)

    def vague_near(self, key: int | None, reach: int) -> Iterator[Profile]:
        """Undated profiles at a town: those without a day of the year, and those whose day is
        within `reach` of `key` (all of them when `key` is None)."""
        yield from self.vague.values()
        if key is None:
            for found in self.vague_on.values():
                yield from found.values()
            return
        for k in range(key - reach, key + reach + 1):
            yield from self.vague_on.get(k % _YEAR_DAYS, {}).values()

    def file(self, precision: str, day: int, p: Profile) -> None:
        self.by_day[precision][day][p.id] = p
        self.by_year_day[precision][year_day(day)].add(day)

    def unfile(self, precision: str, day: int, pid: str) -> None:
        filed = self.by_day[precision][day]
        filed.pop(pid, None)
        if not filed:
            del self.by_day[precision][day]
            self.by_year_day[precision][year_day(day)].discard(day)

    def near(self, day: int, window: int) -> Iterator[Profile]:
        for precision, reach in FILED_REACH.items():
            filed = self.by_day[precision]
            span = max(window, reach)
            for d in range(day - span, day + span + 1) if filed else ():
                yield from filed.get(d, {}).values()

    def recent(self, limit: int, reach: Reach) -> Iterator[Profile]:
        """The `limit` most recent dated profiles within `reach` (all of the last day)."""
        days = sorted(((d, precision) for precision, filed in self.by_day.items() for d in filed), reverse=True)
        given = 0
        for d, precision in days:
            for p in self.by_day[precision][d].values():
                if reach.holds(p):
                    yield p
                    given += 1
            if given >= limit:
                return

    def on_month_day(self, month_day: tuple[int, int]) -> Iterator[Profile]:
        """Profiles whose date fits a day named without a year, in any year; a day either side
        across a month's end too (30 June ~ 1 July)."""
        key = month_day_key(month_day)
        for precision, reach in MONTH_DAY_REACH.items():
            by_year_day, by_day = self.by_year_day[precision], self.by_day[precision]
            for k in range(key - reach, key + reach + 1):
                for d in by_year_day.get(k % _YEAR_DAYS, ()):
                    yield from by_day[d].values()


class ProfileIndex:
    """Profiles by grid cell and day; profiles are re-filed when their place or date changes."""

    def __init__(self, profiles: Iterable[Profile] = ()) -> None:
        self.by_id: dict[str, Profile] = {}
        self._cells: dict[Cell, _CellFile] = defaultdict(_CellFile)
        self._days: dict[int, dict[str, Profile]] = defaultdict(dict)
        self._placeless: dict[str, Profile] = {}
        # where each profile is filed: cell, day and precision, or the undated file it is in
        self._filed: dict[str, tuple[Cell | None, int | None, str | None, dict[str, Profile] | None]] = {}
        for p in profiles:
            self.add(p)

    def __len__(self) -> int:
        return len(self.by_id)

    def add(self, p: Profile) -> None:
        self.by_id[p.id] = p
        self.refile(p)

    def remove(self, p: Profile) -> None:
        self._unfile(p.id)
        self.by_id.pop(p.id, None)

    def refile(self, p: Profile) -> None:
        """File `p` again under its current place and date."""
        self._unfile(p.id)
        if p.id not in self.by_id:
            return
        cell = cell_of(p.place) if p.place is not None else None
        precision = p.date.precision if p.date.value and p.date.precision in FILED_REACH else None
        day = p.date.value.toordinal() if precision and p.date.value else None
        undated = self._vague(cell, p) if cell is not None and day is None else None
        if cell is None:
            self._placeless[p.id] = p
        elif undated is not None:
            undated[p.id] = p
        elif day is not None:
            self._cells[cell].file(precision or "", day, p)
        if day is not None and precision == "day":
            self._days[day][p.id] = p
        self._filed[p.id] = (cell, day, precision, undated)

    def _vague(self, cell: Cell, p: Profile) -> dict[str, Profile]:
        found = self._cells[cell]
        if p.place is None or p.place.precision not in ("town", "site"):
            return found.vague_wide
        return found.vague_on[month_day_key(p.date.month_day)] if p.date.month_day else found.vague

    def _unfile(self, pid: str) -> None:
        filed = self._filed.pop(pid, None)
        if filed is None:
            return
        cell, day, precision, undated = filed
        if cell is None:
            self._placeless.pop(pid, None)
        elif undated is not None:
            undated.pop(pid, None)
        elif day is not None:
            self._cells[cell].unfile(precision or "", day, pid)
        if day is not None and precision == "day":
            self._days[day].pop(pid, None)

    def candidates(self, m: Mention) -> Iterator[Profile]:
        """Profiles that could be the event of `m`, each once."""
        seen: set[str] = set()
        for p in self._nearby(m):
            if p.id not in seen:
                seen.add(p.id)
                yield p

    def _nearby(self, m: Mention) -> Iterator[Profile]:
        near_days = self._near_days(m)
        if m.place is None:
            yield from near_days
            return
        value = m.date.value
        window = DAY_WINDOW.get(m.date.precision)
        close = close_cells(m.place)
        dated, same = reach_of(m.place, dated=True), reach_of(m.place, dated=False)
        md = m.date.month_day
        for cell in reach_cells(m.place):
            found = self._cells.get(cell)
            if found is None:
                continue
            yield from _holds(same, found.vague_wide.values())
            if value is not None and window is not None:
                yield from _holds(dated, found.near(value.toordinal(), window))
            if cell not in close:
                continue
            if value is not None and window is not None:
                # a day without a year fits a dated report within a day, or its week or month
                keys = month_day_keys(m.date.precision)
                yield from _holds(same, found.vague_near(year_day(value.toordinal()), keys))
            elif md:
                yield from _holds(same, found.vague_near(month_day_key(md), 0))
                yield from _holds(same, found.on_month_day(md))
            else:
                yield from _holds(same, found.vague_near(None, 0))
                yield from found.recent(UNDATED_REACH, same)
        yield from (p for p in near_days if p.place is None)

    def _near_days(self, m: Mention) -> Iterator[Profile]:
        if m.date.value is None or m.date.precision != DatePrecision.day:
            return
        day = m.date.value.toordinal()
        for d in range(day - 1, day + 2):
            yield from list(self._days.get(d, {}).values())
