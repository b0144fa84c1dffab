"""Places in Ukrainian and Russian text: capitalised words (and pairs) whose lemmas the gazetteer
knows by a Cyrillic alternate name ("Харкові" -> харків -> Kharkiv, "Кременчуге" -> Kremenchuk).

A namesake is chosen by the countries the article's other places are in and by nearness to them;
a town named as an actor ("под контролем Киева") is not a scene.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from harmledger.extract.gazetteer import GazEntry, Gazetteer, distance_km
from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.lang.grammemes import (
    ANIMATE,
    FIRST_NAME,
    GENITIVE,
    PERSON_NAMES,
    PLACE_NAME,
)
from harmledger.extract.lang.translit import romanise
from harmledger.extract.morph import Sentence, Tok, analyser, fold

_NEAR_KM = 150.0
_UNCUED_TOWN = 20_000  # a town named with no preposition or noun before it must be this big
_FOREIGN_TOWN = 100_000  # a town abroad smaller than this, in a story set elsewhere, is a namesake
_RESEMBLES = 0.6  # difflib ratio of a romanised name to a town's own name ("yelenovka"/"olenivka" 0.71)


@dataclass
class MorphPlace:
    """A town named in a sentence: where, the candidates, whether a locative precedes it."""

    sentence: int
    start: int
    end: int
    text: str
    candidates: list[GazEntry]
    locative: bool
    actor: bool
    cued: bool = False  # after a town or target noun ("станції Чаплине", "центру Донецька")
    chosen: GazEntry | None = None


_PERSON = PERSON_NAMES


def _names(t: Tok, language: str) -> list[str]:
    """The forms a word may name a town by: the lemmas of its noun analyses that are no personal
    name ("Харкові" -> харків; "Володимир" and "Тимошенко" name people), and the word itself."""
    parses = analyser(language).parse(t.low)
    person = any(_PERSON & set(p.tag.grammemes) for p in parses)
    lemmas = {fold(p.normal_form) for p in parses
              if p.tag.POS in ("NOUN", None) and not _PERSON & set(p.tag.grammemes)}
    if not lemmas and (person or any(p.tag.POS is not None for p in parses)):
        return []
    return sorted(lemmas | {t.low}, key=lambda lemma: (lemma != t.low, lemma))


def find_places(sents: list[Sentence], pack: CyrillicPack, gazetteer: Gazetteer,
                language: str) -> list[MorphPlace]:
    """Every town a capitalised word of the article names, with its chosen gazetteer entry."""
    hits: list[MorphPlace] = []
    for si, s in enumerate(sents):
        toks = s.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            # a dateline ("ДОНЕЦК, 14 мар —") is the one all-capital name read
            dateline = i == 0 and t.text.isupper() and i + 1 < len(toks) and toks[i + 1].text == ","
            if dateline:
                t = replace(t, low=fold(t.text), text=t.text.title())
            if not (t.is_word and t.capital and len(t.text) > 2) or (t.text.isupper() and not dateline) or \
                    _beside_a_person(toks, i, language) or (i == 0 and _not_only_noun(t, language)):
                i += 1
                continue
            found: list[GazEntry] = []
            width = 1
            if i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].capital:
                found = _lookup([f"{a} {b}" for a in _names(t, language) for b in _names(toks[i + 1], language)],
                                gazetteer)
                width = 2 if found else 1
            if not found:
                found = _lookup(_names(t, language), gazetteer)
            if not found:
                found = _lookup(_variants(_names(t, language), pack), gazetteer)
            if not any(e.country_code in pack.home_countries for e in found):
                found = _romanised(_names(t, language), pack, gazetteer) or found
            prev = toks[i - 1] if i > 0 else None
            locative = prev is not None and prev.is_word and prev.low in pack.locatives
            cued = prev is not None and prev.is_word and (prev.has(pack.town_words) or prev.has(pack.targets))
            # a name without a cue must be a town of some size or one the dictionary knows as a place
            known = locative or cued or width == 2 or _geographic(t, language) or \
                any(e.population >= _UNCUED_TOWN for e in found)
            # "мікрорайон Сонячний", "Шевченківському районі": a district; "районі Києва" is its town
            district = (i + width < len(toks) and toks[i + width].has(pack.district_words)) or \
                (prev is not None and prev.has(pack.district_words) and GENITIVE not in t.cases)
            if found and known and not district:
                actor = prev is not None and prev.is_word and prev.has(pack.actor_heads)
                end = toks[i + width - 1].end
                hits.append(MorphPlace(si, t.start, end, s.text[t.start - s.start:end - s.start],
                                       found, locative, actor, cued))
            i += width
    _choose(hits, pack)
    return hits


def _first_name(t: Tok, language: str) -> bool:
    """A capitalised word that can be a first name or a person ("Володимир" is a person and a town)."""
    return t.is_word and t.capital and any(
        FIRST_NAME in p.tag.grammemes or (ANIMATE in p.tag.grammemes and p.tag.POS == "NOUN")
        for p in analyser(language).parse(t.low))


def _geographic(t: Tok, language: str) -> bool:
    return any(PLACE_NAME in p.tag.grammemes and p.tag.POS == "NOUN" for p in analyser(language).parse(t.low))


def _beside_a_person(toks: tuple[Tok, ...], i: int, language: str) -> bool:
    """"Володимир Зеленський", "Олександр Камишин": a first name before a capitalised word, and the
    word after a first name, name a person, not a town."""
    after = toks[i + 1] if i + 1 < len(toks) else None
    return (_first_name(toks[i], language) and after is not None and after.is_word and after.capital) or \
        (i > 0 and _first_name(toks[i - 1], language))


def _not_only_noun(t: Tok, language: str) -> bool:
    """A sentence's first word is capitalised anyway: it names a town only if it is nothing but a
    noun ("Зараз" is first an adverb)."""
    return any(p.tag.POS not in ("NOUN", None) for p in analyser(language).parse(t.low))


def _variants(names: list[str], pack: CyrillicPack) -> list[str]:
    """The names with their endings swapped for the other language's (pack.name_variants)."""
    return [name[:-len(a)] + b for name in names for a, b in pack.name_variants if name.endswith(a)]


