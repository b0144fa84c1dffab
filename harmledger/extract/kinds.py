"""Whether a word (or a verb with its object) speaks of death or of injury: the fixed English
lexicon first, then the WordNet classes for the word's part of speech."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from harmledger.extract.lang.en.lexicon import (
    ALTERNATIVE_JOINERS,
    BOTH_JOINERS,
    CASUALTY_IDIOMS,
    DEAD_PEOPLE,
    DEATH_COMPLEMENTS,
    DEATH_OBJECTS,
    EXTRA_DIE_VERBS,
    INJURED_WORDS,
    KILLED_WORDS,
)
from harmledger.extract.lang.en.syntax import (
    ACTIVE_PAST_TAGS,
    ADJECTIVE_COMPLEMENT,
    ADVERB_MODIFIER,
    ATTRIBUTE,
    COMPOUND,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PREPOSITION,
)
from harmledger.extract.lang.en.wordnet import word_classes

# the noun of an idiom ("lost their lives")
_IDIOM_OBJECTS = OBJECT | ATTRIBUTE
# "shot dead", "beaten to death"
_COMPLEMENTS = ADJECTIVE_COMPLEMENT | OBJECT_PREDICATE | ADVERB_MODIFIER | OPEN_COMPLEMENT | PREPOSITION


def kind_of(word: Token) -> str | None:
    """Killed or injured for a word of either class: the fixed lexicon, else the WordNet classes
    for its part of speech ("perished", "massacre", "maimed")."""
    classes = word_classes()
    for form in (word.lower_, word.lemma_.lower()):
        if form in KILLED_WORDS:
            return "killed"
        if form in INJURED_WORDS:
            return "injured"
    lemma = word.lemma_.lower()
    if word.pos_ == "VERB":
        if lemma in classes.kill_verbs or lemma in classes.die_verbs or lemma in EXTRA_DIE_VERBS:
            return "killed"
        if lemma in classes.injure_verbs:
            return "injured"
    elif word.pos_ == "NOUN" and word.dep_ not in COMPOUND:  # "suicide bomber" is no death
        if lemma in classes.death_nouns or lemma in DEAD_PEOPLE:
            return "killed"
        if lemma in classes.injury_nouns:
            return "injured"
    return None


def phrase_kind(verb: Token) -> str | None:
    """The count a verb makes with its object or complement: "lost their lives", "sustained
    injuries", "shot dead"."""
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ in _IDIOM_OBJECTS and (verb.lemma_.lower(), lemma) in CASUALTY_IDIOMS:
            return CASUALTY_IDIOMS[(verb.lemma_.lower(), lemma)]
        if child.dep_ in _COMPLEMENTS and child.i > verb.i and \
                (child.lower_ in DEATH_COMPLEMENTS or any(t.lower_ in DEATH_OBJECTS for t in child.children)):
            return "killed"
    return None


def combined(word: Token, kind: str) -> str:
    """"killed or wounded dozens": a figure for both is its own kind, never counted as killed."""
    doc = word.doc
    for a, b in ((word.i - 2, word.i - 1), (word.i + 2, word.i + 1)):
        if not 0 <= a < len(doc) or kind_of(doc[a]) in (None, kind):
            continue
        first, second = (kind_of(doc[a]), kind) if a < word.i else (kind, kind_of(doc[a]))
        if doc[b].lower_ in BOTH_JOINERS and (first, second) == ("injured", "killed"):
            return "killed"  # "shot and killed", "stabbed and killed": the wound, then the death
        if doc[b].lower_ in ALTERNATIVE_JOINERS or (
                doc[b].lower_ in BOTH_JOINERS and not {word.tag_, doc[a].tag_} & ACTIVE_PAST_TAGS
                and not _counted_apart(doc, a, word.i)):
            return "casualties"
    return kind


def _counted_apart(doc: Doc, other: int, this: int) -> bool:
    """"claimed 207 lives and injured over 450": the other kind's word has a figure of its own."""
    near = doc[max(0, other - 3):other] if other < this else doc[other + 1:other + 4]
    return any(t.like_num for t in near)
