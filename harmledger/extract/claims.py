"""Casualty figures found in one sentence: killed or injured, how many, of whom (zero reports are
in zeros.py, blame and denial in stances.py)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from harmledger.extract.groups import (
    NUMBER_ON_NOUN,
    group_of,
    group_word,
    named_people,
    opens_subgroup,
    part_count,
    partitive_noun,
    shared_group,
)
from harmledger.extract.kinds import combined, kind_of, phrase_kind
from harmledger.extract.lang.en.dates import AGGREGATE
from harmledger.extract.lang.en.lexicon import (
    AGE_MARKERS,
    AGENT_VERBS,
    BRIDGE_WORDS,
    CASUALTY_WORDS,
    CAUSE_PREPOSITIONS,
    CONFLICT_NOUNS,
    COUNTED_PRONOUNS,
    GROUPS,
    INCREMENT_PHRASES,
    INCREMENT_WORDS,
    INJURED_WORDS,
    KILLED_WORDS,
    OTHER_OUTCOMES,
    OUTCOME_NOUNS,
    OWN_KINDS,
    PART_OF,
    PARTITIVE_DETERMINERS,
    PEOPLE_COUNTERS,
    RANGE_FROM,
    RANGE_TO,
    SUBGROUP_OPENERS,
    SUBSET_DETERMINERS,
    SUBSET_PRONOUNS,
    VICTIM_NOUNS,
)
from harmledger.extract.lang.en.speech import (
    RELATIVES,
    TOLL_NOUNS,
)
from harmledger.extract.lang.en.syntax import (
    ADJECTIVE_COMPLEMENT,
    ADJECTIVE_MODIFIER,
    ANY_SUBJECT,
    CLAUSE_MODIFIER,
    COMPOUND,
    CONJUNCT,
    NUMBER_MODIFIER,
    OBJECT,
    OBJECT_PREDICATE,
    PASSIVE_AUX,
    PREPOSITION,
    PREPOSITION_OBJECT,
    QUANTITY_MODIFIER,
    RELATIVE_CLAUSE,
    SUBJECT,
)
from harmledger.extract.lang.en.wordnet import word_classes
from harmledger.extract.numbers import Figure, find_figures
from harmledger.extract.victims import single_victims
from harmledger.extract.zeros import zero_claims
from harmledger.models import Claim, ClaimKind, Qualifier

# a number counting the noun above it
_COUNTING = NUMBER_MODIFIER | QUANTITY_MODIFIER | COMPOUND
# children of a figure's head that can carry its kind
_KIND_BEARERS = CLAUSE_MODIFIER | ADJECTIVE_MODIFIER | RELATIVE_CLAUSE | SUBJECT | COMPOUND | OBJECT_PREDICATE \
    | ADJECTIVE_COMPLEMENT



def _is_increment(fig: Figure, sent: Span) -> bool:
    """"three more bodies were found", "1 person died in hospital": additions to a death toll,
    not the toll."""
    doc = sent.doc
    after = [t.lower_ for t in doc[fig.end:min(fig.end + 6, sent.end)]]
    if after[:1] and after[0] in INCREMENT_WORDS:
        return True
    text = " ".join(after)
    return any(phrase in text for phrase in INCREMENT_PHRASES)


def _is_superseded(fig: Figure, sent: Span) -> bool:
    """"the toll climbed from 30 to 39": the figure after "from" is the old one."""
    doc = sent.doc
    return (fig.start > sent.start and doc[fig.start - 1].lower_ in RANGE_FROM and fig.end + 1 < sent.end
            and doc[fig.end].lower_ in RANGE_TO)


def _is_age(fig: Figure, sent: Span) -> bool:
    """"children under 10", "a boy, 11,": the number is an age."""
    doc = sent.doc
    before = doc[fig.start - 1] if fig.start > sent.start else None
    if before is not None and before.lower_ in AGE_MARKERS:
        return True
    return bool(before is not None and before.text == "," and fig.start - 2 >= sent.start
                and GROUPS.get(doc[fig.start - 2].lemma_.lower()) not in (None, "all")
                and fig.end < sent.end and doc[fig.end].text == ",")


def _opens_with_total(fig: Figure, sent: Span) -> bool:
    """"Of the 33 dead, …": a total named in the sentence's opening partitive."""
    doc = sent.doc
    return fig.start - 2 == sent.start and doc[fig.start - 2].lower_ in PART_OF \
        and doc[fig.start - 1].lower_ in SUBSET_DETERMINERS \
        and fig.end < sent.end and kind_of(doc[fig.end]) in ("killed", "injured")


