"""Reading an ACLED or UCDP GED export (CSV text) into plain events, the dataset told by its header."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from harmledger.errors import Code, HarmledgerError
from harmledger.interop.codebooks import ACLED_FAMILY, country_code

# Columns that tell the datasets apart, and that a comparison needs.
ACLED_NEEDS = ("event_date", "fatalities", "latitude", "longitude")
UCDP_NEEDS = ("date_start", "best", "latitude", "longitude")
# ACLED's downloads have written event_date as ISO days, "08 April 2022" and "08-04-2022".
_ACLED_DAY_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%m-%Y", "%d/%m/%Y", "%m/%d/%Y")


class ExportError(ValueError):
    """A file that is not a readable ACLED or UCDP export: the message says which line and why."""


@dataclass(frozen=True)
class ExternalEvent:
    """One event of another dataset, in the terms a comparison needs."""

    dataset: str  # acled | ucdp
    id: str
    start: date
    end: date
    lat: float
    lon: float
    country_code: str
    location: str
    event_type: str  # the dataset's own words: ACLED's sub_event_type, UCDP's type of violence
    family: str  # remote | explosive | shooting | any (see codebooks.FAMILY)
    best: int
    low: int
    high: int


def detect(header: list[str]) -> str:
    """"acled" or "ucdp" from a CSV header; ExportError when it is neither."""
    names = {h.strip().lower() for h in header}
    if all(c in names for c in ACLED_NEEDS):
        return "acled"
    if all(c in names for c in UCDP_NEEDS):
        return "ucdp"
    raise ExportError("neither an ACLED export (event_date, fatalities, latitude, longitude) nor a UCDP GED "
                      "export (date_start, best, latitude, longitude): the header lacks those columns")


def read_export_file(path: Path) -> tuple[str, list[ExternalEvent]]:
    """The dataset and events of an export file; HarmledgerError (HL100, HL101, HL310) naming it."""
    if not path.is_file():
        raise HarmledgerError(Code.NO_SUCH_PATH, path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise HarmledgerError(Code.NOT_UTF8, path, detail=str(exc.reason)) from None
    try:
        return read_events(text)
    except ExportError as exc:
        raise HarmledgerError(Code.BAD_COMPARE_FILE, path, detail=str(exc)) from None


def read_events(text: str) -> tuple[str, list[ExternalEvent]]:
    """The dataset's name and its events, from the text of its CSV export."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames:
        raise ExportError("the file is empty")
    reader.fieldnames = [f.strip().lower() for f in reader.fieldnames]
    dataset = detect(reader.fieldnames)
    parse = _acled if dataset == "acled" else _ucdp
    events = []
    for row in reader:
        try:
            events.append(parse(row))
        except (ValueError, TypeError) as exc:
            raise ExportError(f"line {reader.line_num}: {exc}") from None
    return dataset, events


def _number(row: dict[str, str], column: str, default: int | None = None) -> int:
    text = (row.get(column) or "").strip()
    if not text:
        if default is None:
            raise ValueError(f"{column} is empty")
        return default
    return int(float(text))


def _coordinate(row: dict[str, str], column: str, limit: float) -> float:
    value = float((row.get(column) or "").strip() or "nan")
    if not -limit <= value <= limit:
        raise ValueError(f"{column} {row.get(column)!r} is not a coordinate within ±{limit:g}")
    return value


def _acled_day(text: str) -> date:
    for fmt in _ACLED_DAY_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {text!r} is not a day (YYYY-MM-DD or '08 April 2022')")


def _acled(row: dict[str, str]) -> ExternalEvent:
    day = _acled_day(row.get("event_date") or "")
    fatalities = _number(row, "fatalities", 0)
    sub_event = (row.get("sub_event_type") or "").strip()
    return ExternalEvent(
        dataset="acled", id=(row.get("event_id_cnty") or row.get("data_id") or "").strip(), start=day, end=day,
        lat=_coordinate(row, "latitude", 90), lon=_coordinate(row, "longitude", 180),
        country_code=country_code(row.get("country") or "", row.get("iso") or ""),
        location=(row.get("location") or "").strip(), event_type=sub_event or (row.get("event_type") or ""),
        family=ACLED_FAMILY.get(sub_event, "any"), best=fatalities, low=fatalities, high=fatalities)


def _ucdp_day(text: str, column: str) -> date:
    try:
        return date.fromisoformat(text.strip()[:10])  # "2022-04-08 00:00:00.000" in GED's CSV
    except ValueError:
        raise ValueError(f"{column} {text!r} is not a day (YYYY-MM-DD)") from None


UCDP_VIOLENCE = {"1": "state-based", "2": "non-state", "3": "one-sided"}


def _ucdp(row: dict[str, str]) -> ExternalEvent:
    start = _ucdp_day(row.get("date_start") or "", "date_start")
    end = _ucdp_day(row["date_end"], "date_end") if (row.get("date_end") or "").strip() else start
    best = _number(row, "best")
    violence = (row.get("type_of_violence") or "").strip()
    # GED does not say how an event was fought (shelling or shooting), so any type may match it.
    return ExternalEvent(
        dataset="ucdp", id=(row.get("id") or "").strip(), start=start, end=max(start, end),
        lat=_coordinate(row, "latitude", 90), lon=_coordinate(row, "longitude", 180),
        country_code=country_code(row.get("country") or ""),
        location=(row.get("where_coordinates") or row.get("adm_1") or "").strip(),
        event_type=UCDP_VIOLENCE.get(violence, violence), family="any",
        best=best, low=_number(row, "low", best), high=_number(row, "high", best))
