"""Document furniture: the parts of a news page that frame the story and are not its events.

A dateline ("SANAA, Yemen (AP) —", "COLOMBO:", "Beirut - ", "KHARKIV, Oct 9 (Reuters) -") says
where and when the story was filed; a byline or stamp line ("By Jane Roe, October 6, 2023",
"AFP October 09, 2016", "Updated: …", "Read also: …", an embedded post's signature "— Police
(@police) October 5, 2017") says who wrote it and when, or points at another story. Found first,
so that event dates and places are read from the body and the furniture's date serves only as
the day of writing. The words that open stamp lines are in the English pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harmledger.extract.dates import DateMatch, find_dates
from harmledger.extract.lang.en.furniture import STAMP_LINE
from harmledger.models import DatePrecision

# A place in capitals, an optional region or country and date, then an agency in brackets or a
# dash or colon (or both): the wire services' dateline. Searched at the start of the first lines only.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s*(?P<area>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,2}))?"
    r"(?:,\s*(?P<when>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?"
    r"(?:\s*\((?P<agency>[^()\n]{1,80})\)\s*(?:--|[-—–:])?|\s*(?:--|[-—–:]))\s+")
# The same in title case ("Ouagadougou, Burkina Faso –"): only with its country and a dash.
_TITLE_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,2}),\s*(?P<area>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,3})"
    r"\s*(?:\((?P<agency>[^()\n]{1,80})\))?\s*(?:--|[—–-])\s+")
# A title-case town alone and a dash opening the text ("Beirut - A fuel truck bomb …").
_CITY_DATELINE = re.compile(r"(?P<place>[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+)?)\s+(?:--|[—–-])\s+(?=[A-Z])")
_LEAD_LINES = 3  # a dateline opens one of the first lines of prose


@dataclass(frozen=True)
class Furniture:
    """Character spans of the furniture of one text, and the date it gives for the writing."""

    spans: tuple[tuple[int, int], ...] = ()
    dateline: tuple[int, int] | None = None  # the dateline's own span (place, agency, dash)
    written: DateMatch | None = None  # a full date in a byline or dateline

    def covers(self, start: int, end: int) -> bool:
        """True when the text from `start` to `end` lies inside furniture."""
        return any(s <= start and end <= e for s, e in self.spans)


def find_furniture(text: str) -> Furniture:
    """The dateline and the stamp lines of `text` (a dateline only in its first lines)."""
    spans: list[tuple[int, int]] = []
    dateline: tuple[int, int] | None = None
    written: DateMatch | None = None
    offset = 0
    prose = 0  # lines of text before this one that are not furniture
    for line in text.split("\n"):
        if (STAMP_LINE.match(line) and len(line.split()) <= 25) or _name_and_date(line):
            spans.append((offset, offset + len(line)))
            written = written or _full_date(line, offset)
        elif line.strip():
            m = _DATELINE.match(line) or _TITLE_DATELINE.match(line) or (
                _CITY_DATELINE.match(line) if prose == 0 else None)
            if dateline is None and prose < _LEAD_LINES and m and _is_dateline(m):
                dateline = (offset + m.start(), offset + m.end())
                spans.append(dateline)
                written = written or _full_date(line[:m.end()], offset)
            prose += 1
        offset += len(line) + 1
    return Furniture(tuple(spans), dateline, written)


def _name_and_date(line: str) -> bool:
    """"AFP October 09, 2016", "Jane Roe | 6 October 2023": a short line of a name and a full date."""
    words = line.split()
    if not 2 <= len(words) <= 8:
        return False
    found = _full_date(line, 0)
    if found is None:
        return False
    rest = (line[:found.start] + line[found.end:]).strip(" ,|·-–—\t")
    return all(w[:1].isupper() for w in rest.split()) and len(rest.split()) <= 4


def _is_dateline(m: re.Match[str]) -> bool:
    """A run of capitals long enough to be a place name and not an acronym alone ("US:")."""
    place = m.group("place")
    return len(place.replace(" ", "")) >= 4 and not place.isdigit()


def _full_date(line: str, offset: int) -> DateMatch | None:
    for found in find_dates(line, None):
        if found.date.precision == DatePrecision.day and found.date.value is not None:
            return DateMatch(found.date, offset + found.start, offset + found.end, found.kind)
    return None
