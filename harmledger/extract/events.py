"""Event triggers, target and weapon phrases in one sentence, from a small lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from harmledger.extract.lang.en.events import (
    EVENT_TYPES,
    NOT_TARGET_MODIFIERS,
    STRENGTHENERS,
    TARGET_NOUNS,
    WEAPON_VARIANTS,
    WEAPON_WORDS,
)
from harmledger.extract.lang.en.syntax import ADJECTIVE_MODIFIER, COMPOUND, NOUN_MODIFIER

_TRIGGERS = [(re.compile(rf"\b{re.escape(word)}", re.I), kind) for word, kind in EVENT_TYPES]
# "strike" and "attack" are weak: they make an event only when nothing more specific is named.
_WEAK = {"missile_strike", "other"}
_TARGET_MODIFIERS = COMPOUND | ADJECTIVE_MODIFIER | NOUN_MODIFIER


@dataclass(frozen=True)
class EventCue:
    event_type: str
    strong: bool


def event_cue(sent: Span, text: str | None = None) -> EventCue | None:
    """The event type a sentence talks about, or None when it names no attack (`text`: the
    sentence's text with what is not its event blanked, extract/causes.py)."""
    text = sent.text if text is None else text
    for pattern, kind in _TRIGGERS:
        if pattern.search(text):
            weak = kind in _WEAK and not STRENGTHENERS.search(text)
            return EventCue(kind, strong=not weak)
    return None


def target_phrase(sent: Span) -> str:
    """What was hit: the first target noun with its compound/adjective modifiers."""
    for tok in sent:
        if tok.lower_ in TARGET_NOUNS and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            if tok.i + 1 < sent.end and sent.doc[tok.i + 1].lower_ in TARGET_NOUNS:
                continue  # "train station": the head noun comes next, with this as modifier
            mods = [c for c in tok.lefts if c.dep_ in _TARGET_MODIFIERS and c.pos_ != "PROPN"
                    and not c.like_num and c.lower_ not in NOT_TARGET_MODIFIERS]
            start = min([m.i for m in mods] + [tok.i])
            return sent.doc[start:tok.i + 1].text.lower()
    return ""


def weapon_phrase(sent: Span) -> str:
    """A named weapon system ("Tochka-U", "Iskander"), or ''."""
    for tok in sent:
        low = tok.lower_
        if low in WEAPON_WORDS:
            nxt = sent.doc[tok.i + 1:tok.i + 3].text if tok.i + 2 <= len(sent.doc) else ""
            suffix, variant = WEAPON_VARIANTS.get(low, ("", ""))
            if suffix and nxt.lower().startswith(suffix):
                return variant
            return tok.text if not tok.is_lower else tok.text.title()
    return ""
