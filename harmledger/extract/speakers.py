"""Who speaks for a figure across one article: quotations, the speaker in context, the official
an article relays, and a `Source:` credit line."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from harmledger.extract.attribution import (
    REPORTER,
    anaphoric_speaker,
    is_pronoun,
    is_reporting,
    speaker_of,
)
from harmledger.extract.lang.en.lexicon import CASUALTY_WORDS, INJURED_WORDS, KILLED_WORDS
from harmledger.extract.lang.en.speech import (
    EARLIER,
    GENERIC_SOURCES,
    HEARSAY_PHRASES,
    OFFICES,
    POINTING_OPENERS,
    RECAP_OPENERS,
    REPORTING_VERBS,
    SOURCE_LINE_HEADS,
    TITLE_DETERMINERS,
    TITLES,
    WEAK_SOURCES,
)
from harmledger.extract.lang.en.syntax import (
    AGENT,
    PASSIVE_AUX,
    PERSON_ENTITIES,
    SPEAKER_ENTITIES,
    SUBJECT,
)
from harmledger.extract.nlp import after_blank_line, starts_line

# How many sentences back a named speaker still speaks for an unattributed figure.
DISCOURSE_REACH = 3
# An official named as speaker in the first sentences speaks for the whole article's figures.
PRINCIPAL_REACH = 2
EARLIER_REPORTS = "earlier reports"
_OPENING_QUOTES = frozenset("“«")
_CLOSING_QUOTES = frozenset("”»")


class Speakers:
    """Attribution across one article: who speaks for each figure, with the discourse in mind."""

    def __init__(self, doc: Doc, sents: list[Span], outlet: str = "", text: str | None = None) -> None:
        """`text` is the doc's text when the caller has it (the string it parsed): `doc.text`
        joins every token again."""
        self.doc = doc
        self.ents = doc.ents  # a new tuple of spans on every access: read it once
        self._chunks: list[Span] | None = None  # noun chunks, found on first need (few articles need them)
        self.sents = sents
        self.outlet_words = _name_words(outlet)
        self.last = ""  # the last named speaker
        self.last_at = -100  # the sentence where they spoke
        self.source_line = _source_line(sents)
        self.principal = ""  # a named official the article's opening relays
        self.recap = False  # past a "As reported earlier, …" recap: the reporter's own summary
        text = doc.text if text is None else text
        # Sentences that open a line (a paragraph in most news copy), and those after a blank line;
        # extract_mentions reads `new_line` too rather than asking the doc again.
        self.new_line = [starts_line(text, s) for s in sents]
        self.new_para = [after_blank_line(text, s) for s in sents]
        self.quoted = _quoted_sentences(sents, self.new_line)

    def claimant(self, anchor: Token, index: int, lead: bool = True) -> str:
        """The claimant for a figure anchored at `anchor` in sentence `index` (`lead`: it belongs
        to the article's first mention), a bare surname written out as the article first named
        the person ("Kim" → "Governor Vitaliy Kim")."""
        return self._full_name(self._claimant(anchor, index, lead), self.sents[index].end_char)

    def _full_name(self, who: str, before: int) -> str:
        words = who.split()
        if len(words) == 1 and who.islower():
            return self._first_named(who, before)
        if len(words) == 1 and who.isupper() and 3 <= len(who) <= 8:
            return self._spelt_out(who) or who
        if not 1 <= len(words) <= 2 or not words[-1][:1].isupper():
            return who
        for ent in self.ents:
            if ent.start_char >= before:
                break
            if ent.label_ in PERSON_ENTITIES and len(ent) > len(words) and ent[-1].text == words[-1]:
                start = ent.start
                while start > 0 and self.doc[start - 1].text in TITLES:
                    start -= 1
                return self.doc[start:ent.end].text
        return who

    def _spelt_out(self, acronym: str) -> str:
        """"SOHR" → "Syrian Observatory for Human Rights": the name whose initials the acronym
        is, where the article writes it out (often just before "(SOHR)")."""
        letters = acronym.lower()
        words = [t for t in self.doc if not t.is_space]
        for i, tok in enumerate(words):
            if not tok.is_title or tok.text[0].lower() != letters[0]:
                continue
            picked: list[Token] = []
            for t in words[i:i + 2 * len(letters) + 2]:
                if t.is_title or t.is_upper:
                    picked.append(t)
                    if len(picked) == len(letters):
                        break
                elif not (t.is_lower and t.is_stop):
                    break
            if len(picked) == len(letters) and "".join(t.text[0].lower() for t in picked) == letters:
                return self.doc[picked[0].i:picked[-1].i + 1].text
        return ""

    def _first_named(self, noun: str, before: int) -> str:
        """"the official" after "a local official told Reuters": the fuller phrase the article
        first gave the same speaker, or `noun` itself."""
        if self._chunks is None:
            self._chunks = list(self.doc.noun_chunks)  # parsed anew on every access: once
        for chunk in self._chunks:
            if chunk.start_char >= before:
                break
            if chunk.root.lower_ == noun and len(chunk) > 1:
                words = [t for t in chunk if not t.is_punct and not t.like_num]
                if len(words) > 1 and words[0].lower_ in TITLE_DETERMINERS:
                    words = words[1:]
                if len(words) > 1 and len(words) <= 5:
                    return self.doc[words[0].i:words[-1].i + 1].text
        return noun

    def _claimant(self, anchor: Token, index: int, lead: bool) -> str:
        sent = self.sents[index]
        who = self._speaker(speaker_of(anchor, sent))
        if who and is_pronoun(who):
            return self.last or REPORTER
        if who and who.lower() not in WEAK_SOURCES:
            return who
        if _earlier_reports(sent):
            return EARLIER_REPORTS
        if _is_quote(sent) or index in self.quoted:
            quoted = self._quote_speaker(index)
            if quoted:
                return quoted
        if index + 1 < len(self.sents):
            following = self.sents[index + 1]
            # "This was announced by X" points back even across a paragraph break.
            if not self.new_para[index + 1] or _points_back(following):
                pointed = self._speaker(anaphoric_speaker(following))
                if pointed:
                    return pointed
        if self.last and index - self.last_at <= DISCOURSE_REACH and self._same_paragraph(index):
            return self.last
        if self.principal and lead and not self.recap:
            return self.principal
        return who or self.source_line or REPORTER

    def _speaker(self, who: str) -> str:
        """`who`, or '' when it is the article's own outlet ("Deutsche Welle reports: …"):
        a publisher reporting is the reporter's voice."""
        named = _name_words(who)
        if named and self.outlet_words and named <= self.outlet_words:
            return ""
        return who

    def _same_paragraph(self, index: int) -> bool:
        """No line break between the last speaker's sentence and sentence `index`: a new
        paragraph in news copy is a new attribution, unless it says otherwise."""
        return not any(self.new_line[self.last_at + 1:index + 1])

    def advance(self, index: int) -> None:
        """Note the speaker of sentence `index`, if it names one."""
        sent = self.sents[index]
        if _is_recap(sent):
            self.recap = True
        who = self._speaker(innermost_speaker(sent))
        if who and not is_pronoun(who) and who.lower() not in WEAK_SOURCES:
            self.last, self.last_at = who, index
            if index <= PRINCIPAL_REACH and not self.principal and _relays_the_lead(sent) \
                    and _is_person_or_office(sent, who):
                self.principal = who
        elif who and is_pronoun(who) and self.last:
            self.last_at = index

    def _quote_speaker(self, index: int) -> str:
        """The speaker named where a quotation closes ("…,” Kuleba said."), or the last one
        when it closes on a pronoun ("…,” he said.")."""
        closed = False
        for at in range(index, min(index + 8, len(self.sents))):
            sent = self.sents[at]
            if at > index and (self.new_para[at] or (closed and self.new_line[at])):
                return ""  # the quotation ended without naming its speaker
            who = self._speaker(speaker_of(sent.root, sent))
            if who:
                return self.last if is_pronoun(who) or who.lower() in WEAK_SOURCES else who
            closed = closed or _closes_quote(sent)
        return ""


def innermost_speaker(sent: Span) -> str:
    """The speaker of `sent`: the deepest reporting verb with a subject ("X said this, the
    agency reports" → X), else what `speaker_of` finds from the root."""
    verbs = [t for t in sent if t.pos_ == "VERB" and is_reporting(t)
             and t is not sent.root and any(c.dep_ in SUBJECT for c in t.children)]
    for verb in sorted(verbs, key=lambda t: -len(list(t.ancestors))):
        who = speaker_of(verb, sent)
        if who:
            return who
    return speaker_of(sent.root, sent)


def generic_source(claimant: str) -> bool:
    """"officials", "Ukrainian authorities": a source with no name, which a named one refines."""
    words = claimant.lower().split()
    return bool(words) and words[-1] in GENERIC_SOURCES


def specificity(claimant: str) -> int:
    """0 for the reporter or earlier reports, 1 for a nameless source, 2 for a named one."""
    if claimant in (REPORTER, EARLIER_REPORTS, ""):
        return 0
    return 1 if generic_source(claimant) else 2


def _name_words(name: str) -> set[str]:
    words = (w.strip(".,:;()[]\"'") for w in name.split())
    return {w.lower() for w in words if w[:1].isupper()}


def _relays_the_lead(sent: Span) -> bool:
    """A sentence that attributes the opening report: it points back at it ("This was
    reported by X", "X said this") or itself speaks of the dead and wounded."""
    if anaphoric_speaker(sent) or _points_back(sent):
        return True
    words = KILLED_WORDS | INJURED_WORDS | CASUALTY_WORDS
    return any(t.lower_ in words or t.lemma_.lower() in words for t in sent)


def _is_person_or_office(sent: Span, who: str) -> bool:
    """A named person, or an office held by one ("head of the regional administration")."""
    if any(o in who.lower() for o in OFFICES):
        return True
    return any(e.label_ in SPEAKER_ENTITIES and e.text in who for e in sent.ents)


def _source_line(sents: list[Span]) -> str:
    """"Source: Head of the regional administration …": a credit line that attributes the
    article's unattributed figures (a convention of Ukrainian news sites)."""
    for sent in sents:
        text = sent.text.strip()
        head, _, rest = text.partition(":")
        if head.lower() in SOURCE_LINE_HEADS and rest.strip():
            return rest.strip().split(";")[0].strip()[:120]
    return ""


def _quoted_sentences(sents: list[Span], new_line: list[bool]) -> set[int]:
    """Sentences that begin inside a quotation opened earlier in the same paragraph."""
    inside: set[int] = set()
    depth = 0
    straight = False
    for index, sent in enumerate(sents):
        if new_line[index]:
            depth, straight = 0, False
        elif depth > 0 or straight:
            inside.add(index)
        text = sent.text
        opened = sum(text.count(q) for q in _OPENING_QUOTES)
        closed = sum(text.count(q) for q in _CLOSING_QUOTES)
        depth = max(0, depth + opened - closed)  # counts, not a scan: this runs on every sentence
        straight ^= text.count('"') % 2 == 1
    return inside


def _closes_quote(sent: Span) -> bool:
    text = sent.text.rstrip()
    return any(ch in _CLOSING_QUOTES for ch in text) or text.count('"') % 2 == 1 \
        or text.endswith('"')


def _is_recap(sent: Span) -> bool:
    """"As reported earlier, …", "It will be recalled that …": the reporter summing up."""
    text = sent.text.strip().lower()
    return any(text.startswith(opener) for opener in RECAP_OPENERS)


def _earlier_reports(sent: Span) -> bool:
    """"At least 8 people were previously reported dead", "Initially, there was talk of ten":
    an earlier, unattributed count."""
    if not any(t.lower_ in EARLIER for t in sent):
        return False
    passive = any(t.lemma_ in REPORTING_VERBS and any(c.dep_ in PASSIVE_AUX for c in t.children)
                  and not any(c.dep_ in AGENT for c in t.children) for t in sent)
    return passive or any(phrase in sent.text.lower() for phrase in HEARSAY_PHRASES)


def _points_back(sent: Span) -> bool:
    return sent[0].lower_ in POINTING_OPENERS and any(
        t.dep_ in PASSIVE_AUX for t in sent)


def _is_quote(sent: Span) -> bool:
    return sent.text.lstrip()[:1] in ("\"", "“", "«", "'")
