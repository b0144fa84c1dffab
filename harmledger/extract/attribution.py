"""Who said it: the speaker of reported speech, "according to X", or the reporter."""

from __future__ import annotations

from spacy.tokens import Span, Token

from harmledger.extract.lang.en.lexicon import (
    PART_OF,
)
from harmledger.extract.lang.en.speech import (
    AGENT_PREPOSITIONS,
    ANAPHORS,
    CHANNEL_PREPOSITIONS,
    CHANNELS,
    COLON_REACH,
    NOT_SPEAKERS,
    NOT_SPEECH_OBJECTS,
    OFFICES,
    PRONOUNS,
    RELATIVES,
    RELAY_VERBS,
    REPORTING_VERBS,
    SOURCE_OPENERS,
    TOLL_NOUNS,
    TOLL_SETTING_VERBS,
    TRIM,
)
from harmledger.extract.lang.en.syntax import (
    ADVERB_MODIFIER,
    AGENT,
    ANY_SUBJECT,
    APPOSITION,
    CLAUSAL_COMPLEMENT,
    CLAUSE_MODIFIER,
    COMPOUND,
    CONJUNCT,
    GERUND_TAGS,
    OBJECT,
    PASSIVE_AUX,
    PASSIVE_SUBJECT,
    PERSON_ENTITIES,
    PREPOSITION,
    PREPOSITION_OBJECT,
    RELATIVE_CLAUSE,
    ROOT,
    SPEAKER_ENTITIES,
    SUBJECT,
    TIME_ENTITIES,
)
from harmledger.extract.nlp import in_furniture

# what "by" hangs on after a passive verb
_BY_PHRASE = AGENT | PREPOSITION
# clauses that describe a noun
_DESCRIBING = RELATIVE_CLAUSE | CLAUSE_MODIFIER
_NAME_PARTS = COMPOUND  # "Kyrylo" of "Kyrylo Tymoshenko"
# the source after "according to", "citing"
_OPENER_OBJECTS = PREPOSITION_OBJECT | OBJECT
# what a reporting verb points back at ("said this")
_POINTED_AT = OBJECT | PREPOSITION_OBJECT | CLAUSAL_COMPLEMENT | ADVERB_MODIFIER

REPORTER = "reporter"
_MAX_TOKENS = 14


