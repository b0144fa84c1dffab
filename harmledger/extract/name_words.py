"""Which words can make up a place name in English text: the words that can open one, those that
can continue it, and the lower-case articles joined by hyphens inside Arabic names."""

from __future__ import annotations

from spacy.tokens import Span, Token

from harmledger.extract.lang.en.places import (
    ATTACK_PREPOSITIONS,
    ATTACKED_ON,
    CALENDAR,
    NAME_PARTICLES,
    PLACE_OF,
    SETTLEMENTS,
    STRONG_LOCATIVE,
    STRUCK,
)
from harmledger.extract.lang.en.syntax import (
    NATIONALITY_ENTITIES,
    NON_PLACE_ENTITIES,
    PLACE_ENTITIES,
    TIME_ENTITIES,
)
from harmledger.extract.nlp import in_dateline


def could_start_place(tok: Token) -> bool:
    """A word that can open a place name: a capitalised proper noun, or any capitalised word after
    a place cue ("in", "struck", "the town of"), or in a dateline."""
    if tok.lower_ in CALENDAR:
        return False
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    # "the town of Chasiv Yar", "struck Lviv": the words before make it a place whatever NER says
    attacked_on = before in ATTACK_PREPOSITIONS and tok.i > 1 and tok.doc[tok.i - 2].lemma_.lower() in ATTACKED_ON
    after_locative = before in STRONG_LOCATIVE or before in STRUCK or attacked_on or (
        before in PLACE_OF and tok.i > 1 and tok.doc[tok.i - 2].lower_ in SETTLEMENTS) or \
        in_dateline(tok.doc, tok.idx)  # a dateline names a place, tagged as it may be
    # "a northern Syrian town": a people's adjective is never the place, whatever precedes it
    return (tok.is_alpha and (tok.is_title or tok.is_upper) and not tok.is_stop
            and tok.ent_type_ not in NATIONALITY_ENTITIES
            and (tok.pos_ == "PROPN" or tok.ent_type_ in PLACE_ENTITIES or after_locative)
            and (tok.ent_type_ not in NON_PLACE_ENTITIES or after_locative or time_overreach(tok)))


def time_overreach(tok: Token) -> bool:
    """A name NER took into a time ("Odesa overnight" as TIME): a proper noun no calendar word."""
    return tok.ent_type_ in TIME_ENTITIES and tok.pos_ == "PROPN" and tok.lower_ not in CALENDAR


def could_be_in_place(tok: Token) -> bool:
    """A word that can continue a place name: capitalised, a hyphen, or a joined article."""
    return tok.text == "-" or ((tok.is_title or tok.is_upper) and not tok.is_stop and tok.is_alpha) \
        or _particle(tok)


def _particle(tok: Token) -> bool:
    """"al" of "Ras al-Ain": an article joined by a hyphen to the next word of a name."""
    doc = tok.doc
    return tok.lower_ in NAME_PARTICLES and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and tok.i > 0 \
        and doc[tok.i - 1].is_title


def has_particle(span: Span) -> bool:
    """True when a joined article stands inside `span` ("Jisr al - Shughur")."""
    return any(_particle(t) for t in span[1:-1])
