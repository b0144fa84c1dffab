"""English page furniture: the opening words of byline, stamp and link lines that frame a story."""

from __future__ import annotations

import re

# Lines that are page furniture as a whole, by their opening words.
STAMP_LINE = re.compile(
    r"^\s*(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|·]|$)|published\b|updated\b|"
    r"last updated\b|posted\b|first published\b|read (?:also|more)\b|see also\b|related\b|"
    r"photo\b|image\b|file photo\b|credit\b|copyright\b|©|"
    r"[—–-]\s*[\w .'’-]{1,60}\(@\w+\)|pic\.twitter\.com)", re.I)