def span_text(tokens: list[Token]) -> str:
    """Readable text of a token run, with leading/trailing articles and punctuation trimmed."""
    tokens = [t for t in tokens if not in_furniture(t.doc, t.idx)]  # "SANAA, Yemen — A health official"
    while tokens and (tokens[0].lower_ in TRIM or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in TRIM or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text.replace("\n", " ")


def subject_phrase(verb: Token, exclude: Token | None = None) -> str:
    """The text of `verb`'s subject with its modifiers and appositions ("the regional governor");
    '' when the subject holds `exclude` ("At least 12 people were reported killed"). A passive
    reporting verb speaks for its agent ("was reported by the governor"), or for nobody."""
    if any(c.dep_ in PASSIVE_AUX for c in verb.children):
        # "police were quoted as saying by local media": the quoted speak, not the media
        relayed = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT), None)
        if verb.lemma_.lower() in RELAY_VERBS and relayed is not None and _can_speak(relayed):
            return span_text(list(relayed.subtree)[:_MAX_TOKENS])
        # "was reported by the governor", "was announced during a briefing by X"
        for by in (t for t in verb.subtree if t.lower_ in AGENT_PREPOSITIONS and t.dep_ in _BY_PHRASE):
            objs = [t for c in by.children if c.dep_ in PREPOSITION_OBJECT for t in c.subtree]
            if objs:
                return span_text(objs[:_MAX_TOKENS])
        # "This is stated in the message of the State Emergency Service"
        for of in (t for t in verb.subtree if t.lower_ in PART_OF and t.head.lemma_ in CHANNELS):
            objs = [t for c in of.children if c.dep_ in PREPOSITION_OBJECT for t in c.subtree]
            if objs:
                return span_text(objs[:_MAX_TOKENS])
        return ""
    if not any(c.dep_ in ANY_SUBJECT for c in verb.children):
        # "officials called it a war crime and said …", "the ministry issued a statement
        # saying …": the speaker is the subject of the clause the verb hangs on
        if verb.dep_ in CONJUNCT:
            shared = _coordinated_clause(verb)
        elif verb.tag_ in GERUND_TAGS:
            shared = _governing_clause(verb)
        elif _after_apposition(verb):
            # "…,” Oleh Syniehubov, Governor of the Region, posted on Telegram: the parser hangs the
            # verb on the name as a modifier when a title stands between them
            head = verb.head
            start = min([c.left_edge.i for c in head.lefts if c.dep_ in _NAME_PARTS] + [head.i])
            return span_text(list(verb.doc[start:verb.left_edge.i])[:_MAX_TOKENS])
        else:
            shared = None
        if shared is None:
            return ""
        verb = shared
    for child in verb.children:
        if child.dep_ in ANY_SUBJECT and not in_furniture(child.doc, child.idx):
            if exclude is not None and child.left_edge.i <= exclude.i <= child.right_edge.i:
                # "At least 12 people were reported killed": the figure is no speaker; but the
                # parser may also hang "strikes killed 30, the ministry said" on "said" as a
                # second subject, and then the other subject speaks
                continue
            if child.lower_ in RELATIVES and verb.dep_ in RELATIVE_CLAUSE and verb.head.pos_ in ("NOUN", "PROPN"):
                child = verb.head  # "officials, who added …": the relative stands for its noun
            # A relative clause describes the speaker ("officials, who added that three …")
            # and is no part of the name.
            described = {t.i for c in child.children if c.dep_ in _DESCRIBING for t in c.subtree}
            phrase = [t for t in child.subtree if t.i not in described]
            if any(t.like_num for t in phrase) or child.lemma_.lower() in TOLL_NOUNS | NOT_SPEAKERS:
                # "Another 40 people are reported missing", "the total confirmed dead as 18":
                # a count or a weapon, not a speaker
                return ""
            tokens = [t for t in phrase if t.ent_type_ not in TIME_ENTITIES]
            if len(tokens) > _MAX_TOKENS:
                # "The World Health Organization (WHO) emergency representative in South Darfur, Dr.
                # Amina Yusuf, said": too long a phrase to keep, the person named in it speaks
                person = [t for t in tokens if t.ent_type_ in PERSON_ENTITIES]
                tokens = person if person else [t for t in tokens if t.i <= child.i][-_MAX_TOKENS:]
            return span_text(tokens)
    return ""


def _can_speak(subject: Token) -> bool:
    return subject.lemma_.lower() not in NOT_SPEAKERS and subject.lower_ not in RELATIVES


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT), None)


def _coordinated_clause(verb: Token) -> Token | None:
    """The clause a subjectless conjunct shares its subject with: the nearest verb before it
    that has one, since the parser often hangs "… and said" on the sentence root instead."""
    for tok in reversed(verb.doc[verb.head.i:verb.i]):
        subject = _subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return tok if _can_speak(subject) else None
    return None


def _governing_clause(verb: Token) -> Token | None:
    """The clause above a subjectless participle ("issued a statement saying …"); None when a
    reporting verb stands higher up, whose subject the caller finds by climbing to it."""
    clauses = [t for t in list(verb.ancestors)[:4] if t.pos_ in ("VERB", "AUX") and _subject(t)]
    if not clauses or any(t.lemma_ in REPORTING_VERBS for t in clauses):
        return None
    subject = _subject(clauses[0])
    return clauses[0] if subject is not None and _can_speak(subject) else None


def according_to(sent: Span) -> str:
    """The X of "according to X" (or "quoted from X", "citing X", "cited by X") in `sent`, or ''."""
    for tok in sent:
        if tok.lower_ not in _OPENING_WORDS:
            continue  # most words open no opener: skip matching each opener word by word
        opener = next((words for words in SOURCE_OPENERS if _opens(tok, words, sent)), None)
        if opener is None:
            continue
        last = sent.doc[tok.i + len(opener) - 1]
        objs = [c for c in last.children if c.dep_ in _OPENER_OBJECTS]
        if objs:
            tokens = list(_maker(objs[0]).subtree)[:_MAX_TOKENS]
        else:
            tokens = [t for t in sent.doc[last.i + 1:min(sent.end, last.i + 8)]
                      if not t.is_punct or t.text in "'’"]
            cut = next((k for k, t in enumerate(tokens) if t.dep_ in ROOT or t.pos_ == "VERB"),
                       len(tokens))
            tokens = tokens[:cut]
        return span_text(tokens)
    return ""


