"""Casualty figures found in one sentence: killed or injured, how many, of whom (zero reports are
in zeros.py, blame and denial in stances.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from harmledger.extract.kinds import combined, kind_of, phrase_kind
from harmledger.extract.lang.en.dates import AGGREGATE
from harmledger.extract.lang.en.lexicon import (
    AGE_MARKERS,
    BRIDGE_WORDS,
    CASUALTY_WORDS,
    CONFLICT_NOUNS,
    GROUPS,
    INJURED_WORDS,
    KILLED_WORDS,
    LIST_OPENERS,
    OTHER_OUTCOMES,
    OWN_KINDS,
    PEOPLE_NOUNS,
    SUBGROUP_OPENERS,
)
from harmledger.extract.lang.en.syntax import (
    ADJECTIVE_COMPLEMENT,
    ADJECTIVE_MODIFIER,
    ADVERB_MODIFIER,
    ANY_SUBJECT,
    ATTRIBUTE,
    CLAUSE_MODIFIER,
    COMPOUND,
    CONJUNCT,
    NUMBER_MODIFIER,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PASSIVE_AUX,
    PREPOSITION,
    PREPOSITION_OBJECT,
    QUANTITY_MODIFIER,
    RELATIVE_CLAUSE,
    SUBJECT,
)
from harmledger.extract.lang.en.wordnet import word_classes
from harmledger.extract.numbers import Figure, find_figures
from harmledger.extract.zeros import zero_claims
from harmledger.models import Claim

# the noun of an idiom ("lost their lives")
_IDIOM_OBJECTS = OBJECT | ATTRIBUTE
# "shot dead", "beaten to death"
_COMPLEMENTS = ADJECTIVE_COMPLEMENT | OBJECT_PREDICATE | ADVERB_MODIFIER | OPEN_COMPLEMENT | PREPOSITION
# a number's attachments to the noun it counts
_ON_A_NOUN = NUMBER_MODIFIER | QUANTITY_MODIFIER | COMPOUND | ADJECTIVE_MODIFIER
# the words of a group's name before its noun
_NAME_MODIFIERS = ADJECTIVE_MODIFIER | COMPOUND
# a number counting the noun above it
_COUNTING = NUMBER_MODIFIER | QUANTITY_MODIFIER | COMPOUND
# a number on its noun
_NUMBER_ON_NOUN = NUMBER_MODIFIER | QUANTITY_MODIFIER
# children of a figure's head that can carry its kind
_KIND_BEARERS = CLAUSE_MODIFIER | ADJECTIVE_MODIFIER | RELATIVE_CLAUSE | SUBJECT | COMPOUND | OBJECT_PREDICATE \
    | ADJECTIVE_COMPLEMENT

GROUP_VALUES = frozenset(GROUPS.values())


def _group_of(fig: Figure, sent: Span) -> str:
    doc = sent.doc
    if _child_age(doc, fig.end):
        return "children"
    number = doc[fig.head]
    noun = number.head if number.dep_ in _ON_A_NOUN else None
    for cand in ([noun] if noun is not None else []) + list(doc[fig.end:min(fig.end + 3, sent.end)]):
        group = GROUPS.get(cand.lemma_.lower()) or GROUPS.get(cand.lower_)
        if group:
            return group
        if cand.pos_ == "VERB":
            break
    if noun is not None and _named_people(noun):
        # "60 Afghans", "12 U.S. service members", "180 foreign mercenaries": the text's own group
        words = [t.text for t in noun.lefts if t.dep_ in _NAME_MODIFIERS and not t.like_num]
        return " ".join(words + [noun.text]).replace(".", "")
    # "five of them children"
    if fig.end + 2 < sent.end and doc[fig.end].lower_ == "of" and doc[fig.end + 1].lower_ in ("them", "whom"):
        return GROUPS.get(doc[fig.end + 2].lemma_.lower(), "all")
    return "all"


def _is_increment(fig: Figure, sent: Span) -> bool:
    """"three more bodies were found", "1 person died in hospital": additions to a death toll,
    not the toll."""
    doc = sent.doc
    after = [t.lower_ for t in doc[fig.end:min(fig.end + 6, sent.end)]]
    if after[:1] and after[0] in ("more", "additional", "further"):
        return True
    text = " ".join(after)
    return "died in hospital" in text or "died in the hospital" in text


def _shared_group(group: str, fig: Figure, sent: Span, before: list[Claim]) -> str:
    """"60 Afghans were killed and 143 wounded": a bare figure shares the group named before it;
    "15 more service members" after "12 US service members" takes the fuller name."""
    named = [c.group for c in before if c.group not in GROUP_VALUES and c.group != "all"]
    if not named:
        return group
    if group == "all" and sent.doc[fig.head].dep_ not in NUMBER_MODIFIER:
        return named[-1]
    fuller = [g for g in named if g.lower().endswith(group.lower()) and g != group]
    return fuller[-1] if fuller else group


def _is_superseded(fig: Figure, sent: Span) -> bool:
    """"the toll climbed from 30 to 39": the figure after "from" is the old one."""
    doc = sent.doc
    return (fig.start > sent.start and doc[fig.start - 1].lower_ == "from" and fig.end + 1 < sent.end
            and doc[fig.end].lower_ == "to")


def _is_age(fig: Figure, sent: Span) -> bool:
    """"children under 10", "a boy, 11,": the number is an age."""
    doc = sent.doc
    before = doc[fig.start - 1] if fig.start > sent.start else None
    if before is not None and before.lower_ in AGE_MARKERS:
        return True
    return bool(before is not None and before.text == "," and fig.start - 2 >= sent.start
                and GROUPS.get(doc[fig.start - 2].lemma_.lower()) not in (None, "all")
                and fig.end < sent.end and doc[fig.end].text == ",")


def _is_subset(fig: Figure, sent: Span) -> bool:
    """"25 of them hospitalised", "Of the 66 people hospitalised": a part of another figure,
    unless the part is a group of victims ("five of them children")."""
    doc = sent.doc
    if fig.start - 2 >= sent.start and doc[fig.start - 2].lower_ == "of" \
            and doc[fig.start - 1].lower_ in ("the", "those", "these"):
        return True
    if fig.end + 1 < sent.end and doc[fig.end].lower_ == "of" \
            and doc[fig.end + 1].lower_ in ("them", "whom", "which", "those"):
        after = doc[fig.end + 2] if fig.end + 2 < sent.end else None
        return after is None or GROUPS.get(after.lemma_.lower()) in (None, "all")
    return False


def _opens_subgroup(fig: Figure, sent: Span) -> bool:
    doc = sent.doc
    window = doc[max(sent.start, fig.start - 3):fig.start]
    return any(t.lower_ in SUBGROUP_OPENERS for t in window) or (
        fig.end < sent.end and doc[fig.end].lower_ == "of")


def _single_victims(sent: Span) -> list[Figure]:
    """"including a child", "among them a policeman": one victim named by an article;
    "among them a 7-year-old boy and a 12-year-old girl": children counted by their ages."""
    doc = sent.doc
    out = []
    for tok in sent:
        if tok.lower_ in ("a", "an") and tok.i - 1 >= sent.start and doc[tok.i - 1].lower_ in LIST_OPENERS:
            ages = _age_list(doc, tok.i, sent.end)
            if len(ages) > 1:
                children = sum(1 for age in ages if age < 18)
                if children:
                    out.append(Figure(children, children, "exact", tok.i, tok.i + 1, tok.i))
                continue
        if tok.lower_ in ("a", "an", "one") and tok.head.dep_ in CONJUNCT and tok.head.i == tok.i + 1 \
                and any(c.dep_ in NUMBER_MODIFIER for c in tok.head.head.children) \
                and GROUPS.get(tok.head.lemma_.lower()) not in (None, "all"):
            out.append(Figure(1, 1, "exact", tok.i, tok.i + 1, tok.i))  # "14 students and a teacher"
            continue
        if tok.lower_ in ("a", "an") and tok.i + 1 < sent.end and tok.i - 1 >= sent.start \
                and doc[tok.i - 1].lower_ in SUBGROUP_OPENERS | {"them"}:
            noun = doc[tok.i + 1]
            if GROUPS.get(noun.lemma_.lower()) not in (None, "all") or _child_age(doc, tok.i + 1):
                out.append(Figure(1, 1, "exact", tok.i, tok.i + 1, tok.i))
    return out


def _age_list(doc: Doc, i: int, end: int) -> list[int]:
    """Ages in "a 7-year-old boy, a 40-year-old teacher and a 12-year-old girl" from `i` on."""
    ages: list[int] = []
    while i + 3 < end and doc[i].lower_ in ("a", "an") and _small_number(doc[i + 1].text) \
            and doc[i + 2].text == "-" and doc[i + 3].lower_ == "year":
        ages.append(int(doc[i + 1].text))
        j = i + 4
        while j < end and doc[j].lower_ not in ("and", ",", "a", "an"):
            j += 1
        while j < end and doc[j].lower_ in ("and", ","):
            j += 1
        i = j
    return ages


def _child_age(doc: Doc, i: int) -> bool:
    """"a 9-year-old": an age under 18 standing for a child."""
    if i + 2 < len(doc) and doc[i].like_num and doc[i + 1].text == "-" and doc[i + 2].lower_ == "year":
        return _small_number(doc[i].text) and int(doc[i].text) < 18
    return False


def _small_number(text: str) -> bool:
    """Digits int() reads ("²" is a digit it refuses) and few enough to be an age."""
    return text.isdecimal() and len(text) <= 3


def _named_people(noun: Token) -> bool:
    """A plural noun for people that is not one of our groups: a nationality or a role."""
    return noun.tag_ in ("NNS", "NNPS") and (
        noun.ent_type_ == "NORP" or noun.lemma_.lower() in PEOPLE_NOUNS)


def _is_agent(fig: Figure, sent: Span) -> bool:
    """"Two suicide bombers killed 20", "gunmen who shot at a guard": the counted people are the
    subject of an active verb of killing or wounding, so they did it and did not suffer it."""
    number = sent.doc[fig.head]
    noun = number.head if number.dep_ in _COUNTING else number
    verb = noun.head
    # "50 killed, five of them children" is a headline's passive: no object, no agent
    if noun.dep_ not in SUBJECT or verb.pos_ != "VERB" or any(c.dep_ in PASSIVE_AUX for c in verb.children) \
            or not any(c.dep_ in OBJECT for c in verb.children):
        return False
    classes = word_classes()
    lemma = verb.lemma_.lower()
    return lemma in classes.kill_verbs or lemma in classes.injure_verbs or lemma in ("kill", "attack", "target")


def _counts_people(fig: Figure, sent: Span) -> bool:
    """False for "one goal", "30 missile systems", "one of the cities": not a head count."""
    doc = sent.doc
    number = doc[fig.head]
    if fig.end < sent.end and doc[fig.end].lower_ == "of" and (
            fig.end + 1 >= sent.end or (doc[fig.end + 1].lower_ not in ("them", "whom", "those")
                                        and GROUPS.get(doc[fig.end + 1].lemma_.lower()) is None)):
        return False  # "one of the cities"; but "dozens of people" counts people
    if number.dep_ in _NUMBER_ON_NOUN and number.head.pos_ in ("NOUN", "PROPN"):
        head = number.head
        words = (head.lower_, head.lemma_.lower())
        return _named_people(head) or any(
            w in GROUPS or w in KILLED_WORDS or w in INJURED_WORDS or w in CASUALTY_WORDS
            or w in word_classes().people_nouns
            or w in ("other", "others", "more", "dead", "wounded") for w in words)
    return True


def figure_kind(fig: Figure, sent: Span) -> str | None:
    """Killed or injured: the kind word right after the figure, else one above it in the parse."""
    doc = sent.doc
    for tok in doc[fig.end:min(fig.end + 6, sent.end)]:
        kind = kind_of(tok)
        if kind and tok.dep_ in ADJECTIVE_MODIFIER and tok.head.dep_ in SUBJECT and kind_of(tok.head.head):
            kind, tok = kind_of(tok.head.head), tok.head.head  # "one wounded man died": the verb tells
        if kind:
            return combined(tok, kind)
        if tok.lower_ in OTHER_OUTCOMES or tok.lemma_.lower() in OTHER_OUTCOMES:
            return OWN_KINDS.get(tok.lower_) or OWN_KINDS.get(tok.lemma_.lower())
        if tok.lower_ not in BRIDGE_WORDS and not tok.is_punct:
            break
    window = doc[fig.end:min(fig.end + 8, sent.end)]
    for tok in window:
        # "Three children were among the dead"
        if tok.lower_ == "among" and tok.i + 2 < sent.end and doc[tok.i + 1].lower_ == "the":
            kind = kind_of(doc[tok.i + 2])
            if kind or doc[tok.i + 2].lower_ in ("victims", "fatalities"):
                return kind or "killed"
    node = doc[fig.head]
    # "three men, three women and six children" share the list's verb; "two killed, two people
    # (…) were injured" has a verb of its own further on
    later = next((k for t in doc[fig.end:sent.end] if (k := kind_of(t))), None)
    listed = later is None
    noun = node.head if node.dep_ in _NUMBER_ON_NOUN else node
    if later is not None and noun.dep_ in CONJUNCT:
        return later
    for _ in range(4):
        while listed and node.dep_ in CONJUNCT and node.pos_ in ("NOUN", "PROPN") and node.head is not node:
            node = node.head
        kind = (phrase_kind(node) if node.pos_ in ("VERB", "AUX") else None) or kind_of(node)
        if kind and later is not None and node.i < fig.start and noun.dep_ in ANY_SUBJECT:
            return later  # a subject's verb follows it: one before it is the parser's slip
        if kind:
            return combined(node, kind)
        # "were taken to hospital with injuries"
        for prep in (c for c in node.children if c.dep_ in PREPOSITION and c.lower_ == "with"):
            found = [k for p in prep.children if p.dep_ in PREPOSITION_OBJECT and (k := kind_of(p))]
            if found:
                return found[0]
        for child in node.children:
            if child.i >= fig.start and child.i < fig.end:
                continue
            if child.dep_ in _KIND_BEARERS \
                    and kind_of(child):
                return kind_of(child)
            if child.dep_ in SUBJECT and any(kind_of(c) for c in child.subtree):
                return next(k for c in child.subtree if (k := kind_of(c)))
        if node.head is node:
            break
        node = node.head
    return None


def _counts_a_war(sent: Span) -> bool:
    """"The war has left at least 350,000 people dead", "violence that has killed thousands": a
    toll whose subject is a whole conflict is no incident's toll."""
    return any(t.dep_ in ANY_SUBJECT and t.lemma_.lower() in CONFLICT_NOUNS
               and t.head.pos_ in ("VERB", "AUX") for t in sent)


