"""Who said it: the speaker of reported speech, "according to X", or the reporter."""

from __future__ import annotations

from spacy.tokens import Span, Token

from harmledger.conventions import REPORTING_VERBS

REPORTER = "reporter"
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which"})
_TRIM = frozenset({"the", "a", "an", ",", "'s", "’s", "-", "—", "\"", "“", "”", "also", "on", "in",
                   "at", "earlier", "later", "then"})
_MAX_TOKENS = 14


def span_text(tokens: list[Token]) -> str:
    """Readable text of a token run, with leading/trailing articles and punctuation trimmed."""
    while tokens and (tokens[0].lower_ in _TRIM or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _TRIM or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text.replace("\n", " ")


def subject_phrase(verb: Token, exclude: Token | None = None) -> str:
    """The text of `verb`'s subject with its modifiers and appositions ("the regional governor");
    '' when the subject holds `exclude` ("At least 12 people were reported killed")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if exclude is not None and child.left_edge.i <= exclude.i <= child.right_edge.i:
                return ""
            tokens = [t for t in child.subtree if t.ent_type_ not in ("DATE", "TIME")]
            if len(tokens) > _MAX_TOKENS:
                tokens = [t for t in tokens if t.i <= child.i][-_MAX_TOKENS:]
            return span_text(tokens)
    return ""


def according_to(sent: Span) -> str:
    """The X of "according to X" in `sent`, or ''."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            to = tok.nbor(1)
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                tokens = list(objs[0].subtree)[:_MAX_TOKENS]
            else:
                tokens = [t for t in sent.doc[to.i + 1:min(sent.end, to.i + 8)]
                          if not t.is_punct or t.text in "'’"]
                cut = next((k for k, t in enumerate(tokens) if t.dep_ in ("ROOT",) or t.pos_ == "VERB"),
                           len(tokens))
                tokens = tokens[:cut]
            return span_text(tokens)
    return ""


def speaker_of(token: Token, sent: Span) -> str:
    """The claimant for a statement containing `token`: a reporting verb above it, or
    'according to X' in the sentence; '' when the sentence names nobody."""
    node: Token | None = token
    for _ in range(8):
        if node is None:
            break
        if node.lemma_ in REPORTING_VERBS and node.pos_ in ("VERB", "AUX"):
            who = subject_phrase(node, exclude=token)
            if who:
                return who
        if node.head is node:
            break
        node = node.head
    # A speech verb elsewhere in the sentence ("…, officials said.") that does not dominate it.
    for tok in sent:
        if tok.lemma_ in REPORTING_VERBS and tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "parataxis"):
            who = subject_phrase(tok, exclude=token)
            if who:
                return who
    return according_to(sent)


def is_pronoun(claimant: str) -> bool:
    return claimant.lower() in _PRONOUNS


_ANAPHORS = frozenset({"it", "this", "that", "so", "these"})


def anaphoric_speaker(sent: Span) -> str:
    """The speaker of a sentence that only points back: "Lunin reported about it", "X said this"."""
    for tok in sent:
        if tok.lemma_ in REPORTING_VERBS and tok.pos_ == "VERB":
            objects = [t for c in tok.children for t in ([c] + list(c.children))
                       if t.dep_ in ("dobj", "pobj", "ccomp", "advmod")]
            if any(o.lower_ in _ANAPHORS for o in objects) or len(sent) <= 8:
                who = subject_phrase(tok)
                if who and not is_pronoun(who):
                    return who
    return ""
