"""Victims an article counts without a number: "including a child", "killing a Yemeni man",
"14 students and a teacher", "among them a 7-year-old boy and a 12-year-old girl"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from harmledger.extract.groups import child_age, small_number
from harmledger.extract.kinds import kind_of, phrase_kind
from harmledger.extract.lang.en.lexicon import (
    AGE_UNIT,
    GROUPS,
    INDEFINITE_ARTICLES,
    LIST_JOINERS,
    LIST_OPENERS,
    MEMBER_OPENERS,
    ONE_ITEM,
    PEOPLE_NOUNS,
    SUBGROUP_OPENERS,
)
from harmledger.extract.lang.en.syntax import (
    ANY_SUBJECT,
    ATTRIBUTE,
    CONJUNCT,
    NUMBER_MODIFIER,
    OBJECT,
    PASSIVE_SUBJECT,
    SINGULAR_NOUN_TAGS,
    SUBJECT,
)
from harmledger.extract.lang.en.wordnet import word_classes
from harmledger.extract.numbers import Figure


def single_victims(sent: Span) -> list[Figure]:
    """"including a child", "among them a policeman": one victim named by an article;
    "among them a 7-year-old boy and a 12-year-old girl": children counted by their ages."""
    doc = sent.doc
    out = []
    for tok in sent:
        if tok.lower_ in INDEFINITE_ARTICLES and tok.i - 1 >= sent.start and doc[tok.i - 1].lower_ in LIST_OPENERS:
            ages = _age_list(doc, tok.i, sent.end)
            if len(ages) > 1:
                children = sum(1 for age in ages if age < 18)
                if children:
                    out.append(Figure(children, children, "exact", tok.i, tok.i + 1, tok.i))
                continue
        if tok.lower_ in ONE_ITEM and tok.head.dep_ in CONJUNCT and tok.head.i == tok.i + 1 \
                and any(c.dep_ in NUMBER_MODIFIER for c in tok.head.head.children) \
                and GROUPS.get(tok.head.lemma_.lower()) not in (None, "all"):
            out.append(Figure(1, 1, "exact", tok.i, tok.i + 1, tok.i))  # "14 students and a teacher"
            continue
        if tok.lower_ in INDEFINITE_ARTICLES and tok.i + 1 < sent.end and tok.i - 1 >= sent.start \
                and doc[tok.i - 1].lower_ in MEMBER_OPENERS:
            noun = tok.head if tok.head.i > tok.i else doc[tok.i + 1]  # "including an off-duty officer"
            if GROUPS.get(noun.lemma_.lower()) not in (None, "all") or child_age(doc, tok.i + 1):
                out.append(Figure(1, 1, "exact", tok.i, tok.i + 1, tok.i))
                continue
        if tok.lower_ in INDEFINITE_ARTICLES and _one_victim(tok):
            out.append(Figure(1, 1, "exact", tok.i, tok.i + 1, tok.i))
    return out


def _one_victim(article: Token) -> bool:
    """"killing a Yemeni man", "a child died", "a police officer was wounded": one person who
    suffered a verb of killing or wounding (never its doer: "a gunman killed five")."""
    noun = article.head
    if noun.tag_ not in SINGULAR_NOUN_TAGS or not _a_person(noun) or GROUPS.get(noun.lemma_.lower()) == "attackers":
        return False
    verb = noun.head
    if verb.pos_ == "AUX" and noun.dep_ in ANY_SUBJECT | ATTRIBUTE:
        # "among the dead was a policeman"
        return any(c.lower_ in SUBGROUP_OPENERS and any(kind_of(t) for t in c.subtree) for c in verb.children)
    if verb.pos_ != "VERB" or not (kind_of(verb) or phrase_kind(verb)):
        return False
    if noun.dep_ in OBJECT or noun.dep_ in PASSIVE_SUBJECT:
        return True
    # "a child died", "a man lost his life": the subject of a verb with no object (or with the
    # object of an idiom) suffered it
    return noun.dep_ in SUBJECT and (phrase_kind(verb) is not None or not any(c.dep_ in OBJECT for c in verb.children))


def _a_person(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in GROUPS or lemma in PEOPLE_NOUNS or lemma in word_classes().people_nouns


def _age_list(doc: Doc, i: int, end: int) -> list[int]:
    """Ages in "a 7-year-old boy, a 40-year-old teacher and a 12-year-old girl" from `i` on."""
    ages: list[int] = []
    while i + 3 < end and doc[i].lower_ in INDEFINITE_ARTICLES and small_number(doc[i + 1].text) \
            and doc[i + 2].text == "-" and doc[i + 3].lower_ in AGE_UNIT:
        ages.append(int(doc[i + 1].text))
        j = i + 4
        while j < end and doc[j].lower_ not in LIST_JOINERS | INDEFINITE_ARTICLES:
            j += 1
        while j < end and doc[j].lower_ in LIST_JOINERS:
            j += 1
        i = j
    return ages
