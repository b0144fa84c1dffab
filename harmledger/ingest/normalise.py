"""Repair scraping and machine-translation damage that breaks sentence splitting."""

from __future__ import annotations

import re
import unicodedata

# "reportedlyMore than 30": a lower-case word glued to a capitalised one by a lost line break.
_GLUED = re.compile(r"\b([a-z]{2,})([A-Z][a-z]+)\b")
# Words that never end a sentence: a lost space after them is repaired without a full stop.
_OPEN_WORDS = frozenset({"to", "of", "the", "a", "an", "in", "on", "at", "by", "for", "with",
                         "from", "and", "or", "as", "according", "say", "says", "said"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")
_DOUBLE_STOP = re.compile(r"(?<=[a-z])\.\.(?=\s)")


def _unglue(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    return f"{left} {right}" if left in _OPEN_WORDS else f"{left}. {right}"


def normalise_text(text: str) -> str:
    """Return `text` in NFC with spaces collapsed and glued sentences split apart."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _GLUED.sub(_unglue, text)
    text = _DOUBLE_STOP.sub(".", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()
