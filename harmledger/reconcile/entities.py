"""Claimant entities: each claim's claimant string resolved to one entity of its incident.

Spellings, transliterations and titles fold into one entity by class rules, never by a list of
names: a person is the capitalised words of a claimant that are no title, keyed by a folded
surname (Cyrillic transliterated, "ch"/"sh", "y"/"i" and the like folded, lang/translit.py) and
met by another within one edit; an organisation or office is keyed by its content words (stems,
countries as codes) and meets another whose words hold all of its own. The cue words that give
an entity its source type and country come from the language packs' data (lang/<code>/sources.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from harmledger.extract.lang.en import claimants as en
from harmledger.extract.lang.en import speech
from harmledger.extract.lang.source_cues import read_cues
from harmledger.extract.lang.translit import FOLDS, LATIN_OF
from harmledger.models import Article, Claim, SourceType

_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s\b")
_STEM = 6  # organisation words are compared by their first letters: "defense"/"defence"
_REPORTER = "reporter"
# Every claimant is matched against the cues of all three languages, English first (the order of
# the cue tables breaks ties between cues of one length).
_CUE_LANGUAGES = ("en", "uk", "ru")


@dataclass(frozen=True)
class Entity:
    """Who a claimant is: a name for all its spellings, its kind, source type and country."""

    key: str
    name: str
    kind: str  # person | office | organisation | media | witnesses
    source_type: SourceType
    country: str = ""


@dataclass(frozen=True)
class _Reading:
    """One claimant string read: its words, the person's name in it, its cues."""

    text: str
    words: tuple[str, ...]
    name: tuple[str, ...]
    source_type: SourceType
    country: str


@cache
def _cues() -> tuple[tuple[tuple[str, ...], SourceType], ...]:
    return tuple((tuple(phrase.split()), kind)
                 for code in _CUE_LANGUAGES for phrase, kind in read_cues(code).source_cues)


@cache
def _countries() -> tuple[tuple[str, str], ...]:
    return tuple(item for code in _CUE_LANGUAGES for item in read_cues(code).country_words.items())


def _matches(cue: str, word: str) -> bool:
    return word.startswith(cue[:-1]) if cue.endswith("*") else word == cue


def source_type_of(words: tuple[str, ...]) -> SourceType:
    """The source type of the longest cue found in `words` (the earlier cue on a tie)."""
    best, size = SourceType.unknown, 0
    for cue, kind in _cues():
        if len(cue) > size and any(all(_matches(c, words[i + k]) for k, c in enumerate(cue))
                                   for i in range(len(words) - len(cue) + 1)):
            best, size = kind, len(cue)
    return best


def country_of(words: tuple[str, ...]) -> str:
    """The country code the first country word in `words` names, or ''."""
    for word in words:
        for cue, code in _countries():
            if _matches(cue, word):
                return code
    return ""


def fold(word: str) -> str:
    """A spelling key: Cyrillic transliterated, then Latin spelling variants folded."""
    out = "".join(LATIN_OF.get(ch, ch) for ch in word.lower())
    for old, new in FOLDS:
        out = out.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", out)


def read(claimant: str) -> _Reading:
    """Words, person name, source type and country of one claimant string."""
    text = _POSSESSIVE.sub("", claimant.strip())
    tokens = _WORD.findall(text)
    words = tuple(t.lower() for t in tokens)
    kind = source_type_of(words)
    country = country_of(words)
    if kind is SourceType.unknown and country and len(words) <= 2:
        kind = SourceType.national_government  # "Russia says", "Kyiv said": the state speaks
    return _Reading(claimant, words, _person_name(tokens), kind, country)


def _is_name_word(token: str) -> bool:
    low = token.lower()
    return (token[:1].isupper() and low not in en.TITLE_WORDS and not country_of((low,))
            and source_type_of((low,)) is SourceType.unknown)


