"""How alike a mention and an incident are: one score per feature, and a veto where they cannot
be the same event.

Place and date decide most cases and can veto (two towns 100 km apart; two day-precise dates
three days apart). The other features weigh in when place or date leave the question open (an
undated article about "the strike on Odesa"): event type, target words, weapon, and the cosine
of sentence embeddings. Embeddings alone cannot tell two strikes on one city apart, so they are
never enough on their own: a mention without a place needs a matching date as well.
The points are the table of resolve/points.py (docs/reconciliation.md shows it, generated).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from harmledger.conventions import SAME_PLACE_KM
from harmledger.extract.gazetteer import distance_km
from harmledger.extract.lang.en.events import TARGET_STOP_WORDS, TARGET_SYNONYMS
from harmledger.models import DatePrecision, EventDate, EventType, Join, Mention, Place, PlacePrecision, Role
from harmledger.resolve.points import (
    BACKGROUND_SCORE,
    JOIN_SCORE,
    MIN_TEXT_WITHOUT_PLACE,
    NEIGHBOUR_MIN_DATE,
    TEXT_CENTRE,
    TEXT_MAX,
    TEXT_MIN,
    TEXT_SCALE,
    TWIN_TOWN_KM,
    points_of,
)
from harmledger.resolve.reach import DATE_RULE, NEIGHBOUR_KM, month_day_fits

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_PLACE, _DATE, _TYPE = points_of("place"), points_of("date"), points_of("event type")
_TARGET, _WEAPON = points_of("target"), points_of("weapon")
_DAY, _WEEK = DATE_RULE["day"].window, DATE_RULE["week"].window  # days apart that can still agree


def precision_rank(d: EventDate) -> int:
    return _PRECISION_RANK.get(d.precision, 4)


@dataclass
class Profile:
    """What the resolver knows of an incident: enough to score a mention against it."""

    id: str
    place: Place | None
    date: EventDate
    event_type: EventType = EventType.other
    targets: set[str] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    vector_sum: np.ndarray | None = None
    vectors: int = 0
    mentions: int = 0
    background_only: bool = False
    districts: set[str] = field(default_factory=set)  # district stems its mentions name

    # the centroid and the number of vectors it was computed from; the sum changes only with it
    _centroid: tuple[int, np.ndarray | None] = field(default=(-1, None), repr=False, compare=False)

    @property
    def centroid(self) -> np.ndarray | None:
        if self.vector_sum is None or not self.vectors:
            return None
        if self._centroid[0] != self.vectors:
            norm = float(np.linalg.norm(self.vector_sum))
            self._centroid = (self.vectors, self.vector_sum / norm if norm else None)
        return self._centroid[1]

    def add(self, m: Mention) -> None:
        """Take a mention in: its target and weapon words, its vector, a more precise date or place."""
        self.mentions += 1
        self.targets |= target_words(m.target)
        if m.district:
            self.districts.add(m.district)
        if m.weapon:
            self.weapons.add(m.weapon.lower())
        if m.vector is not None:
            self.vector_sum = m.vector.copy() if self.vector_sum is None else self.vector_sum + m.vector
            self.vectors += 1
        if precision_rank(m.date) < precision_rank(self.date):
            self.date = m.date
        if self.event_type == EventType.other:
            self.event_type = m.event_type
        if self.place is None or (m.place is not None and self.place.precision not in ("town", "site")
                                  and m.place.precision in ("town", "site")):
            self.place = m.place
        elif m.place is not None and m.place != self.place and is_seat(self.place) \
                and neighbours(m.place, self.place):
            self.place = m.place  # "Serhiivka, near Odesa": the site, not the city that reports it
        if m.role == Role.main:
            self.background_only = False


def profile_of(incident_id: str, mentions: list[Mention], background_only: bool = False) -> Profile:
    """A profile built from its mentions, main mentions first, most precise date first."""
    ordered = sorted(mentions, key=lambda m: (m.role != Role.main, precision_rank(m.date), m.id))
    first = ordered[0]
    p = Profile(incident_id, first.place, first.date, background_only=background_only)
    for m in ordered:
        p.add(m)
    return p


def score(m: Mention, p: Profile) -> Join | None:
    """The features of `m` against `p` and their sum, or None when they cannot be one event."""
    place = _place_score(m.place, p.place)
    if place is None:
        return None
    where, km = place
    date = _date_score(m.date, p.date)
    if date is None:
        return None
    if m.district and p.districts and m.district not in p.districts:
        return None  # another district of the town: another strike (Saltivka, then Sloboda)
    if where == "same_town" and _twin_towns(m.place, p.place, km) and date < _DATE["same_day"]:
        return None  # Makiivka and Donetsk, 15 km apart: one strike only on the very same day
    shared = target_words(m.target) & p.targets
    if where == "neighbour" and not (shared or is_seat(m.place) or is_seat(p.place)):  # type: ignore[arg-type]
        return None
    if where == "neighbour" and (date < NEIGHBOUR_MIN_DATE or m.date.value is None or p.date.value is None):
        return None  # a town nearby is only the same event on the same day, both dated
    text = _cosine(m.vector, p.centroid)
    if where == "unknown" and (text is None or text < MIN_TEXT_WITHOUT_PLACE or date < _DATE["day_apart"]
                               or m.date.precision != DatePrecision.day or p.date.precision != DatePrecision.day):
        return None  # with no place to agree on, the words and the very day must
    features: dict[str, float | str | None] = {
        "place": _PLACE[where] - ((km or 0.0) / SAME_PLACE_KM if where == "same_town" else 0.0),
        "date": date,
        "type": _type_score(m.event_type, p.event_type),
        "target": _target_score(target_words(m.target), p.targets, shared),
        "weapon": _WEAPON["same"] if m.weapon and m.weapon.lower() in p.weapons else 0.0,
        "text": 0.0 if text is None else _text_score(text),
    }
    total = round(sum(v for v in features.values() if isinstance(v, float)), 2)
    features.update(relation=where, district=m.district if m.district in p.districts else None,
                    km=None if km is None else round(km, 1),
                    cosine=None if text is None else round(text, 3), shared_target=" ".join(sorted(shared)))
    return Join(total, features)


def threshold(m: Mention) -> float:
    return JOIN_SCORE if m.role == Role.main else BACKGROUND_SCORE


def _place_score(a: Place | None, b: Place | None) -> tuple[str, float | None] | None:
    if a is None or b is None:
        return "unknown", None
    if a.precision == PlacePrecision.country or b.precision == PlacePrecision.country:
        same = a.country_code == b.country_code and a.precision == b.precision
        return ("country", None) if same else None
    if a.precision == PlacePrecision.region or b.precision == PlacePrecision.region:
        same = a.country_code == b.country_code and a.admin1 == b.admin1
        return ("region", None) if same else None
    km = distance_km(a.lat, a.lon, b.lat, b.lon)
    if km <= SAME_PLACE_KM:
        return "same_town", km
    return ("neighbour", km) if neighbours(a, b) else None


def _date_score(a: EventDate, b: EventDate) -> float | None:
    """Points for agreeing dates; None when they rule each other out."""
    if a.value and b.value:
        if a.precision == DatePrecision.day and b.precision == DatePrecision.day:
            days = abs((a.value - b.value).days)
            return _DATE["same_day"] if days == 0 else _DATE["day_apart"] if days <= _DAY else None
        if "month" in (a.precision, b.precision):
            return _DATE["same_month"] if (a.value.year, a.value.month) == (b.value.year, b.value.month) else None
        if "year" in (a.precision, b.precision):
            return _DATE["same_year"] if a.value.year == b.value.year else None
        days = abs((a.value - b.value).days)
        # A week-precise date is "reported by this day": the day itself is the likeliest.
        return _DATE["week_day"] if days <= _DAY else _DATE["week"] if days <= _WEEK else None
    known, partial = (b, a) if b.value else (a, b)
    if known.value and partial.month_day:
        return _DATE["month_day"] if _month_day_fits(known, partial.month_day) else None
    if known.value and partial.weekday is not None:
        return _weekday_score(known, partial.weekday)
    if a.month_day and b.month_day:
        return _DATE["month_day"] if a.month_day == b.month_day else None
    if a.weekday is not None and b.weekday is not None:
        return _DATE["weekdays"] if a.weekday == b.weekday else None
    return _DATE["unknown"]


def _weekday_score(known: EventDate, weekday: int) -> float | None:
    """A weekday on its own ("rescuers on Sunday") fits the day it names, or barely the day
    after (follow-ups are dated by the rescue) or the day before (a raid "on Friday night" is
    dated by the Saturday it ran into), or any day of a week-precise date."""
    assert known.value is not None
    after = (weekday - known.value.weekday()) % 7
    if known.precision == DatePrecision.day:
        return _DATE["weekday"] if after == 0 else _DATE["weekday_near"] if after in (1, 6) else None
    # "reported by this day": the weekday falls in the seven days up to it
    return _DATE["weekday_in_week"] if known.precision == DatePrecision.week else None


def _month_day_fits(known: EventDate, month_day: tuple[int, int]) -> bool:
    assert known.value is not None
    try:
        named = known.value.replace(month=month_day[0], day=month_day[1])
    except ValueError:
        return False
    # a week-precise date is the seven days up to it; the index files them alike (reach.DATE_RULES)
    return abs((named - known.value).days) <= month_day_fits(known.precision)


def _type_score(a: str, b: str) -> float:
    if "other" in (a, b):
        return _TYPE["unknown"]
    return _TYPE["same"] if a == b else _TYPE["different"]


def _target_score(mine: AbstractSet[str], theirs: AbstractSet[str], shared: AbstractSet[str]) -> float:
    if shared:
        return _TARGET["shared"] + len(shared) / len(mine | theirs)
    return _TARGET["none_shared"] if mine and theirs else 0.0


def _text_score(cosine: float) -> float:
    return round(float(np.clip(TEXT_SCALE * (cosine - TEXT_CENTRE), TEXT_MIN, TEXT_MAX)), 2)


def _cosine(a: np.ndarray | None, b: np.ndarray | None) -> float | None:
    if a is None or b is None:
        return None
    return float(np.dot(a, b))


def _twin_towns(a: Place | None, b: Place | None, km: float | None) -> bool:
    """Two towns of their own names closer than SAME_PLACE_KM but further apart than one town's
    streets (TWIN_TOWN_KM)."""
    return (a is not None and b is not None and km is not None and km > TWIN_TOWN_KM
            and a.precision == b.precision == PlacePrecision.town and a.geonameid != b.geonameid)


def neighbours(a: Place, b: Place) -> bool:
    """Two towns of one region within NEIGHBOUR_KM (a village and the city it is "near")."""
    return (a.precision in ("town", "site") and b.precision in ("town", "site")
            and a.country_code == b.country_code and a.admin1 == b.admin1
            and distance_km(a.lat, a.lon, b.lat, b.lon) <= NEIGHBOUR_KM)


def is_seat(p: Place) -> bool:
    """The city a region is named after (our admin1 names are their most populous place)."""
    return p.name == p.admin1


@lru_cache(maxsize=4096)
def target_words(target: str) -> frozenset[str]:
    """Content words of a target phrase, possessives and plurals folded, synonyms merged."""
    words = set()
    for w in target.lower().split():
        w = re.sub(r"['’]s$", "", w.strip(".,;:"))
        w = w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
        words.add(TARGET_SYNONYMS.get(w, w))
    # Six letters stand for the stem: "administration" ~ "administrative".
    return frozenset(w[:6] for w in words if w and w not in TARGET_STOP_WORDS)
