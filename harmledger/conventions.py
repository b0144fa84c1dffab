"""Field conventions that hold in every language: ACLED's vague-quantity values, qualifier codes, grades.

ACLED codes vague quantities as fixed numbers ("dozens" = 12, "tens" = 10, "hundreds" = 100,
"scores" = 40); UCDP keeps low / best / high. Both conventions are encoded here only, keyed by
concept. The words that name a concept in one language ("dozens", "a dozen" → dozens) live in that
language's pack (`harmledger/extract/lang/<code>/`, English: `lang/en/numbers.py`), never here.
"""

from __future__ import annotations

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

GRADES = ("single_source", "corroborated", "disputed")

# The closed vocabularies of the record. Filters (API and CLI alike) accept only these, so a
# mistyped value is an error rather than an empty result; the OpenAPI description lists them.
EVENT_TYPES = ("airstrike", "drone_strike", "missile_strike", "shelling", "bombing", "shooting", "other")
CLAIM_KINDS = ("killed", "injured", "blame", "denial", "missing", "evacuated", "hospitalised", "casualties")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
PLACE_PRECISIONS = ("site", "town", "region", "country")
