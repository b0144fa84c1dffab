"""Reports of no casualties: "no casualties", "no one was hurt", "nobody was killed"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from harmledger.extract.kinds import kind_of
from harmledger.extract.lang.en.lexicon import (
    AMONG,
    CASUALTY_WORDS,
    GROUPS,
    NO_WORDS,
    NOBODY,
    ONE_WORDS,
    ZERO_BLOCKERS,
)
from harmledger.extract.lang.en.syntax import ADJECTIVE_MODIFIER, COMPOUND, PREPOSITION_OBJECT
from harmledger.models import Claim, ClaimKind, Qualifier

# the words of a group's name before its noun
_NAME_MODIFIERS = ADJECTIVE_MODIFIER | COMPOUND


def zero_claims(sent: Span) -> list[tuple[Claim, Token]]:
    """"No casualties", "no one was hurt", "nobody was killed" → claims of 0."""
    out: list[tuple[Claim, Token]] = []
    doc = sent.doc
    for tok in sent:
        kinds: list[str] = []
        if tok.lower_ in NOBODY or (tok.lower_ in NO_WORDS and tok.i + 1 < sent.end
                                    and tok.nbor(1).lower_ in ONE_WORDS):
            window = doc[tok.i + 1:min(tok.i + 6, sent.end)]
            kinds = [k for t in window if (k := kind_of(t))][:1]
        elif tok.lower_ in NO_WORDS and tok.i + 1 < sent.end:
            window = doc[tok.i + 1:min(tok.i + 3, sent.end)]
            if any(t.lower_ in ZERO_BLOCKERS for t in window):
                continue
            for t in window:
                if t.lower_ in CASUALTY_WORDS:
                    kinds = ["killed", "injured"]
                    break
                kind = kind_of(t)
                if kind:
                    kinds = [kind]
                    break
        group = _zero_group(tok, sent) if kinds else "all"
        for kind in kinds:
            out.append((Claim(kind=ClaimKind(kind), claimant="", evidence=sent.text.strip(),
                              start=sent.start_char, end=sent.end_char, low=0, high=0,
                              qualifier=Qualifier.exact, group=group), tok))
    return out


def _zero_group(tok: Token, sent: Span) -> str:
    """"no casualties among the security forces": the group a zero is about, else all."""
    doc = sent.doc
    for among in doc[tok.i:min(tok.i + 6, sent.end)]:
        if among.lower_ in AMONG:
            nouns = [c for c in among.children if c.dep_ in PREPOSITION_OBJECT]
            if nouns:
                noun = nouns[0]
                words = [t.text for t in noun.lefts if t.dep_ in _NAME_MODIFIERS] + [noun.text]
                return GROUPS.get(noun.lemma_.lower()) or " ".join(words).lower()
    return "all"
