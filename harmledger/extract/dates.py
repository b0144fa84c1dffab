"""Resolve date expressions against a reference date, keeping a precision and never inventing a day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from harmledger.extract.lang.en.dates import (
    BACK_WORDS,
    LAST_WORDS,
    LATER,
    MONTHS,
    NEXT_WORDS,
    ONE_ARTICLES,
    PATTERNS,
    PERIOD,
    SINCE,
    SMALL_NUMBERS,
    UNITS,
    WEEKDAYS,
)
from harmledger.limits import in_years
from harmledger.models import DatePrecision, EventDate


@dataclass(frozen=True)
class DateMatch:
    """One date expression found in a text: its resolution and where it stands."""

    date: EventDate
    start: int
    end: int
    kind: str

    @property
    def is_past_reference(self) -> bool:
        """True for expressions that point well back ("last April", "last week")."""
        return self.kind in ("last_month_name", "last_week", "last_month", "last_year", "month_year", "ago")


def find_dates(text: str, reference: date | None, published: bool = True,
               last_event: date | None = None) -> list[DateMatch]:
    """All date expressions in `text`, resolved against `reference`: the publication date, or
    (with `published` false) a date the text itself gives, which a weekday may also follow;
    "a day later" counts from `last_event`, the day of the event the story told last."""
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if PERIOD.search(text[max(0, m.start() - 12):m.start()]) or m.group(0).lower().startswith(SINCE):
                taken.append((m.start(), m.end()))  # "since March 2015": when a count began
                continue
            try:
                resolved = _later(m, last_event) if kind == "later" else _resolve(kind, m, reference, published)
            except (ValueError, OverflowError):  # year 0, or arithmetic off the calendar
                continue
            if resolved is None or (resolved.value is not None and in_years(resolved.value) is None):
                continue  # outside limits.FIRST_YEAR–LAST_YEAR: not a date we can place
            taken.append((m.start(), m.end()))
            found.append(DateMatch(resolved, m.start(), m.end(), kind))
    found.sort(key=lambda d: d.start)
    return [_beside_a_date(d, found, text) for d in found]


_EXPLICIT = ("iso", "dmy", "mdy", "numeric", "dm", "md")
# Characters that may stand between a weekday and the date it names ("Sunday, June 26").
_BESIDE = 4


def _beside_a_date(match: DateMatch, found: list[DateMatch], text: str) -> DateMatch:
    """A weekday written beside a full date of that weekday ("on Sunday, 26 June") is that date,
    whatever the publication date says: a story republished weeks later keeps its own day."""
    if match.kind != "weekday":
        return match
    for other in found:
        near = 0 <= other.start - match.end <= _BESIDE or 0 <= match.start - other.end <= _BESIDE
        day = other.date.value
        if near and other.kind in _EXPLICIT and day is not None and other.date.precision == DatePrecision.day \
                and day.weekday() == WEEKDAYS[_weekday_word(text[match.start:match.end])]:
            reason = f"'{text[match.start:match.end]}' beside '{text[other.start:other.end]}'"
            return DateMatch(EventDate(day, DatePrecision.day, reason), match.start, match.end, match.kind)
    return match


def _weekday_word(phrase: str) -> str:
    return next(w for w in re.findall(r"[a-z]+", phrase.lower()) if w in WEEKDAYS)


def dateline(text: str) -> date | None:
    """The date a story was written, from a first line that is a date stamp ("Saturday,
    26 March 2022, 20:13"); None when the first line is prose."""
    first = text.lstrip().split("\n", 1)[0]
    if len(first.split()) > 10:
        return None
    days = [d.date.value for d in find_dates(first, None)
            if d.kind in ("iso", "dmy", "mdy", "numeric") and d.date.value is not None]
    return days[0] if days else None


# A story dated more than this many days before its publication was written earlier and
# republished: its "on Sunday" and "yesterday" count from its own date line.
STALE_DAYS = 7


def writing_date(text: str, published: date | None) -> date | None:
    """The day a story's relative dates count from: its publication, unless its date line
    says it was written more than a week earlier (a republished story)."""
    written = dateline(text)
    if published is None or written is None or (published - written).days <= STALE_DAYS:
        return published
    return written


def latest_explicit_date(text: str) -> date | None:
    """The latest fully written date in `text`: a stand-in reference when publication is unknown."""
    days = [d.date.value for d in find_dates(text, None)
            if d.kind in ("iso", "dmy", "mdy", "numeric") and d.date.value is not None]
    return max(days) if days else None


def _resolve(kind: str, m: re.Match[str], ref: date | None, published: bool = True) -> EventDate | None:
    g = m.groupdict()
    if kind in ("iso", "dmy", "mdy", "numeric"):
        month = int(g["m"]) if g.get("m") else MONTHS[g["month"].lower()]
        return _day(int(g["year"]), month, int(g["day"]), f"explicit date '{m.group(0)}'")
    if kind in ("dm", "md"):
        month, day = MONTHS[g["month"].lower()], int(g["day"])
        if not 1 <= day <= 31:
            return None
        if ref is None:
            return EventDate(None, DatePrecision.unknown, f"'{m.group(0)}' without a year", month_day=(month, day))
        year = ref.year if (month, day) <= (ref.month, ref.day + 1) else ref.year - 1
        return _day(year, month, day, f"'{m.group(0)}' in the year before publication")
    if kind == "slash":
        return _slash(int(g["a"]), int(g["b"]), int(g["year"]), ref, m.group(0))
    if kind == "month_year":
        return EventDate(date(int(g["year"]), MONTHS[g["month"].lower()], 1), DatePrecision.month,
                         f"'{m.group(0)}'")
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").strip().lower()
        if rel in NEXT_WORDS:
            return None
        if ref is None:
            return EventDate(None, DatePrecision.unknown, f"'{m.group(0)}' with no publication date", weekday=wd)
        back = (ref.weekday() - wd) % 7
        if not published and rel not in LAST_WORDS and back > 3:
            # A date found in the text (a caption, an update line) is not the day of writing:
            # the weekday nearest to it, before or after, is meant.
            return EventDate(ref + timedelta(days=7 - back), DatePrecision.day, f"'{m.group(0)}' nearest {ref}")
        if rel in LAST_WORDS and back == 0:
            back = 7  # published on a Friday, "last Friday" is a week back
        return EventDate(ref - timedelta(days=back), DatePrecision.day, f"'{m.group(0)}' before {ref}")
    if ref is None:
        return None
    if kind == "yesterday":
        return EventDate(ref - timedelta(days=1), DatePrecision.day, "'yesterday' before publication")
    if kind == "today":
        return EventDate(ref, DatePrecision.day, f"'{m.group(0)}' on the publication day")
    if kind == "overnight":
        # A night reported in the morning began the day before: ACLED codes the start.
        return EventDate(ref - timedelta(days=1), DatePrecision.day, f"'{m.group(0)}' before publication")
    if kind == "last_month_name":
        month = MONTHS[g["month"].lower()]
        rel = g["rel"].lower()
        year = ref.year if month < ref.month or (month == ref.month and rel not in LAST_WORDS) else ref.year - 1
        return EventDate(date(year, month, 1), DatePrecision.month, f"'{m.group(0)}' before {ref}")
    if kind == "ago":
        # "three weeks after a missile destroyed …": that event lies N units back.
        n = g["n"].lower()
        count = int(n) if n.isdigit() else (1 if n in ONE_ARTICLES else SMALL_NUMBERS[n])
        unit = UNITS[g["unit"].lower()]
        back = {"day": relativedelta(days=count), "week": relativedelta(weeks=count),
                "month": relativedelta(months=count), "year": relativedelta(years=count)}[unit]
        precision = DatePrecision.week if unit == "day" else DatePrecision(unit)  # "3 days ago": that week
        return EventDate(ref - back, precision, f"'{m.group(0)}' from {ref}")
    if kind == "last_week":
        back = 7 if g["rel"].lower() in BACK_WORDS else 0
        return EventDate(ref - timedelta(days=back), DatePrecision.week, f"'{m.group(0)}' before {ref}")
    if kind == "last_month":
        start = ref.replace(day=1)
        if g["rel"].lower() in LAST_WORDS:
            start = start - relativedelta(months=1)
        return EventDate(start, DatePrecision.month, f"'{m.group(0)}' before {ref}")
    if kind == "last_year":
        return EventDate(date(ref.year - 1, 1, 1), DatePrecision.year, f"'last year' before {ref}")
    return None


def _slash(a: int, b: int, year: int, ref: date | None, said: str) -> EventDate | None:
    """"05/03/2023": day/month where a number is past 12 says so, else the reading nearest before
    the day of writing (none without one: 5 March and 3 May are both possible)."""
    readings = [d for d in (_day(year, b, a, f"'{said}' day first"), _day(year, a, b, f"'{said}' month first"))
                if d is not None]
    if len(readings) == 2 and a != b:
        if ref is None:
            return None
        before = [d for d in readings if d.value is not None and d.value <= ref]
        return max(before, key=lambda d: d.value or ref) if before else None
    return readings[0] if readings else None


def _later(m: re.Match[str], last_event: date | None) -> EventDate | None:
    """"Two days later": that many days after the event told before; "the next day" one; "hours
    later" the same day. Unknown without a dated event before."""
    if last_event is None:
        return None
    n = (m.group("n") or "").lower()
    if n:
        days = 1 if n in ONE_ARTICLES else SMALL_NUMBERS[n]
    else:  # "hours later" is that day, "the next day" the one after
        days = 0 if m.group(0).lower().endswith(LATER) else 1
    return EventDate(last_event + timedelta(days=days), DatePrecision.day, f"'{m.group(0)}' after {last_event}")


def _day(year: int, month: int, day: int, reason: str) -> EventDate | None:
    try:
        return EventDate(date(year, month, day), DatePrecision.day, reason)
    except ValueError:
        return None
