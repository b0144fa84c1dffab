"""Who said it: the speaker of reported speech, "according to X", or the reporter."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from harmledger.conventions import REPORTING_VERBS
from harmledger.extract.nlp import after_blank_line

REPORTER = "reporter"
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which", "this", "that", "these"})
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
    '' when the subject holds `exclude` ("At least 12 people were reported killed"). A passive
    reporting verb speaks for its agent ("was reported by the governor"), or for nobody."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "was reported by the governor", "was announced during a briefing by X"
        for by in (t for t in verb.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep")):
            objs = [t for c in by.children if c.dep_ == "pobj" for t in c.subtree]
            if objs:
                return span_text(objs[:_MAX_TOKENS])
        # "This is stated in the message of the State Emergency Service"
        for of in (t for t in verb.subtree if t.lower_ == "of" and t.head.lemma_ in _CHANNELS):
            objs = [t for c in of.children if c.dep_ == "pobj" for t in c.subtree]
            if objs:
                return span_text(objs[:_MAX_TOKENS])
        return ""
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "officials called it a war crime and said …": a shared subject, if it can speak
        shared = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not shared or shared[0].lemma_.lower() in _NOT_SPEAKERS:
            return ""
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if exclude is not None and child.left_edge.i <= exclude.i <= child.right_edge.i:
                return ""
            if any(t.like_num for t in child.subtree):
                return ""  # "Another 40 people are reported missing": a count, not a speaker
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
        if tok.lemma_ in REPORTING_VERBS and tok.pos_ == "VERB" and tok.i > token.i:
            who = subject_phrase(tok, exclude=token)
            if who:
                return who
    return according_to(sent)


def is_pronoun(claimant: str) -> bool:
    return claimant.lower() in _PRONOUNS


_CHANNELS = frozenset({"message", "statement", "report", "post", "video", "briefing", "address",
                       "update", "telegram"})
_NOT_SPEAKERS = frozenset({"missile", "rocket", "strike", "attack", "shell", "drone", "bomb", "blast",
                           "explosion", "shelling", "airstrike"})
_ANAPHORS = frozenset({"it", "this", "that", "so", "these"})


def anaphoric_speaker(sent: Span) -> str:
    """The speaker of a sentence that only points back: "Lunin reported about it", "X said this"."""
    for tok in sent:
        if tok.lemma_ in REPORTING_VERBS and tok.pos_ == "VERB":
            objects = [t for c in tok.children for t in ([c] + list(c.children))
                       if t.dep_ in ("dobj", "pobj", "ccomp", "advmod")]
            named = any(c.dep_ == "nsubj" and c.ent_type_ in ("PERSON", "ORG") for c in tok.children)
            # "This was stated by the head of the administration"
            pointing = any(c.dep_ == "nsubjpass" and c.lower_ in _ANAPHORS for c in tok.children)
            if any(o.lower_ in _ANAPHORS for o in objects) or len(sent) <= 8 or named or pointing:
                who = subject_phrase(tok)
                if who and not is_pronoun(who):
                    return who
    return ""


# Sources that are not speakers: "according to the latest data" gives way to the official in context.
_WEAK_SOURCES = frozenset({"data", "information", "message", "figures", "statement", "update",
                           "estimates", "latest data", "preliminary data", "preliminary information"})
_TITLES = frozenset({"President", "Governor", "Mayor", "Minister", "Chief", "Head", "Commander",
                     "General", "Secretary", "Spokesman", "Spokeswoman", "Prosecutor", "Deputy"})
# How many sentences back a named speaker still speaks for an unattributed figure.
DISCOURSE_REACH = 3
# An official named as speaker in the first sentences speaks for the whole article's figures.
PRINCIPAL_REACH = 2


class Speakers:
    """Attribution across one article: who speaks for each figure, with the discourse in mind."""

    def __init__(self, doc: Doc, sents: list[Span]) -> None:
        self.doc = doc
        self.sents = sents
        self.last = ""  # the last named speaker
        self.last_at = -100  # the sentence where they spoke
        self.source_line = _source_line(sents)
        self.principal = ""  # a named official the article's opening relays

    def claimant(self, anchor: Token, index: int) -> str:
        """The claimant for a figure anchored at `anchor` in sentence `index`, a bare surname
        written out as the article first named the person ("Kim" → "Governor Vitaliy Kim")."""
        return self._full_name(self._claimant(anchor, index), self.sents[index].end_char)

    def _full_name(self, who: str, before: int) -> str:
        words = who.split()
        if not 1 <= len(words) <= 2 or not words[-1][:1].isupper():
            return who
        for ent in self.doc.ents:
            if ent.start_char >= before:
                break
            if ent.label_ == "PERSON" and len(ent) > len(words) and ent[-1].text == words[-1]:
                start = ent.start
                while start > 0 and self.doc[start - 1].text in _TITLES:
                    start -= 1
                return self.doc[start:ent.end].text
        return who

    def _claimant(self, anchor: Token, index: int) -> str:
        sent = self.sents[index]
        who = speaker_of(anchor, sent)
        if who and is_pronoun(who):
            return self.last or REPORTER
        if who and who.lower() not in _WEAK_SOURCES:
            return who
        if _earlier_reports(sent):
            return EARLIER_REPORTS
        if _is_quote(sent):
            quoted = self._quote_speaker(index)
            if quoted:
                return quoted
        if index + 1 < len(self.sents):
            following = self.sents[index + 1]
            # "This was announced by X" points back even across a paragraph break.
            if not after_blank_line(self.doc, following) or _points_back(following):
                pointed = anaphoric_speaker(following)
                if pointed:
                    return pointed
        if self.last and index - self.last_at <= DISCOURSE_REACH:
            return self.last
        return who or self.source_line or self.principal or REPORTER

    def advance(self, index: int) -> None:
        """Note the speaker of sentence `index`, if it names one."""
        sent = self.sents[index]
        who = speaker_of(sent.root, sent)
        if who and not is_pronoun(who) and who.lower() not in _WEAK_SOURCES:
            self.last, self.last_at = who, index
            if index <= PRINCIPAL_REACH and not self.principal and _is_person_or_office(sent, who):
                self.principal = who
        elif who and is_pronoun(who) and self.last:
            self.last_at = index

    def _quote_speaker(self, index: int) -> str:
        """The speaker named where a quotation closes ("…,” Kuleba said."), or the last one
        when it closes on a pronoun ("…,” he said.")."""
        for sent in self.sents[index:index + 8]:
            if sent is not self.sents[index] and after_blank_line(self.doc, sent):
                return ""
            who = speaker_of(sent.root, sent)
            if who:
                return self.last if is_pronoun(who) or who.lower() in _WEAK_SOURCES else who
        return ""


def _is_person_or_office(sent: Span, who: str) -> bool:
    """A named person, or an office held by one ("head of the regional administration")."""
    offices = ("head", "governor", "mayor", "minister", "chief", "spokes", "president", "commander",
               "service", "ministry", "administration", "police", "office", "prosecutor")
    if any(o in who.lower() for o in offices):
        return True
    return any(e.label_ in ("PERSON", "ORG") and e.text in who for e in sent.ents)


def _source_line(sents: list[Span]) -> str:
    """"Source: Head of the regional administration …": a credit line that attributes the
    article's unattributed figures (a convention of Ukrainian news sites)."""
    for sent in sents:
        text = sent.text.strip()
        head, _, rest = text.partition(":")
        if head.lower() in ("source", "sources") and rest.strip():
            return rest.strip().split(";")[0].strip()[:120]
    return ""


EARLIER_REPORTS = "earlier reports"
_EARLIER = frozenset({"earlier", "initially", "previously", "first", "initial", "originally"})


def _earlier_reports(sent: Span) -> bool:
    """"At least 8 people were previously reported dead", "Initially, there was talk of ten":
    an earlier, unattributed count."""
    if not any(t.lower_ in _EARLIER for t in sent):
        return False
    passive = any(t.lemma_ in REPORTING_VERBS and any(c.dep_ == "auxpass" for c in t.children)
                  and not any(c.dep_ == "agent" for c in t.children) for t in sent)
    return passive or "there was talk" in sent.text.lower()


def _points_back(sent: Span) -> bool:
    return sent[0].lower_ in ("this", "that", "it", "these") and any(
        t.dep_ == "auxpass" for t in sent)


def _is_quote(sent: Span) -> bool:
    return sent.text.lstrip()[:1] in ("\"", "“", "«", "'")
