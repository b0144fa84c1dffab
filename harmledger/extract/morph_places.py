"""Places in Ukrainian and Russian text: capitalised words (and pairs) whose lemmas the gazetteer
knows by a Cyrillic alternate name ("Харкові" -> харків -> Kharkiv, "Кременчуге" -> Kremenchuk).

A namesake is chosen by the countries the article's other places are in and by nearness to them;
a town named as an actor ("под контролем Киева") is not a scene.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from harmledger.extract.gazetteer import GazEntry, Gazetteer, distance_km
from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.morph import Sentence, Tok, analyser, fold

_NEAR_KM = 150.0
_FOREIGN_TOWN = 100_000  # a town abroad smaller than this, in a story set elsewhere, is a namesake


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
    chosen: GazEntry | None = None


_PERSON = frozenset({"Name", "Surn", "Patr"})


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
            if not (t.is_word and t.capital and len(t.text) > 2) or t.text.isupper() or \
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
            beside = [toks[k] for k in (i - 1, i + width) if 0 <= k < len(toks) and toks[k].is_word]
            if found and not any(b.has(pack.district_words) for b in beside):
                prev = toks[i - 1] if i > 0 else None
                locative = prev is not None and prev.is_word and prev.low in pack.locatives
                actor = prev is not None and prev.is_word and prev.has(pack.actor_heads)
                end = toks[i + width - 1].end
                hits.append(MorphPlace(si, t.start, end, s.text[t.start - s.start:end - s.start],
                                       found, locative, actor))
            i += width
    _choose(hits)
    return hits


def _is_person(t: Tok, language: str) -> bool:
    return t.is_word and t.capital and any(_PERSON & set(p.tag.grammemes) for p in analyser(language).parse(t.low))


def _beside_a_person(toks: tuple[Tok, ...], i: int, language: str) -> bool:
    """"Володимир Зеленський": a first name or surname next to a name is a person, not a town."""
    return _is_person(toks[i], language) and any(
        0 <= k < len(toks) and _is_person(toks[k], language) for k in (i - 1, i + 1))


def _not_only_noun(t: Tok, language: str) -> bool:
    """A sentence's first word is capitalised anyway: it names a town only if it is nothing but a
    noun ("Зараз" is first an adverb)."""
    return any(p.tag.POS not in ("NOUN", None) for p in analyser(language).parse(t.low))


def _lookup(names: list[str], gazetteer: Gazetteer) -> list[GazEntry]:
    for name in names:
        if name.isascii():
            continue
        found = gazetteer.towns(name)
        if found:
            return found
    return []


def _choose(hits: list[MorphPlace]) -> None:
    """Pick each hit's entry: the story's countries (the countries its unambiguous names are
    in), nearness to the other places, then population."""
    countries: Counter[str] = Counter(h.candidates[0].country_code for h in hits if len(h.candidates) == 1)
    if not countries:
        countries = Counter(h.candidates[0].country_code for h in hits)
    anchors = [h.candidates[0] for h in hits if len(h.candidates) == 1]
    for h in list(hits):
        def score(e: GazEntry) -> float:
            near = any(a is not e and distance_km(a.lat, a.lon, e.lat, e.lon) < _NEAR_KM for a in anchors)
            return math.log10(max(e.population, 10)) + 3.0 * min(countries.get(e.country_code, 0), 2) + 2.0 * near
        h.chosen = max(h.candidates, key=score)
        others = {e.country_code for o in hits if o is not h for e in o.candidates}
        if others and h.chosen.country_code not in others and h.chosen.population < _FOREIGN_TOWN:
            hits.remove(h)  # "Еленовка" as a small Armenian alternate name in a Ukrainian story