def _is_subset(fig: Figure, sent: Span) -> bool:
    """"25 of them hospitalised", "Of the 66 people hospitalised": a part of another figure,
    unless the part is a group of victims ("five of them children")."""
    doc = sent.doc
    if fig.start - 2 >= sent.start and doc[fig.start - 2].lower_ in PART_OF \
            and doc[fig.start - 1].lower_ in SUBSET_DETERMINERS:
        return not _opens_with_total(fig, sent)  # "Of the 33 dead": the toll the parts come from
    if fig.end + 1 < sent.end and doc[fig.end].lower_ in PART_OF \
            and doc[fig.end + 1].lower_ in SUBSET_PRONOUNS:
        after = doc[fig.end + 2] if fig.end + 2 < sent.end else None
        return after is None or GROUPS.get(after.lemma_.lower()) in (None, "all")
    return False


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
    return lemma in classes.kill_verbs or lemma in classes.injure_verbs or lemma in AGENT_VERBS


def _counts_people(fig: Figure, sent: Span) -> bool:
    """False for "one goal", "30 missile systems", "one of the cities": not a head count."""
    doc = sent.doc
    number = doc[fig.head]
    if fig.end < sent.end and doc[fig.end].lower_ in PART_OF and (
            fig.end + 1 >= sent.end or (doc[fig.end + 1].lower_ not in COUNTED_PRONOUNS
                                        and GROUPS.get(doc[fig.end + 1].lemma_.lower()) is None)):
        # "one of the cities"; but "dozens of people", "nine of the dead", "three of its staffers"
        noun = partitive_noun(fig, sent)
        return noun is not None and (group_word(noun) is not None or kind_of(noun) is not None
                                     or noun.lower_ in VICTIM_NOUNS or _names_people(noun))
    # "30 missile systems", "several buildings": the noun a number or a vague word counts
    if number.dep_ in NUMBER_ON_NOUN | ADJECTIVE_MODIFIER and number.head.pos_ in ("NOUN", "PROPN"):
        return _names_people(number.head)
    return True


def _names_people(noun: Token) -> bool:
    """A noun for people, or for the dead and hurt: "villagers", "men", "civilians", "casualties"."""
    words = (noun.lower_, noun.lemma_.lower())
    return named_people(noun) or any(
        w in GROUPS or w in KILLED_WORDS or w in INJURED_WORDS or w in CASUALTY_WORDS
        or w in word_classes().people_nouns or w in PEOPLE_COUNTERS for w in words)


