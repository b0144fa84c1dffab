"""Field conventions that hold in every language: ACLED's vague-quantity values and precision
codes, qualifier codes, which groups count as a total, how near two places are one, and list orders.

The closed vocabularies of the nouns (event type, claim kind, precision, grade, …) are StrEnums in
`harmledger/models.py`, beside the nouns they type.

ACLED codes vague quantities as fixed numbers ("dozens" = 12, "tens" = 10, "hundreds" = 100,
"scores" = 40); UCDP keeps low / best / high. Both conventions are encoded here only, keyed by
concept. The words that name a concept in one language ("dozens", "a dozen" → dozens) live in that
language's pack (`harmledger/extract/lang/<code>/`, English: `lang/en/numbers.toml`), never here.
"""

from __future__ import annotations

from enum import StrEnum

from harmledger.models import ClaimKind, DatePrecision, EventType, PlacePrecision, Qualifier, SourceType

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
QUALIFIER_CODES = tuple(q.value for q in Qualifier)

# ACLED time_precision: 1 = the day, 2 = a day within a known week, 3 = a day within a known
# month (and coarser). The CSV export and the ACLED rows (interop/outbound.py) both read it.
ACLED_TIME_PRECISION = {DatePrecision.day: 1, DatePrecision.week: 2, DatePrecision.month: 3, DatePrecision.year: 3}
# ACLED geo_precision: 1 = the town itself, 2 = near or part of a town, 3 = only the region.
ACLED_GEO_PRECISION = {PlacePrecision.site: 1, PlacePrecision.town: 1, PlacePrecision.region: 3,
                       PlacePrecision.country: 3}

# Claim groups whose count is the incident's total ("at least 30 civilians were killed").
TOTAL_GROUPS = frozenset({"all", "civilians"})
# Groups that stand for a whole count when an article gives no total (reconcile/figures.py).
TOTAL_LIKE_GROUPS = TOTAL_GROUPS | {"soldiers", "police officers", "rescuers"}

# Two places this near are one place: a mention's towns in extraction, a join in resolution.
SAME_PLACE_KM = 30.0


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


class RegionGrouping(StrEnum):
    """What the table of totals has a row for: a country, or a country's admin-1 region."""

    region = "region"
    country = "country"


class RegionSort(StrEnum):
    """How the table of totals is ordered (store/summaries.py); '-' descending, ties by name."""

    name = "name"
    incidents = "incidents"
    incidents_desc = "-incidents"
    killed = "killed"
    killed_desc = "-killed"
    injured = "injured"
    injured_desc = "-injured"


class CasualtySplit(StrEnum):
    """What the casualties-over-time chart draws a series for."""

    type = "type"
    grade = "grade"


class Period(StrEnum):
    """The width of a bar of the casualties-over-time chart."""

    week = "week"
    month = "month"


SOURCE_TYPES = tuple(e.value for e in SourceType)
EVENT_TYPES = tuple(e.value for e in EventType)
CLAIM_KINDS = tuple(e.value for e in ClaimKind)
DATE_PRECISIONS = tuple(e.value for e in DatePrecision)
PLACE_PRECISIONS = tuple(e.value for e in PlacePrecision)
