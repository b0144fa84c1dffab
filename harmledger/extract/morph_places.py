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
from harmledger.extract.morph import Sentence, Tok

_NEAR_KM = 150.0


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


def _names(t: Tok) -> list[str]:
    return sorted(t.lemmas, key=lambda lemma: (lemma != t.low, lemma))


def find_places(sents: list[Sentence], pack: CyrillicPack, gazetteer: Gazetteer) -> list[MorphPlace]:
    """Every town a capitalised word of the article names, with its chosen gazetteer entry."""
    hits: list[MorphPlace] = []
    for si, s in enumerate(sents):
        toks = s.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            if not (t.is_word and t.capital and len(t.text) > 2) or t.text.isupper():
                i += 1
                continue
            found: list[GazEntry] = []
            width = 1
            if i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].capital:
                found = _lookup([f"{a} {b}" for a in _names(t) for b in _names(toks[i + 1])], gazetteer)
                width = 2 if found else 1
            if not found:
                found = _lookup(_names(t), gazetteer)
            if found:
                prev = toks[i - 1] if i > 0 else None
                locative = prev is not None and prev.is_word and prev.low in pack.locatives
                actor = prev is not None and prev.is_word and prev.has(pack.actor_heads)
                end = toks[i + width - 1].end
                hits.append(MorphPlace(si, t.start, end, s.text[t.start - s.start:end - s.start],
                                       found, locative, actor))
            i += width
    _choose(hits)
    return hits


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
    for h in hits:
        def score(e: GazEntry) -> float:
            near = any(a is not e and distance_km(a.lat, a.lon, e.lat, e.lon) < _NEAR_KM for a in anchors)
            return math.log10(max(e.population, 10)) + 3.0 * min(countries.get(e.country_code, 0), 2) + 2.0 * near
        h.chosen = max(h.candidates, key=score)