def _person_name(tokens: list[str]) -> tuple[str, ...]:
    """The first run of two or more capitalised non-title words ("Kyrylo Tymoshenko"), or the
    claimant's one word when it is all there is ("Monastyrsky")."""
    runs: list[list[str]] = [[]]
    for token in tokens:
        if _is_name_word(token):
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    full = next((r for r in runs if len(r) >= 2), None)
    if full is not None:
        return tuple(full[:3])
    if len(tokens) == 1 and _is_name_word(tokens[0]):
        return (tokens[0],)
    return ()


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (names are short)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Surnames within one edit once folded (long enough to tell apart), first initials agreeing."""
    sa, sb = fold(a[-1]), fold(b[-1])
    close = sa == sb or (min(len(sa), len(sb)) >= 5 and _edits(sa, sb) <= 1)
    if not close:
        return False
    if len(a) > 1 and len(b) > 1:
        return fold(a[0])[:1] == fold(b[0])[:1]
    return True


def _org_key(reading: _Reading) -> frozenset[str]:
    fillers = en.FILLER_WORDS
    return frozenset(country_of((w,)) or fold(w)[:_STEM] for w in reading.words if w not in fillers)


def _kind(reading: _Reading) -> str:
    if reading.name:
        return "person"
    if reading.source_type is SourceType.media:
        return "media"
    if reading.source_type is SourceType.witness:
        return "witnesses"
    if any(w in en.TITLE_WORDS for w in reading.words[:2]):
        return "office"
    return "organisation"


def _root(article_id: str, articles: dict[str, Article]) -> tuple[str, str]:
    """The (id, outlet) of the story an article copies, or of the article itself."""
    a = articles.get(article_id)
    if a is None:
        return article_id, ""
    root = articles.get(a.duplicate_of or "", a)
    return root.id, root.outlet.strip()


def _media(claim: Claim, articles: dict[str, Article]) -> Entity:
    """The reporter of an article: the outlet (a reprint speaks with its original's voice)."""
    root, outlet = _root(claim.article_id, articles)
    a = articles.get(root)
    label = outlet or (a.source_id if a is not None else root)
    return Entity(f"media:{(outlet.lower() or root)}", f"reporter ({label})", "media", SourceType.media)


def resolve_entities(found: list[Claim], articles: dict[str, Article]) -> list[Entity]:
    """One entity per claim of `found`; claimants that name the same source share it."""
    readings: dict[str, _Reading] = {}
    out: list[Entity | None] = []
    for c in found:
        who = c.claimant.strip()
        if not who or who.lower() == _REPORTER:
            out.append(_media(c, articles))
        elif who.lower() in speech.PRONOUNS:
            # "it denied": the parser found only a pronoun; an unnamed source of its own per story
            root, _ = _root(c.article_id, articles)
            out.append(Entity(f"nameless:pronoun:{root}", "unnamed source", "organisation", SourceType.unknown))
        elif who.lower() in en.NAMELESS:
            # "officials said" in one story and in another are not known to be the same source
            root, _ = _root(c.article_id, articles)
            reading = read(who)
            out.append(Entity(f"nameless:{who.lower()}:{root}", who, "organisation", reading.source_type,
                              reading.country))
        else:
            readings.setdefault(who, read(who))
            out.append(None)
    groups = _cluster(list(readings.values()))
    named = {r.text: entity for members in groups for entity in [_entity(members)] for r in members}
    return [e if e is not None else named[c.claimant.strip()] for c, e in zip(found, out, strict=True)]


def _cluster(readings: list[_Reading]) -> list[list[_Reading]]:
    """Readings grouped: persons by surname, organisations by words that hold one another."""
    groups: list[list[_Reading]] = []
    for r in sorted(readings, key=lambda r: (-len(r.name), -len(r.words), r.text)):
        home = next((g for g in groups if any(_joins(r, m) for m in g)), None)
        if home is None:
            groups.append([r])
        else:
            home.append(r)
    return groups


def _joins(r: _Reading, head: _Reading) -> bool:
    if r.name or head.name:
        return bool(r.name and head.name) and same_person(r.name, head.name)
    a, b = _org_key(r), _org_key(head)
    small, large = sorted((a, b), key=len)
    same_type = r.source_type == head.source_type or SourceType.unknown in (r.source_type, head.source_type)
    return a == b or (len(small) >= 2 and small <= large and same_type)


def _entity(members: list[_Reading]) -> Entity:
    head = members[0]
    types: list[SourceType] = [m.source_type for m in members if m.source_type is not SourceType.unknown]
    kind: SourceType = max(sorted(set(types)), key=types.count) if types else SourceType.unknown
    country = next((m.country for m in members if m.country), "")
    if head.name:
        spelled = [" ".join(m.name) for m in members if len(m.name) == len(head.name)]
        name = max(spelled, key=lambda n: (spelled.count(n), n))
        return Entity(f"person:{fold(head.name[-1])}", name, "person", kind, country)
    name = min((m.text for m in members), key=lambda t: (len(t), t))
    return Entity(f"org:{' '.join(sorted(_org_key(head)))}", name, _kind(head), kind, country)
