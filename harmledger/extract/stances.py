"""Blame and denial statements in one sentence, with who makes them."""

from __future__ import annotations

from spacy.tokens import Span, Token

from harmledger.extract.attribution import span_text, subject_phrase
from harmledger.extract.lang.en.speech import BLAME_VERBS, DENIAL_VERBS
from harmledger.extract.lang.en.syntax import OBJECT, PASSIVE_AUX
from harmledger.models import Claim, ClaimKind


def stance_claims(sent: Span) -> list[Claim]:
    """Blame ("Ukraine accuses Russia") and denial ("Moscow denies") statements in `sent`."""
    out: list[Claim] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in BLAME_VERBS and tok.pos_ == "VERB":
            kind = "blame"
        elif lemma in DENIAL_VERBS and tok.pos_ == "VERB":
            kind = "denial"
        else:
            continue
        who = subject_phrase(tok)
        if not who or any(c.dep_ in PASSIVE_AUX for c in tok.children):
            continue  # "X was accused": the accuser is not named here
        out.append(Claim(kind=ClaimKind(kind), claimant=who, evidence=sent.text.strip(),
                         start=sent.start_char, end=sent.end_char, accused=accused_of(tok, kind, who)))
    return out


def accused_of(verb: Token, kind: str, who: str) -> str:
    """Whom a blame accuses (its object: "accuses Russia of …"); a denial's speaker denies for itself."""
    if kind == ClaimKind.denial:
        return who
    objects = [c for c in verb.children if c.dep_ in OBJECT]
    if not objects:
        return ""
    # "of …"/"for …" hang on the verb, so the object's subtree is the accused alone
    return span_text(list(objects[0].subtree)[:8])
