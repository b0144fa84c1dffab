"""A number parser for casualty figures: digits, number words, vague quantities and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from harmledger.conventions import VAGUE_QUANTITIES
from harmledger.extract.lang.en.dates import MONTHS
from harmledger.extract.lang.en.lexicon import (
    RANGE_FROM,
)
from harmledger.extract.lang.en.numbers import (
    BETWEEN_JOINERS,
    COUNTED_BEFORE,
    DAY_SPAN_JOINERS,
    MEASURE_UNITS,
    NOT_COUNTS,
    NUMBER_FILLERS,
    NUMBER_LABELS,
    NUMBER_WORDS,
    ONE_ARTICLES,
    QUALIFIERS,
    RANGE_JOINERS,
    RANGE_OPENERS,
    SCALE,
    VAGUE_PREMODIFIERS,
    VAGUE_WORDS,
    WEAK_WORDS,
)
from harmledger.limits import MAX_DIGITS, MAX_FIGURE

_DIGITS = re.compile(r"^\d{1,3}(?:[,\u202f ]\d{3})+$|^\d+$")
_HYPHEN_RANGE = re.compile(r"^(\d+)[-\u2013](\d+)$")
# A vague word's value: ACLED's for its concept ("dozens" = 12).
_VAGUE = {word: VAGUE_QUANTITIES[concept] for word, concept in VAGUE_WORDS.items()}
_MONTHS = frozenset(MONTHS)  # names and abbreviations: "June 4-5" is a day, not a count


@dataclass(frozen=True)
class Figure:
    """A number found in the text: low/high, qualifier, and the token range it spans."""

    low: int
    high: int | None
    qualifier: str
    start: int  # first token index (qualifier included)
    end: int  # one past the last token
    head: int  # token index of the number itself, for dependency walks


def word_value(text: str) -> int | None:
    """The value of one number token ("39", "1,500", "thirty", "dozens"); None if not a number."""
    t = text.lower().replace("\u2019", "'")
    if _DIGITS.match(t):
        digits = re.sub(r"[,\u202f ]", "", t)
        # int() of 4,300+ digits raises; past MAX_DIGITS it is over the ceiling anyway
        return int(digits) if len(digits) <= MAX_DIGITS else None
    if t in NUMBER_WORDS and t not in WEAK_WORDS:
        return NUMBER_WORDS[t]
    if "-" in t:
        parts = t.split("-")
        if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
            return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def parse_number_words(words: list[str]) -> int | None:
    """Compose a run of number tokens ("two", "hundred", "and", "five") into one value."""
    total = current = 0
    seen = False
    for w in words:
        lw = w.lower()
        if lw in NUMBER_FILLERS:
            continue
        if lw in SCALE:
            current = max(current, 1) * SCALE[lw]
            if SCALE[lw] >= 1000:
                total, current = total + current, 0
            seen = True
            continue
        if lw in ONE_ARTICLES and not seen:
            current, seen = 1, True
            continue
        value = word_value(lw)
        if value is None:
            return None
        current += value
        seen = True
    return total + current if seen else None


def _is_number_token(tok: Token) -> bool:
    lw = tok.lower_
    return (word_value(lw) is not None or lw in SCALE
            or (lw in ONE_ARTICLES and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in SCALE))


def _qualifier_before(sent: Span, i: int) -> tuple[str, int]:
    """The qualifier phrase ending just before token `i`, and where it starts."""
    doc = sent.doc
    for n in (3, 2, 1):
        start = i - n
        if start < sent.start:
            continue
        phrase = " ".join(t.lower_ for t in doc[start:i])
        if phrase in QUALIFIERS:
            return QUALIFIERS[phrase], start
    return "exact", i


def find_figures(sent: Span) -> list[Figure]:
    """Every head-count-like number in `sent`, left to right, with qualifier and range."""
    doc = sent.doc
    figures: list[Figure] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        vague = _VAGUE.get(tok.lower_)
        # "several dozen" is one figure, read at "dozen"; "two dozen" is a number with its scale word
        premodifies = tok.lower_ in VAGUE_PREMODIFIERS and i + 1 < sent.end and \
            (doc[i + 1].lower_ in _VAGUE or doc[i + 1].lower_ in SCALE)
        weak = tok.lower_ in WEAK_WORDS and not (
            i + 1 < sent.end and doc[i + 1].lower_ in COUNTED_BEFORE.get(tok.lower_, ()))
        if vague is not None and not premodifies and not weak and not (
                tok.lower_ in SCALE and i > sent.start and _is_number_token(doc[i - 1])):
            # "dozens of people": ACLED's fixed value, approximate, open-ended.
            qual, start = _qualifier_before(sent, i)
            if i > sent.start and doc[i - 1].lower_ in VAGUE_PREMODIFIERS:
                start = i - 1
            figures.append(Figure(vague, None, "about" if qual == "exact" else qual, start, i + 1, i))
            i += 1
            continue
        m = _HYPHEN_RANGE.match(tok.text)
        if m and not _followed_by_non_count(doc, i + 1) and not _after_month(doc, i) \
                and len(m.group(1)) <= MAX_DIGITS and len(m.group(2)) <= MAX_DIGITS:
            first, last = int(m.group(1)), int(m.group(2))
            if first < last <= MAX_FIGURE:
                figures.append(Figure(first, last, "exact", i, i + 1, i))
            i += 1
            continue
        if not _is_number_token(tok) or _looks_like_year(tok) or _is_age_or_time(doc, i) or _after_month(doc, i):
            i += 1
            continue
        j = i
        while j + 1 < sent.end and (_is_number_token(doc[j + 1]) or
                                    (doc[j + 1].text == "-" and j + 2 < sent.end
                                     and _is_number_token(doc[j + 2]))):
            j += 1
        value = parse_number_words([t.text for t in doc[i:j + 1]])
        if value is None or _followed_by_non_count(doc, j + 1):
            i = j + 1
            continue
        qual, start = _qualifier_before(sent, i)
        low, end = value, j + 1
        high: int | None = value  # None once the figure is open-ended
        # "between 20 and 25", "20 to 25", "20 or 25"
        if i - 1 >= sent.start and doc[i - 1].lower_ in RANGE_OPENERS and j + 2 < sent.end \
                and doc[j + 1].lower_ in BETWEEN_JOINERS and _is_number_token(doc[j + 2]):
            second = parse_number_words([doc[j + 2].text])
            if second is not None and second > value:
                low, high, end, start, qual = value, second, j + 3, i - 1, "exact"
        elif j + 2 < sent.end and doc[j + 1].lower_ in RANGE_JOINERS \
                and _is_number_token(doc[j + 2]) and (i - 1 < sent.start or doc[i - 1].lower_ not in RANGE_FROM):
            second = parse_number_words([doc[j + 2].text])
            if second is not None and second > value:
                low, high, end = value, second, j + 3
        if qual in ("at_least", "more_than"):
            high = None
        if start > sent.start and doc[start - 1].lower_ in NUMBER_LABELS:
            i = end
            continue
        if max(low, high or 0) > MAX_FIGURE:  # implausible as a head count: no claim
            i = end
            continue
        figures.append(Figure(low, high, qual, start, end, end - 1))
        i = end
    return figures


def _after_month(doc: Doc, i: int) -> bool:
    """"the June 4-5 massacre", "on March 21": a day of a month, not a count."""
    j = i - 1
    while j > 0 and (doc[j].text in DAY_SPAN_JOINERS or doc[j].text.isdigit()) and i - j < 4:
        j -= 1  # "June 4-5", "June 4 and 5"
    return j >= 0 and doc[j].lower_.rstrip(".") in _MONTHS


def _looks_like_year(tok: Token) -> bool:
    return tok.like_num and len(tok.text) == 4 and tok.text.isdecimal() and 1900 <= int(tok.text) <= 2100


def _is_age_or_time(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if ":" in tok.text or "." in tok.text:
        return True
    return (i + 2 < len(doc) and doc[i + 1].text == "-"
            and doc[i + 2].lower_ in MEASURE_UNITS)


def _followed_by_non_count(doc: Doc, j: int) -> bool:
    return j < len(doc) and doc[j].lower_ in NOT_COUNTS