def _lookup(names: list[str], gazetteer: Gazetteer) -> list[GazEntry]:
    """Towns called by any of the forms (the word and its lemmas: "Винницы" is a Russian village's
    name and the genitive of Винница)."""
    found: dict[int, GazEntry] = {}
    for name in names:
        if not name.isascii():
            for e in gazetteer.towns(name):
                found.setdefault(e.geonameid, e)
    return list(found.values())


def _romanised(names: list[str], pack: CyrillicPack, gazetteer: Gazetteer) -> list[GazEntry]:
    """Towns at home known by a romanised form of the name in a Latin alternate name only (Olenivka
    is "Yelenovka", never "Еленовка"), whose own name still resembles it: a town renamed long ago
    (Zorynsk, once Yelenovka) is not meant by the old name today. Tried when no town at home has
    the Cyrillic name, and preferred to the namesakes abroad that have it (Sevan, "Еленовка")."""
    found: dict[int, GazEntry] = {}
    for name in names:
        latin = romanise(name, pack.romanisation, pack.romanisation_initial)
        for e in gazetteer.towns(latin):
            if e.country_code in pack.home_countries and \
                    SequenceMatcher(None, latin, fold(e.name)).ratio() >= _RESEMBLES:
                found.setdefault(e.geonameid, e)
    return list(found.values())


def _choose(hits: list[MorphPlace], pack: CyrillicPack) -> None:
    """Pick each hit's entry: the story's countries (the countries its unambiguous names are
    in), nearness to the other places, then population."""
    countries: Counter[str] = Counter(h.candidates[0].country_code for h in hits if len(h.candidates) == 1)
    if not countries:
        countries = Counter(h.candidates[0].country_code for h in hits)
    countries.update(pack.home_countries)
    anchors = [h.candidates[0] for h in hits if len(h.candidates) == 1]
    for h in list(hits):
        def score(e: GazEntry) -> float:
            near = any(a is not e and distance_km(a.lat, a.lon, e.lat, e.lon) < _NEAR_KM for a in anchors)
            return math.log10(max(e.population, 10)) + 3.0 * min(countries.get(e.country_code, 0), 2) + 2.0 * near
        h.chosen = max(h.candidates, key=score)
        others = {e.country_code for o in hits for e in o.candidates if h.chosen not in o.candidates}
        if h.chosen.country_code not in others | set(pack.home_countries) and h.chosen.population < _FOREIGN_TOWN:
            hits.remove(h)  # "Еленовка" as a small Armenian alternate name in a Ukrainian story
