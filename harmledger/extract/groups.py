"""Which victims a figure counts: the README's group names ("children", "fighters", "staff"),
a name the text gives ("Britons", "foreign mercenaries"), or "all"; and whether the figure is a
part of another (a subgroup, a part-count)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from harmledger.extract.kinds import kind_of
from harmledger.extract.lang.en.lexicon import (
    AGE_UNIT,
    BREAKDOWN_GROUPS,
    GROUP_PHRASES,
    GROUP_PRONOUNS,
    GROUPS,
    PART_OF,
    PARTITIVE_DETERMINERS,
    PARTITIVE_PRONOUNS,
    PEOPLE_NOUNS,
    SUBGROUP_OPENERS,
    VICTIM_NOUNS,
)
from harmledger.extract.lang.en.syntax import (
    ADJECTIVE_MODIFIER,
    ANY_SUBJECT,
    ATTRIBUTE,
    COMPOUND,
    CONJUNCT,
    DETERMINER,
    NATIONALITY_ENTITIES,
    NUMBER_MODIFIER,
    OPEN_COMPLEMENT,
    PLURAL_NOUN_TAGS,
    PLURAL_PROPER_NOUN_TAGS,
    PREPOSITION_OBJECT,
    QUANTITY_MODIFIER,
)
from harmledger.extract.lang.en.wordnet import word_classes
from harmledger.extract.numbers import Figure
from harmledger.models import Claim

# a number's attachments to the noun it counts
_ON_A_NOUN = NUMBER_MODIFIER | QUANTITY_MODIFIER | COMPOUND | ADJECTIVE_MODIFIER
# the words of a group's name before its noun
_NAME_MODIFIERS = ADJECTIVE_MODIFIER | COMPOUND
# a number on its noun
NUMBER_ON_NOUN = NUMBER_MODIFIER | QUANTITY_MODIFIER
GROUP_VALUES = frozenset(GROUPS.values())


def group_of(fig: Figure, sent: Span) -> str:
    doc = sent.doc
    if child_age(doc, fig.end):
        return "children"
    number = doc[fig.head]
    # "30 people"; "a three-year-old girl" (one victim counted by its article)
    noun = number.head if number.dep_ in _ON_A_NOUN | DETERMINER else None
    for cand in ([noun] if noun is not None else []) + list(doc[fig.end:min(fig.end + 3, sent.end)]):
        group = group_word(cand)
        if group == "all":
            break  # "12 people": unless they are said to be a group ("12 people are servicemen")
        if group:
            return group
        if cand.pos_ in ("VERB", "PUNCT"):
            break  # "the toll rose to 359, police said": the police are not its group
    if noun is not None and named_people(noun):
        # "12 members of one family", "members of the security forces": their group is what they
        # are members of, if it names one
        of = [t for p in noun.children if p.lower_ in PART_OF for t in p.children if t.dep_ in PREPOSITION_OBJECT]
        if of:
            return group_word(of[0]) or "all"
        return _own_name(noun)
    # "five of them children"
    if fig.end + 2 < sent.end and doc[fig.end].lower_ in PART_OF and doc[fig.end + 1].lower_ in GROUP_PRONOUNS:
        return GROUPS.get(doc[fig.end + 2].lemma_.lower(), "all")
    return _predicate_group(fig, sent) or "all"


def group_word(word: Token) -> str | None:
    """The group a noun names: a two-word name ("foreign nationals"), a group noun, or "men"
    when it stands in a breakdown beside another group."""
    lemma = word.lemma_.lower()
    for child in word.children:
        if child.dep_ in _NAME_MODIFIERS and (child.lemma_.lower(), lemma) in GROUP_PHRASES:
            return GROUP_PHRASES[(child.lemma_.lower(), lemma)]
    group = GROUPS.get(lemma) or GROUPS.get(word.lower_)
    if group or lemma not in BREAKDOWN_GROUPS or word.tag_ not in PLURAL_NOUN_TAGS \
            or not any(c.dep_ in NUMBER_ON_NOUN for c in word.children):
        return group  # "dozens of men, women and children" counts them all
    beside = [t for t in word.children if t.dep_ in CONJUNCT] + ([word.head] if word.dep_ in CONJUNCT else [])
    return BREAKDOWN_GROUPS[lemma] if any(GROUPS.get(t.lemma_.lower()) not in (None, "all") for t in beside) \
        else None


def _own_name(noun: Token) -> str:
    """"60 Afghans", "12 U.S. service members", "180 foreign mercenaries": the text's own group."""
    words = [t.text for t in noun.lefts if t.dep_ in _NAME_MODIFIERS and not t.like_num]
    return " ".join(words + [noun.text]).replace(".", "")