def figure_claims(sent: Span) -> list[tuple[Claim, Token]]:
    """Killed/injured claims in `sent` (claimant left empty), each with its anchor token."""
    if AGGREGATE.search(sent.text) or _counts_a_war(sent):
        return []
    out: list[tuple[Claim, Token]] = []
    doc = sent.doc
    for fig in sorted(find_figures(sent) + _single_victims(sent), key=lambda f: f.start):
        if _is_age(fig, sent) or _is_subset(fig, sent) or _is_superseded(fig, sent) \
                or not _counts_people(fig, sent):
            continue
        group = _group_of(fig, sent)
        previous = [c for c, _ in out if c.low is not None and c.group == "all"]
        if group != "all" and previous and _opens_subgroup(fig, sent):
            kind: str | None = previous[-1].kind
        else:
            kind = figure_kind(fig, sent)
        if kind is None or (kind == "killed" and _is_increment(fig, sent)) or _is_agent(fig, sent):
            continue
        group = _shared_group(group, fig, sent, [c for c, _ in out])
        claim = Claim(kind=kind, claimant="", evidence=sent.text.strip(), start=sent.start_char,
                      end=sent.end_char, low=fig.low, high=fig.high, qualifier=fig.qualifier,
                      group=group)
        out.append((claim, doc[fig.head]))
    out.extend(zero_claims(sent))
    return _drop_subgroup_duplicates(out)


def _drop_subgroup_duplicates(found: list[tuple[Claim, Token]]) -> list[tuple[Claim, Token]]:
    seen: set[tuple[str, int | None, int | None, str]] = set()
    out = []
    for claim, tok in found:
        key = (claim.kind, claim.low, claim.high, claim.group)
        if key not in seen:
            seen.add(key)
            out.append((claim, tok))
    return out


