"""Dates in Ukrainian and Russian text from the pack's tables: "8 квітня", "14 июля 2022 года",
"у понеділок", "вчера", "в ночь на субботу", against the day of writing (the publication date).

Without a publication date, a wire dateline's day ("МОСКВА, 15 июля.") is the day of writing when a
weekday the text gives for the statement ("сообщил в пятницу") fixes its year: the latest year, up
to today, in which that day fell on that weekday. Otherwise a day and month stay a day and month
(kept for matching, no year is invented), and a weekday stays a weekday. "Станом на 28 червня"
dates a count, not the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.lang.grammemes import PREPOSITION
from harmledger.extract.morph import Sentence, Tok
from harmledger.models import DatePrecision, EventDate

_STATUS_REACH = 4  # tokens between a "станом на" phrase and the date it qualifies
_SAID_REACH = 3  # tokens from a reporting verb to the weekday it was said on ("сообщил в пятницу")
_YEARS_BACK = 40  # how far back a weekday may place a dateline's year


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
        elif _weekday(t, pack):
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


def _weekday(t: Tok, pack: CyrillicPack) -> bool:
    """A weekday noun; a word that may be a preposition is one ("серед" = among, though also the
    genitive plural of середа)."""
    return t.is_word and t.has(pack.weekdays) and "NOUN" in t.pos and PREPOSITION not in t.pos


def writing_day(sents: list[Sentence], pack: CyrillicPack, today: date) -> EventDate | None:
    """The day of writing of an undated wire story: its dateline's day and month in the latest
    year up to `today` in which they fall on the weekday its statement was made on."""
    day_month = next((d for s in sents[:3] if (d := _dateline(s.tokens, pack)) is not None), None)
    said_on = {pack.weekdays[lemma] for s in sents for i in _said_on(s.tokens, pack)
               for lemma in s.tokens[i].lemmas if lemma in pack.weekdays}
    if day_month is None or len(said_on) != 1:
        return None
    (month, day), weekday = day_month, said_on.pop()
    for year in range(today.year, today.year - _YEARS_BACK, -1):
        try:
            day_of = date(year, month, day)
        except ValueError:
            continue
        if day_of <= today and day_of.weekday() == weekday:
            return EventDate(day_of, DatePrecision.day,
                             f"dateline {day} of month {month}, said on weekday {weekday}: latest such year")
    return None


def _dateline(toks: tuple[Tok, ...], pack: CyrillicPack) -> tuple[int, int] | None:
    """(month, day) of a dateline "МОСКВА, 15 июля." that gives no year."""
    if len(toks) >= 4 and toks[0].text.isupper() and toks[0].is_word and toks[1].text == "," \
            and toks[2].is_digit and toks[3].low in pack.months and 1 <= int(toks[2].text) <= 31 \
            and not (len(toks) > 4 and toks[4].is_digit):
        return pack.months[toks[3].low], int(toks[2].text)
    return None


def _said_on(toks: tuple[Tok, ...], pack: CyrillicPack) -> list[int]:
    """Indexes of weekdays right after a reporting verb ("сообщил в пятницу")."""
    return [i for i, t in enumerate(toks) if _weekday(t, pack) and any(
        u.has(pack.reporting_verbs) for u in toks[max(0, i - _SAID_REACH):i])]


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
