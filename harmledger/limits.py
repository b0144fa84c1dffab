"""Every size, depth and range limit on input, in one place, each checked at the edge where the
input enters (readers, record fields, extraction), so that one hostile record is refused or
cleaned there and never reaches the parser or the database whole.

| limit | value | checked in | beyond it |
|---|---|---|---|
| JSON nesting | Python's recursion limit | ingest/readers.py | HL105/HL107 for that file or record |
| record fields | strings and numbers only | ingest/readers.py | the record is HL107 |
| figure | MAX_FIGURE | extract/numbers.py | not a figure (no claim) |
| number written in digits | MAX_DIGITS | extract/numbers.py | not a number |
| year of any date | FIRST_YEAR–LAST_YEAR | ingest/record.py, extract/dates.py | unknown |
| NUL, lone surrogates | none kept | ingest/record.py (clean) | removed / U+FFFD |
| run without spaces | MAX_RUN characters | ingest/record.py (clean) | cut by a space |
| run of symbols | MAX_SYMBOL_RUN characters | extract/windows.py (what is parsed) | blanked for the parser |
| url | http:// and https:// only | ingest/record.py (web_url) | not stored (the UI links only these too) |
| text | MAX_TEXT_CHARS | pipeline.read_articles | HL112 for that record |
| one parse | WINDOW_CHARS | extract/windows.py | parsed in paragraph windows |
| one nlp.pipe call | PIPE_CHARS | pipeline._parse | parsed in several calls |
"""

from __future__ import annotations

import os
import re
from datetime import date

# No single incident has had a million dead: a larger "figure" is a phone number, a sum of money
# or an attack on the parser, and it would overflow PostgreSQL's INTEGER past 2**31.
MAX_FIGURE = 1_000_000
# Digits in one number token: int() of 4,300+ digits raises, and anything past nine is over the
# ceiling anyway.
MAX_DIGITS = 9

FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date outside is unknown (resolution's windows need room)

# A run of this many characters without a space is cut: spaCy's tokenizer is quadratic in the
# length of a token (a 50k-emoji run took minutes). Longer than any word or ordinary URL.
MAX_RUN = 200
# A run of this many symbols in a row (neither letters, digits nor spaces) is blanked, character for
# character, in what the parser reads: spaCy makes every emoji a token of its own, so 50,000 emoji
# (200 KB) cost as much as 250,000 characters of prose (10-18 s, the fuzzer's slowest class) while
# no figure, date, place or speaker can be in them. Same length, so offsets into the stored text
# stay right, and the stored text keeps them. Longer than any rule or ornament in a report.
MAX_SYMBOL_RUN = 50
# Texts longer than this are refused (HL112). Parsing is linear in windows: about 10 s per
# 100,000 characters on this shared two-core machine (spaCy is nine tenths of it; 19 s under a load
# of 7), so this bounds one article to about a minute and a half at worst, and its memory to about
# 0.5 GB above the models (a 999,000-character text peaked at 1.0 GB above them when parsed 250,000
# characters a call; see PIPE_CHARS). Longer is a book, not a report: splitting the input is the
# fix the message names.
MAX_TEXT_CHARS = 500_000
# One spaCy parse at most (its max_length is 1,000,000): longer texts are read in windows cut at
# paragraph breaks, which also bounds the memory of a parse and the per-document passes of
# extraction (speakers, places) that grow faster than the text.
WINDOW_CHARS = 20_000
# Characters parsed by one nlp.pipe call: spaCy runs a call's texts as one minibatch, and its working
# memory grows with the tokens in it (about 3.9 KB per character: a 200,000-character text parsed
# in one call rose 787 MB above the models, in calls of 100,000 characters 410 MB, measured alone
# in a fresh process). 250,000 let one fuzzed input peak at 1.9 GB. A batch of 64 ordinary articles
# takes one to three calls at no cost: dev and dev2 twice, in batches of 64, took 10.7-11.2 s of CPU
# to parse in calls of 100,000 characters and 11.1-12.7 s in calls of 250,000 (interleaved runs).
PIPE_CHARS = 100_000

# Articles parsed per nlp.pipe call and stored per transaction. $HARMLEDGER_BATCH lowers it (the
# convergence tests use small batches to have several commits in a short corpus).
BATCH = max(1, int(os.environ.get("HARMLEDGER_BATCH", "64") or 64))

_SURROGATES = re.compile("[\ud800-\udfff]")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{MAX_SYMBOL_RUN},}}")


def in_years(day: date | None) -> date | None:
    """`day` when its year is within FIRST_YEAR–LAST_YEAR, else None (unknown)."""
    return day if day is not None and FIRST_YEAR <= day.year <= LAST_YEAR else None


def clean(value: str) -> str:
    """`value` without NULs (PostgreSQL refuses them in text) and with lone surrogates (which no
    UTF-8 encoder writes) replaced by U+FFFD."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    return _SURROGATES.sub("\ufffd", value)


def cut_runs(text: str) -> str:
    """`text` with every run of more than MAX_RUN characters without a space cut by spaces."""
    return _LONG_RUN.sub(lambda m: " ".join(m.group(0)[i:i + MAX_RUN]
                                            for i in range(0, len(m.group(0)), MAX_RUN)), text)


def blank_symbol_runs(text: str) -> str:
    """`text` with every run of MAX_SYMBOL_RUN or more symbols turned into spaces (same length)."""
    return _SYMBOL_RUN.sub(lambda m: " " * len(m.group(0)), text)


def web_url(url: str) -> str:
    """`url` when it is an http or https address, else "": only those ever become links (a
    "javascript:" URL from a record or a feed would run script when clicked)."""
    url = url.strip()
    scheme, sep, rest = url.partition(":")
    return url if sep and scheme.lower() in ("http", "https") and rest.startswith("//") and len(url) <= 2000 else ""
