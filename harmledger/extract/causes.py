"""Attacks a sentence names as the reason for another ("in retaliation for a drone attack on
Belgorod on Monday"): their words, places and days are kept out of the event it reports."""

from __future__ import annotations

from spacy.tokens import Span

from harmledger.extract.lang.en.events import CAUSE_HEADS, CAUSE_PREPOSITIONS
from harmledger.extract.lang.en.syntax import PREPOSITION

Spans = list[tuple[int, int]]


def cause_spans(sent: Span) -> Spans:
    """Character spans (of the doc's text) of the cause phrases in `sent`."""
    out: Spans = []
    for tok in sent:
        if tok.lemma_.lower() not in CAUSE_HEADS:
            continue
        for prep in tok.children:
            if prep.dep_ in PREPOSITION and prep.lower_ in CAUSE_PREPOSITIONS:
                words = list(prep.subtree)
                out.append((words[0].idx, words[-1].idx + len(words[-1])))
    return out


def inside(spans: Spans, char: int) -> bool:
    """True when character `char` lies in one of `spans`."""
    return any(start <= char < end for start, end in spans)


def masked(sent: Span, spans: Spans) -> str:
    """The sentence's text with its cause phrases blanked (offsets kept)."""
    text = sent.text
    for start, end in spans:
        a, b = start - sent.start_char, end - sent.start_char
        text = text[:a] + " " * (b - a) + text[b:]
    return text
