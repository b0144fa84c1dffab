"""Districts inside a town: "in the Slobidsky district of Kharkiv", "in Saltivka district".

Two strikes on one city a night apart are told apart by where in the city they fell more than
by anything else an article says. A district is kept as a short stem, so the spellings outlets
use for one district meet: Saltivka, Saltivsky and Saltivskyi are all "salt"; Sloboda and
Slobidsky are "slob". A sentence that names several districts ("hits in Kholodnohirsk and
Saltivka districts") names no one district.
"""

from __future__ import annotations

from harmledger.extract.gazetteer import GazEntry, Gazetteer, distance_km, fold
from harmledger.extract.lang.en.places import DISTRICT, NOT_DISTRICT_NAMES

WITHIN_KM = 30.0  # a district of a town lies inside it
AROUND_KM = 100.0  # a rural district (raion) holding a town is about this wide
STEM = 4  # letters: enough to tell a city's districts apart, few enough to meet spellings


def district_stems(text: str, town: GazEntry | None, gazetteer: Gazetteer) -> set[str]:
    """Stems of the districts of `town` that `text` names. A district named after another town of
    the country is the one around it ("Serhiyivka is in the Odessa district"), and one named
    after the town itself ("the Bakhmut district") says nothing about where in it."""
    found = set()
    for match in DISTRICT.finditer(text):
        name = match.group(1) or match.group(2)
        if name.lower() in NOT_DISTRICT_NAMES or len(name) < STEM or (
                town is not None and stem(name) == stem(town.name)):
            continue
        same_name = gazetteer.towns(name) or gazetteer.towns_loosely(name)
        if town is not None and any(_elsewhere(e, town) for e in same_name):
            continue
        found.add(stem(name))
    return found


def _elsewhere(entry: GazEntry, town: GazEntry) -> bool:
    """A town of that name near `town` but outside it: the district around it is named after it."""
    return entry.country_code == town.country_code and \
        WITHIN_KM < distance_km(entry.lat, entry.lon, town.lat, town.lon) <= AROUND_KM


def stem(name: str) -> str:
    """The short form two spellings of one district share."""
    return fold(name).lower()[:STEM]
