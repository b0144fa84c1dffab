"""Where and when a stored incident can be the event of a mention: the blocking rules, as data.

features.py vetoes a pair whose places or dates cannot agree; blocking reads only the incidents
no veto could rule out. The rules of that reading are declared here once, as two tables:
PLACE_RULES (which place of an incident a mention's place meets) and DATE_RULES (how many days
apart dates of each precision can lie). resolve/index.py files and finds profiles in memory by
them (Reach.holds), and store/blocking.py turns the same rows into its SQL (`_reach_clause`,
the date windows); tests/resolve/test_blocking.py checks the two agree and lose nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from harmledger.conventions import SAME_PLACE_KM
from harmledger.models import Place

if TYPE_CHECKING:
    from harmledger.resolve.features import Profile

NEIGHBOUR_KM = 80.0  # a town of the same region this near can be the scene, on the same day
KM_PER_DEGREE = 111.0  # of latitude
SLACK = 1.03  # flat-earth distances err by well under 3 % at these ranges
TOWNS = frozenset({"town", "site"})  # a site (a station, a market) is placed like its town
PHANTOM_KEYS = 31 - 28  # day-of-the-year keys after 28 February that no day holds


@dataclass(frozen=True)
class PlaceRule:
    """One way an incident's place can be the place of a mention (features._place_score)."""

    relation: str  # the name features.py scores it by
    mention: str  # the precision of the mention's place: town (or site), region or country
    incident: frozenset[str]  # the precisions of the incident's place
    area: str  # what both must share: "region" (country and admin1), "country", or "" (nothing)
    km: float | None = None  # at most this far apart (flat-earth, SLACK generous)
    dated: bool = False  # only when both dates are known and can agree (a neighbour: the same day)

    @property
    def r2(self) -> float:
        """The distance bound as a square in degrees of latitude (-1: none)."""
        return (SLACK * self.km / KM_PER_DEGREE) ** 2 if self.km is not None else -1.0


PLACE_RULES: tuple[PlaceRule, ...] = (
    PlaceRule("country", "country", frozenset({"country"}), "country"),
    PlaceRule("region", "region", TOWNS | {"region"}, "region"),
    # a region holds its towns wherever its centre lies; a country meets only a country
    PlaceRule("region", "town", frozenset({"region"}), "region"),
    PlaceRule("same_town", "town", TOWNS, "", SAME_PLACE_KM),
    PlaceRule("neighbour", "town", TOWNS, "region", NEIGHBOUR_KM, dated=True),
)


@dataclass(frozen=True)
class DateRule:
    """How far apart, in days, a mention's date and an incident's date of one precision can lie."""

    precision: str
    # days either side of a mention of this precision that a day-precise incident can lie
    # (features._date_score: a day ±1, a "reported by this day" week ±7, a month, a year)
    window: int
    # days before and after a mention's window that an incident of this precision can be dated:
    # a week-precise date is "reported by this day", a month-precise one the first of its month,
    # a year-precise one the year's first day
    before: int
    after: int
    # whether the in-memory index files incidents of this precision by their day; the others
    # (a year) it files with the undated ones
    by_day: bool
    # days a day named without a year ("August 17") may be off a date of this precision
    # (features._month_day_fits)
    month_day_fits: int

    @property
    def month_day_keys(self) -> int:
        """The same reach in the index's day-of-the-year keys, whose months all have 31 days: a
        short month's end leaves up to three keys no day holds (28 February is key 58, 1 March 62)."""
        return self.month_day_fits + PHANTOM_KEYS


DATE_RULES: tuple[DateRule, ...] = (
    DateRule("day", window=1, before=0, after=0, by_day=True, month_day_fits=1),
    DateRule("week", window=7, before=7, after=7, by_day=True, month_day_fits=7),
    DateRule("month", window=31, before=31, after=31, by_day=True, month_day_fits=31),
    DateRule("year", window=366, before=366, after=0, by_day=False, month_day_fits=31),
)
DATE_RULE = {rule.precision: rule for rule in DATE_RULES}
# Days either side a day-precise incident can be, by the precision of a mention's date.
DAY_WINDOW = {rule.precision: rule.window for rule in DATE_RULES}
# Days either side of a mention's day that an incident filed by its day can sit (its reach is
# symmetric in memory; a year-precise one is filed with the undated ones).
FILED_REACH = {rule.precision: rule.before for rule in DATE_RULES if rule.by_day}
# Days either side of a day without a year an incident of each precision can sit, in year-day keys.
MONTH_DAY_REACH = {rule.precision: rule.month_day_keys for rule in DATE_RULES if rule.by_day}


def month_day_fits(precision: str) -> int:
    """Days a day without a year may be off a known date of `precision` (a month's for any other)."""
    rule = DATE_RULE.get(precision)
    return rule.month_day_fits if rule is not None else DATE_RULE["month"].month_day_fits


def month_day_keys(precision: str) -> int:
    """month_day_fits in the index's day-of-the-year keys."""
    return month_day_fits(precision) + PHANTOM_KEYS


@dataclass(frozen=True)
class Reach:
    """Where an incident must lie to be the event of a mention: the PLACE_RULES of the
    mention's place precision, measured from its place. Distances are flat-earth squares in
    degrees of latitude, so the database can test them too (store/blocking.py)."""

    precision: str  # of the mention's place: town (or site), region or country
    lat: float
    lon: float
    lon_scale2: float  # cos² of the latitude: a degree of longitude in degrees of latitude, squared
    country: str
    admin1: str
    dated: bool  # whether the mention's date can agree with a neighbour's (rules with `dated`)

    def holds(self, p: Profile) -> bool:
        q = p.place
        if q is None:
            return True
        return any(self._meets(rule, q) for rule in _RULES_OF.get(self.precision, ()))

    def _meets(self, rule: PlaceRule, q: Place) -> bool:
        if q.precision not in rule.incident or (rule.dated and not self.dated):
            return False
        if rule.area and q.country_code != self.country:
            return False
        if rule.area == "region" and q.admin1 != self.admin1:
            return False
        if rule.km is None:
            return True
        d2 = (q.lat - self.lat) ** 2 + (q.lon - self.lon) ** 2 * self.lon_scale2
        return d2 <= rule.r2


_RULES_OF = {precision: tuple(rule for rule in PLACE_RULES if rule.mention == precision)
             for precision in {rule.mention for rule in PLACE_RULES}}


def reach_of(place: Place, dated: bool) -> Reach:
    """The Reach of a mention at `place`; `dated` when its date can agree with a neighbour's."""
    precision = "town" if place.precision in TOWNS else place.precision
    return Reach(precision, place.lat, place.lon, max(math.cos(math.radians(place.lat)), 0.1) ** 2,
                 place.country_code, place.admin1, dated)