def partitive_noun(fig: Figure, sent: Span) -> Token | None:
    """The people a figure is a part of: "nine of the dead", "three of its staffers"."""
    doc = sent.doc
    i = fig.end
    if i >= sent.end or doc[i].lower_ not in PART_OF:
        return None
    i += 1
    while i < sent.end and doc[i].lower_ in PARTITIVE_DETERMINERS:
        i += 1
    return doc[i] if i < sent.end and doc[i].pos_ in ("NOUN", "ADJ", "VERB", "PROPN") else None


def _predicate_group(fig: Figure, sent: Span) -> str | None:
    """"Nine of the deceased were foreign tourists", "one of the wounded was a student": the
    group is what the counted people are said to be."""
    number = sent.doc[fig.head]
    if number.dep_ in NUMBER_ON_NOUN and number.head.dep_ in ANY_SUBJECT:
        number = number.head  # "12 people are servicemen": the counted noun is the subject
    if number.dep_ not in ANY_SUBJECT:
        return None
    copula: Token | None = number.head
    if copula is not None and copula.pos_ != "AUX":
        # "at least 17 believed to be children": the copula under a verb of belief
        copula = next((c for c in copula.children if c.dep_ in OPEN_COMPLEMENT and c.pos_ == "AUX"), None)
    if copula is None:
        return None
    for attr in (c for c in copula.children if c.dep_ in ATTRIBUTE and c.i > number.i):
        group = group_word(attr)
        if group:
            return group
        if attr.tag_ in PLURAL_NOUN_TAGS and named_people(attr):
            return _own_name(attr)
    return None


def part_count(fig: Figure, sent: Span, group: str) -> bool:
    """"Five of the injured are in critical condition": a part of the dead or injured that is no
    group of victims is no claim (README: never a part-count)."""
    noun = partitive_noun(fig, sent)
    return group == "all" and noun is not None and (kind_of(noun) is not None or noun.lower_ in VICTIM_NOUNS)


def shared_group(group: str, fig: Figure, sent: Span, before: list[Claim]) -> str:
    """"60 Afghans were killed and 143 wounded": a bare figure shares the group named before it;
    "15 more service members" after "12 US service members" takes the fuller name."""
    named = [c.group for c in before if c.group not in GROUP_VALUES and c.group != "all"]
    if not named:
        return group
    if group == "all" and sent.doc[fig.head].dep_ not in NUMBER_MODIFIER:
        return named[-1]
    fuller = [g for g in named if g.lower().endswith(group.lower()) and g != group]
    return fuller[-1] if fuller else group


def opens_subgroup(fig: Figure, sent: Span) -> bool:
    doc = sent.doc
    window = doc[max(sent.start, fig.start - 3):fig.start]
    if any(t.lower_ in SUBGROUP_OPENERS for t in window):
        return True
    if fig.end + 1 < sent.end and doc[fig.end].lower_ in PART_OF:  # "five of them", not "dozens of civilians"
        return doc[fig.end + 1].lower_ in PARTITIVE_DETERMINERS | PARTITIVE_PRONOUNS
    # "including five children and two women": a later item of the list the opener began
    noun = doc[fig.head].head if doc[fig.head].dep_ in NUMBER_ON_NOUN else doc[fig.head]
    while noun.dep_ in CONJUNCT and noun.head is not noun:
        noun = noun.head
    return noun is not doc[fig.head].head and noun.head.lower_ in SUBGROUP_OPENERS


def child_age(doc: Doc, i: int) -> bool:
    """"a 9-year-old": an age under 18 standing for a child."""
    if i + 2 < len(doc) and doc[i].like_num and doc[i + 1].text == "-" and doc[i + 2].lower_ in AGE_UNIT:
        return small_number(doc[i].text) and int(doc[i].text) < 18
    return False


def small_number(text: str) -> bool:
    """Digits int() reads ("²" is a digit it refuses) and few enough to be an age."""
    return text.isdecimal() and len(text) <= 3


def named_people(noun: Token) -> bool:
    """A plural noun for people that is not one of our groups: a nationality or a role
    ("Afghans", "Britons", a plural proper noun for people; "mercenaries", "nationals")."""
    lemma = noun.lemma_.lower()
    return noun.tag_ in PLURAL_NOUN_TAGS and (
        noun.ent_type_ in NATIONALITY_ENTITIES or lemma in PEOPLE_NOUNS
        # the tagger leaves a plural proper noun unlemmatised ("Britons")
        or (noun.tag_ in PLURAL_PROPER_NOUN_TAGS and lemma.removesuffix("s") in word_classes().people_nouns))
