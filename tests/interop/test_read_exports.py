"""Reading ACLED and UCDP GED exports: the dataset told by the header, dates in their formats, and
one clear message for a file that is neither."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from harmledger.interop.inbound import ExportError, detect, read_events

FIXTURES = Path(__file__).with_name("fixtures")


def test_the_acled_fixture_reads_as_acled_events() -> None:
    dataset, events = read_events((FIXTURES / "acled_sample.csv").read_text(encoding="utf-8"))
    assert dataset == "acled" and len(events) == 8
    first = events[0]
    assert (first.id, first.start, first.country_code, first.best) == ("XUKR0001", date(2022, 6, 27), "UA", 20)
    assert first.family == "remote"
    assert {e.family for e in events if e.event_type == "Armed clash"} == {"shooting"}


def test_the_ucdp_fixture_reads_low_best_high_and_date_ranges() -> None:
    dataset, events = read_events((FIXTURES / "ucdp_sample.csv").read_text(encoding="utf-8"))
    assert dataset == "ucdp" and len(events) == 5
    kharkiv = next(e for e in events if e.id == "900003")
    assert (kharkiv.start, kharkiv.end) == (date(2022, 8, 15), date(2022, 8, 18))
    zaporizhzhia = next(e for e in events if e.id == "900005")
    assert (zaporizhzhia.low, zaporizhzhia.best, zaporizhzhia.high) == (25, 32, 32)
    assert {e.country_code for e in events} == {"UA", "TR"} and {e.family for e in events} == {"any"}


@pytest.mark.parametrize("written", ["2022-04-08", "08 April 2022", "08-04-2022", "08/04/2022"])
def test_acled_event_dates_in_each_format_its_downloads_have_used(written: str) -> None:
    text = f"event_id_cnty,event_date,latitude,longitude,fatalities\nX1,{written},48.7,37.5,3\n"
    _, (event,) = read_events(text)
    assert event.start == date(2022, 4, 8)


def test_an_uppercase_header_with_a_byte_order_mark_is_still_acled() -> None:
    text = "\ufeffEVENT_ID_CNTY,EVENT_DATE,LATITUDE,LONGITUDE,FATALITIES\nX1,2022-04-08,48.7,37.5,\n"
    dataset, (event,) = read_events(text)
    assert dataset == "acled" and event.best == 0  # ACLED leaves no fatality count empty; we read it as 0


def test_a_header_of_neither_dataset_says_which_columns_are_missing() -> None:
    with pytest.raises(ExportError, match="date_start, best"):
        detect(["id", "date", "deaths"])


def test_a_bad_row_names_its_line() -> None:
    text = "id,date_start,date_end,latitude,longitude,best\n1,2022-01-01,,48,37,2\n2,yesterday,,48,37,2\n"
    with pytest.raises(ExportError, match="line 3: date_start 'yesterday'"):
        read_events(text)
    with pytest.raises(ExportError, match="latitude"):
        read_events("id,date_start,latitude,longitude,best\n1,2022-01-01,95,37,2\n")
