"""The raw record every reader produces, and its conversion into an Article."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, fields
from datetime import date, datetime

from dateutil import parser as dateutil_parser

from harmledger.ingest.normalise import normalise_text
from harmledger.limits import clean, cut_runs, in_years, web_url
from harmledger.models import Article

# Seed 002 starts "date 2022-04-09 At least 50 people…": a date line before the text itself.
_LEADING_DATE = re.compile(r"^\s*(?:date[:\s]+)?(\d{4}-\d{2}-\d{2})\b[ \t]*\n?")


@dataclass
class RawRecord:
    """What a reader found: text plus whatever metadata the format carried."""

    source_id: str
    text: str
    url: str = ""
    outlet: str = ""
    title: str = ""
    published: str = ""
    language: str = ""


def parse_published(value: str) -> date | None:
    """Read a publication date in ISO, RFC 822 or similar form; None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return in_years(date.fromisoformat(value[:10]))
    except ValueError:
        pass
    try:
        parsed = dateutil_parser.parse(value, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError):
        return None
    return in_years(parsed.date()) if parsed.year > 1900 else None


def split_leading_date(text: str) -> tuple[date | None, str]:
    """Take a leading `date YYYY-MM-DD` line off `text`; return the date and the rest."""
    match = _LEADING_DATE.match(text)
    if not match:
        return None, text
    try:
        found = date.fromisoformat(match.group(1))
    except ValueError:
        return None, text
    return in_years(found), text[match.end():]


def content_id(record: RawRecord, text: str) -> str:
    """Hash of everything the record says, so the same input always gets the same id."""
    h = hashlib.sha256()
    for part in (record.url, record.outlet, record.title, record.published, text):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def to_article(record: RawRecord, detect_language: bool = True) -> Article:
    """Normalise a raw record into an Article (publication date from metadata or text). Every
    field is cleaned here, where input becomes an Article (limits.clean, limits.cut_runs)."""
    record = RawRecord(*(clean(getattr(record, f.name)) for f in fields(RawRecord)))
    published = parse_published(record.published)
    lead_date, body = split_leading_date(record.text)
    published = published or lead_date
    text = normalise_text(cut_runs(body))
    language = record.language.strip().lower() or (_detect_language(text) if detect_language else "")
    return Article(
        id=content_id(record, text),
        source_id=record.source_id,
        text=text,
        url=web_url(record.url),
        outlet=record.outlet,
        title=normalise_text(cut_runs(record.title)),
        published=published,
        language=(language or "en")[:16],  # the column's width; a longer one is no language
    )


# How sure langdetect must be before an article counts as written in another language than
# English: short English texts (a headline and a line) are sometimes guessed as Afrikaans or Somali.
SURE_LANGUAGE = 0.9


def _detect_language(text: str) -> str:
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0  # langdetect is random unless seeded; ingest must be repeatable
    try:
        best = detect_langs(text[:1000])[0]
    except (LangDetectException, IndexError):
        return ""
    return str(best.lang) if best.prob >= SURE_LANGUAGE else ""