def figure_kind(fig: Figure, sent: Span) -> str | None:
    """Killed or injured: the kind word right after the figure, else one above it in the parse."""
    doc = sent.doc
    for tok in doc[fig.end:min(fig.end + 6, sent.end)]:
        # "were shot dead": the verb's complement tells before the verb alone ("shot": wounded)
        kind = (phrase_kind(tok) if tok.pos_ == "VERB" else None) or kind_of(tok)
        if kind and tok.dep_ in ADJECTIVE_MODIFIER and tok.head.dep_ in SUBJECT and kind_of(tok.head.head):
            kind, tok = kind_of(tok.head.head), tok.head.head  # "one wounded man died": the verb tells
        if kind and tok.pos_ == "NOUN" and tok.dep_ in SUBJECT and tok.head.lemma_.lower() in OTHER_OUTCOMES:
            # "nine victims remain in hospital": the people's noun names them, the verb counts
            return OWN_KINDS.get(tok.head.lemma_.lower())
        if kind:
            return combined(tok, kind)
        if tok.lower_ in OTHER_OUTCOMES or tok.lemma_.lower() in OTHER_OUTCOMES:
            return OWN_KINDS.get(tok.lower_) or OWN_KINDS.get(tok.lemma_.lower())
        if tok.lower_ not in BRIDGE_WORDS and not tok.is_punct:
            break
    # "Three children were among the dead", "two officers were among those injured", "Among the
    # victims were three children"
    window = doc[max(sent.start, fig.start - 6):min(fig.end + 8, sent.end)]
    for tok in window:
        if tok.lower_ in SUBGROUP_OPENERS:
            j = tok.i + 1
            while j < sent.end and doc[j].lower_ in PARTITIVE_DETERMINERS:
                j += 1
            while j + 1 < sent.end and doc[j].dep_ in ADJECTIVE_MODIFIER | COMPOUND:
                j += 1  # "among the total death toll"
            if j + 1 < sent.end and doc[j].like_num:
                j += 1  # "among five people killed", "among the 12 wounded": the total's figure
                if j + 1 < sent.end and doc[j].pos_ == "NOUN" and not kind_of(doc[j]):
                    j += 1
            if j > tok.i + 1 and j < sent.end and (kind_of(doc[j]) or doc[j].lower_ in VICTIM_NOUNS):
                return kind_of(doc[j]) or "killed"
    return _kind_above(fig, sent)


def _kind_above(fig: Figure, sent: Span) -> str | None:
    """The kind a word above the figure in the parse gives it: its verb, a toll it sets, a noun."""
    doc = sent.doc
    node = doc[fig.head]
    # "three men, three women and six children" share the list's verb; "two killed, two people
    # (…) were injured" has a verb of its own further on
    later = next((k for t in doc[fig.end:sent.end] if (k := kind_of(t))), None)
    listed = later is None
    noun = node.head if node.dep_ in NUMBER_ON_NOUN else node
    if later is not None and noun.dep_ in CONJUNCT:
        return later
    # "wounding in excess of 200": a qualifier's words lie between the figure and its verb
    for _ in range(4 + fig.head - fig.start):
        while listed and node.dep_ in CONJUNCT and node.pos_ in ("NOUN", "PROPN") and node.head is not node:
            node = node.head
        if node.lemma_.lower() in OUTCOME_NOUNS:
            return None  # "the evacuation of thousands of citizens": they are not the wounded
        kind = (phrase_kind(node) if node.pos_ in ("VERB", "AUX") else None) or kind_of(node)
        if kind and later is not None and node.i < fig.start and noun.dep_ in ANY_SUBJECT:
            return later  # a subject's verb follows it: one before it is the parser's slip
        if kind:
            return combined(node, kind)
        # "were taken to hospital with injuries"
        for prep in (c for c in node.children if c.dep_ in PREPOSITION and c.lower_ in CAUSE_PREPOSITIONS):
            found = [k for p in prep.children if p.dep_ in PREPOSITION_OBJECT and (k := kind_of(p))
                     and k in CAUSE_PREPOSITIONS[prep.lower_]]
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
            # "police put the death toll at 321", "the toll had been put at 321"
            if child.dep_ in ANY_SUBJECT | OBJECT and child.lemma_.lower() in TOLL_NOUNS \
                    and (toll := _toll_kind(child)):
                return toll
        if node.head is node:
            break
        node = node.head
    return None


def _toll_kind(noun: Token) -> str | None:
    """The kind a toll noun counts: "death toll", "injury toll", "toll"; "the number of dead"."""
    for word in [c for c in noun.children if c.dep_ in COMPOUND | ADJECTIVE_MODIFIER] + [noun]:
        if word.dep_ in COMPOUND and word.lemma_.lower() in KILLED_WORDS | INJURED_WORDS:
            return "killed" if word.lemma_.lower() in KILLED_WORDS else "injured"
        if kind := kind_of(word):
            return kind
    objects = [t for p in noun.children if p.lower_ in PART_OF for t in p.children if t.dep_ in PREPOSITION_OBJECT]
    return next((k for t in objects if (k := kind_of(t))), None)


