"""Field conventions that hold in every language: ACLED's vague-quantity values and precision
codes, qualifier codes, grades, which groups count as a total, and how near two places are one.

ACLED codes vague quantities as fixed numbers ("dozens" = 12, "tens" = 10, "hundreds" = 100,
"scores" = 40); UCDP keeps low / best / high. Both conventions are encoded here only, keyed by
concept. The words that name a concept in one language ("dozens", "a dozen" → dozens) live in that
language's pack (`harmledger/extract/lang/<code>/`, English: `lang/en/numbers.py`), never here.
"""

from __future__ import annotations

from enum import StrEnum

# ACLED's coding of vague quantities by concept (low figure, qualifier "about", open high).
VAGUE_QUANTITIES: dict[str, int] = {
    "dozens": 12,
    "tens": 10,
    "hundreds": 100,
    "scores": 40,
    "thousands": 1000,
    "several": 3,
}

# The qualifier a figure carries; a pack maps its phrases ("at least", "up to") to these codes.
QUALIFIER_CODES = ("exact", "at_least", "more_than", "about", "up_to")

# ACLED time_precision: 1 = the day, 2 = a day within a known week, 3 = a day within a known
# month (and coarser). The CSV export and the ACLED rows (interop/outbound.py) both read it.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED geo_precision: 1 = the town itself, 2 = near or part of a town, 3 = only the region.
ACLED_GEO_PRECISION = {"site": 1, "town": 1, "region": 3, "country": 3}

# Claim groups whose count is the incident's total ("at least 30 civilians were killed").
TOTAL_GROUPS = frozenset({"all", "civilians"})
# Groups that stand for a whole count when an article gives no total (reconcile/figures.py).
TOTAL_LIKE_GROUPS = TOTAL_GROUPS | {"soldiers", "police officers", "rescuers"}

# Two places this near are one place: a mention's towns in extraction, a join in resolution.
SAME_PLACE_KM = 30.0


# The closed vocabularies of the record. Filters (API and CLI alike) accept only these, so a
# mistyped value is an error rather than an empty result; the OpenAPI description lists them.
class EventType(StrEnum):
    airstrike = "airstrike"
    drone_strike = "drone_strike"
    missile_strike = "missile_strike"
    shelling = "shelling"
    bombing = "bombing"
    shooting = "shooting"
    other = "other"


class ClaimKind(StrEnum):
    killed = "killed"
    injured = "injured"
    blame = "blame"
    denial = "denial"
    missing = "missing"
    evacuated = "evacuated"
    hospitalised = "hospitalised"
    casualties = "casualties"  # "killed or wounded", kept apart from both


class Qualifier(StrEnum):
    exact = "exact"
    at_least = "at_least"
    more_than = "more_than"
    about = "about"
    up_to = "up_to"


class Grade(StrEnum):
    single_source = "single_source"
    corroborated = "corroborated"
    disputed = "disputed"


class SourceType(StrEnum):
    """What kind of source a claimant is (reconcile/entities.py); ranks in reconcile/rules.py."""

    local_authority = "local_authority"  # mayor, governor, regional administration
    national_government = "national_government"  # president, ministers, the Kremlin
    armed_forces = "armed_forces"  # armed forces or defence ministry of a party to the conflict
    health = "health"  # health ministry, hospital, medics
    emergency_service = "emergency_service"  # rescuers, civil defence, fire service
    police = "police"  # police, prosecutors
    international = "international"  # UN, ICRC, EU and other international bodies
    ngo = "ngo"  # NGOs and monitors (Syrian Observatory, HRW)
    armed_group = "armed_group"  # an armed group, a claim of responsibility
    witness = "witness"  # witnesses, residents, survivors
    media = "media"  # the reporter, an outlet, a news agency
    unknown = "unknown"  # "officials", "reports": the text does not say


class Side(StrEnum):
    """Whom a claimant speaks for, from the blame and denial structure of its incident."""

    accused = "accused"  # the side blamed for the attack, or denying it
    attacked = "attacked"  # the side that blames the other
    neither = "neither"  # an outside body, a witness, the press
    unknown = "unknown"  # the text does not show it


class FigureStatus(StrEnum):
    """How an incident's figures relate to each other (reconcile/history.py)."""

    consistent = "consistent"  # all sources give the same toll (within the tolerance)
    revised = "revised"  # the toll rose over time, or sources of one side differ without a drop
    contested = "contested"  # sides disagree, or independent sources differ at the same time


class DatePrecision(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    unknown = "unknown"


class PlacePrecision(StrEnum):
    site = "site"
    town = "town"
    region = "region"
    country = "country"


class IncidentSort(StrEnum):
    """How a list of incidents is ordered (the store's `queries.SORT_COLUMNS`); '-' descending."""

    date = "date"
    date_desc = "-date"
    killed = "killed"
    killed_desc = "-killed"
    injured = "injured"
    injured_desc = "-injured"
    sources = "sources"
    sources_desc = "-sources"


SOURCE_TYPES = tuple(e.value for e in SourceType)
EVENT_TYPES = tuple(e.value for e in EventType)
CLAIM_KINDS = tuple(e.value for e in ClaimKind)
DATE_PRECISIONS = tuple(e.value for e in DatePrecision)
PLACE_PRECISIONS = tuple(e.value for e in PlacePrecision)
