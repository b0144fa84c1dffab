"""Candidate blocking: which incidents a mention is compared with.

Incidents are filed under a 1-degree grid cell (about 110 × 75 km in Ukraine) and under their
day. A mention with a place is compared with the incidents of its cell and the eight around it
(a region or a country looks further), plus incidents with no place on a nearby day; a mention
without a place only with incidents on a nearby day. Lookups are dictionary hits, so the cost of
a mention depends on how busy its cell is, not on the size of the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from harmledger.models import Mention, Place
from harmledger.resolve.features import Profile

Cell = tuple[int, int]
_REACH = {"town": 1, "site": 1, "region": 4, "country": 8}
_DAY_WINDOW = 1


def cell_of(place: Place) -> Cell:
    return int(place.lat // 1), int(place.lon // 1)


class ProfileIndex:
    """Profiles by grid cell and by day; profiles are re-filed when their place or date changes."""

    def __init__(self, profiles: Iterable[Profile] = ()) -> None:
        self.by_id: dict[str, Profile] = {}
        self._cells: dict[Cell, dict[str, Profile]] = defaultdict(dict)
        self._days: dict[int, dict[str, Profile]] = defaultdict(dict)
        self._placeless: dict[str, Profile] = {}
        self._filed: dict[str, tuple[Cell | None, int | None]] = {}
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
        day = p.date.value.toordinal() if p.date.value and p.date.precision == "day" else None
        if cell is None:
            self._placeless[p.id] = p
        else:
            self._cells[cell][p.id] = p
        if day is not None:
            self._days[day][p.id] = p
        self._filed[p.id] = (cell, day)

    def _unfile(self, pid: str) -> None:
        filed = self._filed.pop(pid, None)
        if filed is None:
            return
        cell, day = filed
        if cell is None:
            self._placeless.pop(pid, None)
        else:
            self._cells[cell].pop(pid, None)
        if day is not None:
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
        reach = _REACH.get(m.place.precision, 1)
        for dlat in range(-reach, reach + 1):
            for dlon in range(-reach, reach + 1):
                yield from self._cells.get((lat + dlat, lon + dlon), {}).values()
        yield from (p for p in near_days if p.place is None)

    def _near_days(self, m: Mention) -> Iterator[Profile]:
        if m.date.value is None or m.date.precision != "day":
            return
        day = m.date.value.toordinal()
        for d in range(day - _DAY_WINDOW, day + _DAY_WINDOW + 1):
            yield from list(self._days.get(d, {}).values())