def _counts_a_war(sent: Span) -> bool:
    """"The war has left at least 350,000 people dead", "violence that has killed thousands": a
    toll whose subject is a whole conflict is no incident's toll."""
    return any(t.dep_ in ANY_SUBJECT and _stands_for(t).lemma_.lower() in CONFLICT_NOUNS
               and t.head.pos_ in ("VERB", "AUX") for t in sent)


def _stands_for(subject: Token) -> Token:
    """The noun a relative pronoun stands for ("the civil war, which has killed …"), else itself."""
    verb = subject.head
    if subject.lower_ in RELATIVES and verb.dep_ in RELATIVE_CLAUSE:
        return verb.head
    return subject


def figure_claims(sent: Span) -> list[tuple[Claim, Token]]:
    """Killed/injured claims in `sent` (claimant left empty), each with its anchor token."""
    if AGGREGATE.search(sent.text) or _counts_a_war(sent):
        return []
    out: list[tuple[Claim, Token]] = []
    subgroups: set[int] = set()
    subgroup_nouns: set[int] = set()  # the nouns subgroups counted ("children" of "four children")
    counted: list[Figure] = []  # the figures kept so far
    doc = sent.doc
    for fig in sorted(find_figures(sent) + single_victims(sent), key=lambda f: f.start):
        if _is_age(fig, sent) or _is_subset(fig, sent) or _is_superseded(fig, sent) \
                or not _counts_people(fig, sent):
            continue
        group = group_of(fig, sent)
        if part_count(fig, sent, group):
            continue
        # "nine foreigners, including four Chinese nationals": a part of a part takes its kind too
        previous = [c for c, _ in out if c.low is not None]
        # "including four children and a teacher": a list's next item is of the subgroup too;
        # "Of the 33 dead, five were children": so is any group counted after the total it opens
        noun = _counted_noun(doc[fig.head])
        listed = (noun.dep_ in CONJUNCT and noun.head.i in subgroup_nouns) or \
            any(_opens_with_total(f, sent) for f in counted)
        counted.append(fig)
        if group != "all" and previous and (listed or opens_subgroup(fig, sent)):
            kind: str | None = previous[-1].kind
        else:
            kind = figure_kind(fig, sent)
        if kind is None or (kind == "killed" and _is_increment(fig, sent)) or _is_agent(fig, sent):
            continue
        subgroup = group != "all" and (listed or opens_subgroup(fig, sent))
        if subgroup:
            subgroup_nouns.add(noun.i)
        group = shared_group(group, fig, sent, [c for c, _ in out if id(c) not in subgroups])
        claim = Claim(kind=ClaimKind(kind), claimant="", evidence=sent.text.strip(), start=sent.start_char,
                      end=sent.end_char, low=fig.low, high=fig.high, qualifier=Qualifier(fig.qualifier),
                      group=group)
        out.append((claim, doc[fig.head]))
        if subgroup:  # "…, including five Britons, and 500 injured": 500 are not Britons
            subgroups.add(id(claim))
    out.extend(zero_claims(sent))
    return _drop_subgroup_duplicates(out)


def _counted_noun(tok: Token) -> Token:
    """The noun a figure's word counts: "children" of "four", "teacher" of "a"."""
    return tok.head if tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") else tok


def _drop_subgroup_duplicates(found: list[tuple[Claim, Token]]) -> list[tuple[Claim, Token]]:
    seen: set[tuple[str, int | None, int | None, str]] = set()
    out = []
    for claim, tok in found:
        key = (claim.kind, claim.low, claim.high, claim.group)
        if key not in seen:
            seen.add(key)
            out.append((claim, tok))
    return out




def hospital_as_injured(claims: list[Claim]) -> list[Claim]:
    """A count of people taken to hospital is the injured count where the mention gives none of its
    own ("Fifty-nine people have been hospitalized."), as the field codes it; beside an injured
    count ("62 injured, of which 26 hospitalized") it stays a part of the hurt, kept apart."""
    if any(c.kind == ClaimKind.injured for c in claims):
        return claims
    return [replace(c, kind=ClaimKind.injured) if c.kind == ClaimKind.hospitalised else c for c in claims]
