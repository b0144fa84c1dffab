"""Candidate blocking: which incidents a mention is compared with.

Incidents are filed under a 1-degree grid cell (about 110 × 75 km in Ukraine) and, inside it,
under their day when they have a day-precise date. A mention with a place is compared with the
incidents of its cell and the eight around it (a region or a country looks further): day-precise
ones only inside its date window, the others (week, month or no date) all, plus incidents with
no place on a nearby day. A mention without a place meets only incidents within a day of its
date; one without a date meets the most recent day-precise incidents of its cells and those on
the day and month it names. Lookups are dictionary hits, so the cost of a mention depends on how
busy its cell is around its date, not on the size of the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from harmledger.models import Mention, Place
from harmledger.resolve.features import Profile

Cell = tuple[int, int]
REACH = {"town": 1, "site": 1, "region": 4, "country": 8}
DAY_WINDOW = {"day": 1, "week": 7, "month": 31}  # days either side a day-precise incident can be
# Days either side of a mention's day that a week-precise ("reported by this day") or
# month-precise incident (filed on the first of its month) can sit and still match it.
LOOSE_REACH = {"week": 7, "month": 31}
_FILED_REACH = {"day": 0, **LOOSE_REACH}  # a day-precise incident: the mention's own window
UNDATED_REACH = 100  # day-precise incidents an undated mention meets per cell, most recent first


def cell_of(place: Place) -> Cell:
    return int(place.lat // 1), int(place.lon // 1)


class _CellFile:
    """The profiles of one grid cell: dated ones by day (day, week and month precision apart),
    the undated ones together."""

    def __init__(self) -> None:
        # by precision, then day: a profile matches within the mention's window or its own reach
        self.by_day: dict[str, dict[int, dict[str, Profile]]] = {p: defaultdict(dict) for p in _FILED_REACH}
        self.vague: dict[str, Profile] = {}

    def near(self, day: int, window: int) -> Iterator[Profile]:
        for precision, reach in _FILED_REACH.items():
            filed = self.by_day[precision]
            span = max(window, reach)
            for d in range(day - span, day + span + 1) if filed else ():
                yield from filed.get(d, {}).values()

    def recent(self, limit: int) -> Iterator[Profile]:
        for filed in self.by_day.values():
            for d in sorted(filed, reverse=True)[:limit]:
                yield from filed[d].values()

    def on_month_day(self, month_day: tuple[int, int]) -> Iterator[Profile]:
        # month × 31 + day: a day either side, across a month's end too (30 June ~ 1 July)
        for d, found in self.by_day["day"].items():
            when = date.fromordinal(d)
            if abs((when.month * 31 + when.day) - (month_day[0] * 31 + month_day[1])) <= 2:
                yield from found.values()


class ProfileIndex:
    """Profiles by grid cell and day; profiles are re-filed when their place or date changes."""

    def __init__(self, profiles: Iterable[Profile] = ()) -> None:
        self.by_id: dict[str, Profile] = {}
        self._cells: dict[Cell, _CellFile] = defaultdict(_CellFile)
        self._days: dict[int, dict[str, Profile]] = defaultdict(dict)
        self._placeless: dict[str, Profile] = {}
        self._filed: dict[str, tuple[Cell | None, int | None, str | None]] = {}
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
        precision = p.date.precision if p.date.value and p.date.precision in _FILED_REACH else None
        day = p.date.value.toordinal() if precision and p.date.value else None
        if cell is None:
            self._placeless[p.id] = p
        elif day is None:
            self._cells[cell].vague[p.id] = p
        else:
            self._cells[cell].by_day[precision or ""][day][p.id] = p
        if day is not None and precision == "day":
            self._days[day][p.id] = p
        self._filed[p.id] = (cell, day, precision)

    def _unfile(self, pid: str) -> None:
        filed = self._filed.pop(pid, None)
        if filed is None:
            return
        cell, day, precision = filed
        if cell is None:
            self._placeless.pop(pid, None)
        elif day is None:
            self._cells[cell].vague.pop(pid, None)
        else:
            self._cells[cell].by_day[precision or ""][day].pop(pid, None)
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
        lat, lon = cell_of(m.place)
        reach = REACH.get(m.place.precision, 1)
        value = m.date.value
        window = DAY_WINDOW.get(m.date.precision)
        for dlat in range(-reach, reach + 1):
            for dlon in range(-reach, reach + 1):
                found = self._cells.get((lat + dlat, lon + dlon))
                if found is None:
                    continue
                yield from list(found.vague.values())
                if value is not None and window is not None:
                    yield from list(found.near(value.toordinal(), window))
                    continue
                yield from list(found.recent(UNDATED_REACH))
                if m.date.month_day:
                    yield from list(found.on_month_day(m.date.month_day))
        yield from (p for p in near_days if p.place is None)

    def _near_days(self, m: Mention) -> Iterator[Profile]:
        if m.date.value is None or m.date.precision != "day":
            return
        day = m.date.value.toordinal()
        for d in range(day - 1, day + 2):
            yield from list(self._days.get(d, {}).values())