_OPENING_WORDS = frozenset(words[0] for words in SOURCE_OPENERS)


def _maker(source: Token) -> Token:
    """Who made a channel ("a statement from the prosecutor's office": the office), else `source`."""
    if source.lemma_.lower() not in CHANNELS:
        return source
    made_by = [g for p in source.children if p.dep_ in PREPOSITION and p.lower_ in CHANNEL_PREPOSITIONS
               for g in p.children if g.dep_ in PREPOSITION_OBJECT]
    return made_by[0] if made_by else source


def _opens(tok: Token, words: tuple[str, ...], sent: Span) -> bool:
    return tok.i + len(words) <= sent.end and all(
        sent.doc[tok.i + k].lower_ == w for k, w in enumerate(words))


def is_reporting(verb: Token) -> bool:
    """A verb that attributes what follows to its subject: "said", "revealed", "tweeted", and
    a verb that sets a toll ("gave a toll of 82", "raised the toll to 22"), but not "claimed the
    lives of 32"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if lemma in TOLL_SETTING_VERBS and any(
            c.dep_ in OBJECT and c.lemma_.lower() in TOLL_NOUNS for c in verb.children):
        return True
    return lemma in REPORTING_VERBS and _speaks(verb)


def speaker_of(token: Token, sent: Span) -> str:
    """The claimant for a statement containing `token`: a reporting verb above it, or
    'according to X' in the sentence; '' when the sentence names nobody."""
    node: Token | None = token
    for _ in range(8):
        if node is None:
            break
        if is_reporting(node):
            who = subject_phrase(node, exclude=token)
            if who:
                return who
        if node.head is node:
            break
        node = node.head
    # A speech verb elsewhere in the sentence ("…, officials said.") that does not dominate it.
    for tok in sent:
        if tok.pos_ == "VERB" and tok.i > token.i and is_reporting(tok):
            who = subject_phrase(tok, exclude=token)
            if who:
                return who
    return according_to(sent) or _before_colon(token, sent)


def _after_apposition(verb: Token) -> bool:
    """A reporting verb taken as a modifier of a person's name, a title and a comma between them."""
    head = verb.head
    return verb.dep_ in CLAUSE_MODIFIER and head.ent_type_ in PERSON_ENTITIES and head.i < verb.i \
        and any(c.dep_ in APPOSITION for c in head.children) and verb.doc[verb.i - 1].text == ","


def _before_colon(token: Token, sent: Span) -> str:
    """"Governor Oleh Kiper: four people were killed": a named speaker or office before a colon."""
    colon = next((t for t in sent[:COLON_REACH] if t.text == ":"), None)
    if colon is None or token.i < colon.i or colon.i == sent.start:
        return ""
    before = sent.doc[sent.start:colon.i]
    named = any(t.ent_type_ in SPEAKER_ENTITIES for t in before) or any(
        t.lower_.startswith(OFFICES) for t in before)
    return span_text(list(before)) if named else ""


def _speaks(verb: Token) -> bool:
    """False for a reporting verb used otherwise: "the bomb claimed the lives of 32"."""
    return not any(c.dep_ in OBJECT and c.lower_ in NOT_SPEECH_OBJECTS for c in verb.children)


def is_pronoun(claimant: str) -> bool:
    return claimant.lower() in PRONOUNS


def anaphoric_speaker(sent: Span) -> str:
    """The speaker of a sentence that only points back: "Lunin reported about it", "X said this"."""
    for tok in sent:
        if tok.lemma_ in REPORTING_VERBS and tok.pos_ == "VERB":
            objects = [t for c in tok.children for t in ([c] + list(c.children))
                       if t.dep_ in _POINTED_AT]
            named = any(c.dep_ in SUBJECT and c.ent_type_ in SPEAKER_ENTITIES for c in tok.children)
            # "This was stated by the head of the administration"
            pointing = any(c.dep_ in PASSIVE_SUBJECT and c.lower_ in ANAPHORS for c in tok.children)
            if any(o.lower_ in ANAPHORS for o in objects) or len(sent) <= 8 or named or pointing:
                who = subject_phrase(tok)
                if who and not is_pronoun(who):
                    return who
    return ""
