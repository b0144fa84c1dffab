"""The codebook tables: date spans, PRIO-GRID cells and country names as ACLED and UCDP code them."""

from __future__ import annotations

from datetime import date

from harmledger.conventions import DATE_PRECISIONS, EVENT_TYPES, PLACE_PRECISIONS
from harmledger.interop.codebooks import (
    ACLED_GEO_PRECISION,
    ACLED_TYPES,
    FAMILY,
    UCDP_DATE_PREC,
    UCDP_WHERE_PREC,
    country_code,
    country_name,
    country_number,
    date_span,
    priogrid_gid,
)


def test_every_event_type_and_precision_has_a_code_in_both_codebooks() -> None:
    assert set(ACLED_TYPES) == set(EVENT_TYPES) == set(FAMILY)
    assert set(ACLED_GEO_PRECISION) == set(UCDP_WHERE_PREC) == set(PLACE_PRECISIONS)
    assert set(UCDP_DATE_PREC) == set(DATE_PRECISIONS) - {"unknown"}


def test_a_date_stands_for_the_days_its_precision_allows() -> None:
    assert date_span(date(2022, 7, 14), "day") == (date(2022, 7, 14), date(2022, 7, 14))
    assert date_span(date(2022, 7, 11), "week") == (date(2022, 7, 11), date(2022, 7, 17))
    assert date_span(date(2024, 2, 1), "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_span(date(2022, 12, 1), "month") == (date(2022, 12, 1), date(2022, 12, 31))
    assert date_span(date(2016, 3, 1), "year") == (date(2016, 1, 1), date(2016, 12, 31))
    assert date_span(None, "unknown") == (None, None)


def test_priogrid_cells_count_from_the_south_west_corner() -> None:
    assert priogrid_gid(-89.9, -179.9) == 1
    assert priogrid_gid(-89.9, 179.9) == 720
    assert priogrid_gid(-89.4, -179.9) == 721
    assert priogrid_gid(90.0, 180.0) == 259200  # the last cell holds the corner itself


def test_countries_are_named_and_numbered_as_the_datasets_write_them() -> None:
    assert country_name("UA") == "Ukraine" and country_number("UA") == 804
    assert country_code("Russia (Soviet Union)") == "RU"
    assert country_code("Yemen (North Yemen)") == "YE"
    assert country_code("", "804") == "UA"
    assert country_code("Atlantis") == ""
