"""Dates in Ukrainian and Russian text from the pack's tables: "8 квітня", "14 июля 2022 года",
"у понеділок", "вчера", "в ночь на субботу", against the day of writing (the publication date).

Without a day of writing a day and month stay a day and month (kept for matching, no year is
invented), and a weekday stays a weekday. "Станом на 28 червня" dates a count, not the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.morph import Tok
from harmledger.models import DatePrecision, EventDate

_STATUS_REACH = 4  # tokens between a "станом на" phrase and the date it qualifies


@dataclass(frozen=True)
class DateHit:
    """A date found in a sentence: its token index, value and whether it dates a count."""

    index: int
    date: EventDate
    status: bool


def find_dates(toks: tuple[Tok, ...], pack: CyrillicPack, reference: date | None) -> list[DateHit]:
    """The dates a sentence names, in order."""
    out: list[DateHit] = []
    for i, t in enumerate(toks):
        found: EventDate | None = None
        if t.is_digit and i + 1 < len(toks) and toks[i + 1].low in pack.months and 1 <= int(t.text) <= 31:
            month, day = pack.months[toks[i + 1].low], int(t.text)
            year = int(toks[i + 2].text) if i + 2 < len(toks) and toks[i + 2].is_digit \
                and len(toks[i + 2].text) == 4 else None
            found = _day_month(day, month, year, reference, f"{t.text} {toks[i + 1].text}")
        elif t.is_word and t.has(pack.weekdays) and "NOUN" in t.pos:
            weekday = next(pack.weekdays[lemma] for lemma in t.lemmas if lemma in pack.weekdays)
            if reference is None:
                found = EventDate(None, DatePrecision.unknown, f"weekday '{t.text}' without a day of writing",
                                  weekday=weekday)
            else:
                back = (reference.weekday() - weekday) % 7
                found = EventDate(reference - timedelta(days=back), DatePrecision.day, f"'{t.text}' before {reference}")
        elif t.is_word and t.low in pack.relative_days and reference is not None:
            found = EventDate(reference + timedelta(days=pack.relative_days[t.low]), DatePrecision.day,
                              f"'{t.text}' against {reference}")
        if found is not None and not _evening_before(toks, i, pack):
            out.append(DateHit(i, found, _status(toks, i, pack)))
    return out


def _day_month(day: int, month: int, year: int | None, reference: date | None, said: str) -> EventDate | None:
    if year is None and reference is not None:
        year = reference.year
        try:
            if date(year, month, day) > reference + timedelta(days=1):
                year -= 1  # "8 квітня" in a January report is last April
        except ValueError:
            return None
    if year is None:
        return EventDate(None, DatePrecision.unknown, f"'{said}' without a year", month_day=(month, day))
    try:
        return EventDate(date(year, month, day), DatePrecision.day, f"'{said}'")
    except ValueError:
        return None


def _evening_before(toks: tuple[Tok, ...], i: int, pack: CyrillicPack) -> bool:
    """True for the first day of "в ночь с пятницы на субботу": the strike's day is the second."""
    window = " ".join(t.low for t in toks[max(0, i - 4):i])
    return any(window.endswith(p) for p in pack.night_from)


def _status(toks: tuple[Tok, ...], i: int, pack: CyrillicPack) -> bool:
    """True when a "станом на" / "по состоянию на" phrase stands just before token `i`."""
    window = " ".join(t.low for t in toks[max(0, i - _STATUS_REACH):i])
    return any(window.endswith(p) or f"{p} " in window for p in pack.status_phrases)
