"""Find place names in parsed text and resolve them against the gazetteer, in article context.

spaCy tags Kramatorsk as PRODUCT, so NER labels are one cue among several: a capitalised span is
a place candidate when the gazetteer knows it and the context supports it (a GPE/LOC label, a
locative preposition before it, or "region/oblast/city" after it).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from harmledger.extract.gazetteer import GazEntry, Gazetteer, distance_km, fold, loose, region_key
from harmledger.extract.lang.en.places import (
    ACTOR_PREPOSITIONS,
    AFFILIATION_PARTICIPLES,
    AREA_WORDS,
    BARE_REGION_WORDS,
    BORDER_WITH,
    BORDER_WORDS,
    CITY_PARTS,
    COMPASS,
    DISTANCE_UNITS,
    INSTITUTION_MODIFIERS,
    INSTITUTIONS,
    LOCATIVE,
    MEASURED_FROM,
    MOVEMENT_TO,
    MOVEMENT_VERBS,
    OFFICE_HOLDERS,
    OWN_NAME_OPENERS,
    PARTS,
    PLACE_OF,
    POSSESSIVES,
    REGION_WORDS,
    SETTLEMENTS,
    SETTLEMENTS_AFTER,
    STRONG_LOCATIVE,
    STRUCK,
    TITLE_PLACE,
    VILLAGE_WORDS,
)
from harmledger.extract.lang.en.speech import ACTOR_VERBS
from harmledger.extract.lang.en.syntax import (
    ANY_SUBJECT,
    PERSON_ENTITIES,
    PLACE_ENTITIES,
    PLACE_NAME_ENTITIES,
    PREPOSITION_OBJECT,
    SPEAKER_ENTITIES,
)
from harmledger.extract.name_words import could_be_in_place, could_start_place, has_particle, time_overreach
from harmledger.extract.nlp import in_dateline, in_furniture
from harmledger.models import Place, PlacePrecision

# Below this population a town needs a locative cue: small towns share names with everything.
_SMALL_TOWN = 15_000
# A city this large is meant by its name even abroad; a smaller namesake abroad is not.
_CITY = 100_000


@dataclass(frozen=True)
class PlaceHit:
    """One place name found in the text, with its candidates and how strongly it is a place."""

    text: str
    start: int  # character offsets
    end: int
    sent_start: int  # char offset of the sentence it stands in
    candidates: tuple[GazEntry, ...]
    kind: str  # town | region | country
    locative: bool  # stands after a locative preposition or carries a place label
    actor: bool  # not the scene: an actor ("Moscow denies"), a landmark ("85 miles west of X")
    dateline: bool = False  # in "KYIV, Ukraine (AP) —": where the story was filed (furniture.py)
    preposition: str = ""  # the word before the name, lower-cased ("in", "near" …)
    settles: bool = False  # a settlement word follows: "the Burkina Faso village of Solhan"


def find_place_hits(doc: Doc, gazetteer: Gazetteer) -> list[PlaceHit]:
    """Every gazetteer place named in `doc`, left to right."""
    hits: list[PlaceHit] = []
    i = 0
    n = len(doc)
    ents = doc.ents  # a new tuple of spans on every access: read it once
    headline: dict[int, bool] = {}  # by sentence start: each sentence is judged once, not per word
    while i < n:
        tok = doc[i]
        if not could_start_place(tok):
            i += 1
            continue
        sent = tok.sent
        if sent.start not in headline:
            headline[sent.start] = _headline(sent)
        if headline[sent.start]:
            i += 1
            continue
        found = _long_country(doc[i:min(i + 6, n)], gazetteer)
        for width in () if found else (5, 4, 3, 2, 1):
            if i + width > n or "\n" in doc[i:i + width].text:
                continue
            span = doc[i:i + width]
            # four or five tokens only around a particle ("Jisr al - Shughur")
            if (width > 3 and not has_particle(span)) or not all(could_be_in_place(t) for t in span) \
                    or _inside_larger_name(span, ents):
                continue
            found = _lookup(span, gazetteer, ents)
            if found:
                break
        if not found:
            i += 1
            continue
        span, candidates, kind = found
        if kind == "town" and _fragment(span, ents) and max(c.population for c in candidates) < _CITY:
            i = span.end  # "North" of "North Waziristan", which the gazetteer lacks: no town North
            continue
        before = _word_before(span)
        # a dateline's capitals name a place whatever NER calls them ("COLOMBO:" as an ORG)
        filed = in_dateline(doc, span.start_char)
        if in_furniture(doc, span.start_char) and not filed:
            i = span.end
            continue  # a byline or a stamp line names no place of the story
        locative = (before in LOCATIVE or span[0].ent_type_ in PLACE_ENTITIES or kind == "region" or filed)
        # "in the town of Chasiv Yar": "of" after a settlement word is locative too.
        settlement = before in PLACE_OF and span.start > 1 and doc[span.start - 2].lower_ in SETTLEMENTS
        # "the Serhiyivka community", "Chaplyne village": a settlement word after the name
        settlement = settlement or (span.end < n and doc[span.end].lower_ in SETTLEMENTS_AFTER)
        if settlement and kind == "town" and _called_a_village(span):
            # "the village of Mambasa" is no city of a million (Mombasa): a namesake, or a spelling
            candidates = [c for c in candidates if c.population < _CITY]
            if not candidates:
                i = span.end
                continue
        locative = locative or settlement
        labelled = span[0].ent_type_ in PLACE_ENTITIES or before in STRONG_LOCATIVE or settlement or filed
        if kind == "town" and not filed and (
                # a struck person ("attacked Nina") is rarer than a struck city, but not unknown
                (before in STRUCK and span[0].ent_type_ in PERSON_ENTITIES
                 and max(c.population for c in candidates) < _SMALL_TOWN)
                or (not locative and (max(c.population for c in candidates) < _SMALL_TOWN
                                   or span[0].ent_type_ in SPEAKER_ENTITIES
                                   or (span[0].is_upper and len(span.text) <= 4)))
                # "Sea" in "Black Sea" is an alternate name of Seattle: alternates need a place cue.
                or (not labelled and not gazetteer.is_primary_name(span.text) and span.text.isascii()
                    and max(c.population for c in candidates) < 100_000)):
            i = span.end
            continue
        head = span.root
        following = [t.lower_ for t in doc[span.end:min(span.end + 2, n)]]
        institution = bool(following) and (following[0] in INSTITUTIONS or (
            following[0] in POSSESSIVES and len(following) > 1 and following[1] in INSTITUTIONS) or (
            following[0] in INSTITUTION_MODIFIERS and len(following) > 1 and following[1] in OFFICE_HOLDERS))
        # the span may have taken the hyphen itself ("Riyadh-" before "led")
        after_hyphen = following[:1] if span[-1].text == "-" else following[1:2] if following[:1] == ["-"] else []
        affiliation = bool(after_hyphen) and after_hyphen[0] in AFFILIATION_PARTICIPLES
        actor = institution or affiliation or (head.dep_ in ANY_SUBJECT and head.head.lemma_ in ACTOR_VERBS) or \
            (head.dep_ in PREPOSITION_OBJECT and head.head.head.lemma_ in ACTOR_VERBS
             and before in ACTOR_PREPOSITIONS) or \
            _landmark(span)
        hits.append(PlaceHit(span.text, span.start_char, span.end_char, span.sent.start_char,
                             tuple(candidates), kind, locative, actor, dateline=filed, preposition=before,
                             settles=span.end < n and doc[span.end].lower_ in SETTLEMENTS_AFTER))
        i = span.end + (1 if kind == "region" else 0)
    return hits


def _word_before(span: Span) -> str:
    """The word before a place name, past the words for a part of it ("in northeastern Congo")."""
    doc = span.doc
    j = span.start - 1
    while j > 0 and doc[j].lower_ in AREA_WORDS and span.start - j <= 3:
        j -= 1
    return doc[j].lower_ if j >= 0 else ""


def _called_a_village(span: Span) -> bool:
    """"the village of X", "X village": the text calls the place small."""
    doc = span.doc
    return (span.start > 1 and doc[span.start - 2].lower_ in VILLAGE_WORDS) or \
        (span.end < len(doc) and doc[span.end].lower_ in VILLAGE_WORDS)


def _long_country(tokens: Span, gazetteer: Gazetteer) -> tuple[Span, list[GazEntry], str] | None:
    """"Democratic Republic of the Congo": a country's name of four to six words, small words inside."""
    if not tokens or not tokens[0].is_title:
        return None
    for width in range(len(tokens), 3, -1):
        span = tokens[:width]
        if span[-1].is_title and "\n" not in span.text and (country := gazetteer.country(span.text)) is not None:
            return span, [country], "country"
    return None


def _landmark(span: Span) -> bool:
    """A place named to locate another ("85 miles west of San Antonio", "near the border with
    Mali") or where people went after ("fled to Dori", "taken to Kabul"): not the scene."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    if before[-1:] and before[-1] in MEASURED_FROM and len(before) > 1 and (
            before[-2] in COMPASS or before[-2] in DISTANCE_UNITS):
        return True
    if before[-1:] and before[-1] in BORDER_WITH and len(before) > 1 and before[-2] in BORDER_WORDS:
        return True
    # "in Pulwama district of Jammu and Kashmir": the area that holds a named district or region
    # ("the region of Odesa" has no name before its region word: Odesa is the region)
    if len(before) == 3 and before[-1] in PLACE_OF and before[-2] in REGION_WORDS \
            and doc[span.start - 3].is_title:
        return True
    head = span.root.head
    return bool(before) and before[-1] in MOVEMENT_TO and head.lower_ in MOVEMENT_TO \
        and head.head.lemma_.lower() in MOVEMENT_VERBS


def _fragment(span: Span, ents: Sequence[Span]) -> bool:
    """The first words of a longer place name NER found ("North" of "North Waziristan"), the rest
    of it a name too, not a region word ("Kyiv Oblast" is Kyiv's)."""
    ent = next((e for e in ents if e.start == span.start and span.end < e.end), None)
    return ent is not None and ent.label_ in PLACE_NAME_ENTITIES and any(
        t.is_title and t.lower_ not in REGION_WORDS for t in span.doc[span.end:ent.end])


def _inside_larger_name(span: Span, ents: Sequence[Span]) -> bool:
    """"Washington" in "Washington Post" or "Sky" in "Sky News" is part of another name (`ents`:
    the doc's entities); a name after a possessive or a locative ("Niger's Tahoua region") is a
    name of its own."""
    doc = span.doc
    for ent in ents:
        if ent.start <= span.start and span.end <= ent.end:
            if ent.start < span.start and doc[span.start - 1].lower_ in OWN_NAME_OPENERS:
                return False  # "Robb Elementary School in Uvalde": the town is a place of its own
            if all(time_overreach(t) for t in span):
                return False
            part_of_place = ent.start == span.start - 1 and ent[0].lower_ in PARTS
            return ent.label_ not in PLACE_NAME_ENTITIES and len(ent) > len(span) and not part_of_place
    return False


def _headline(sent: Span) -> bool:
    """Title-case lines ("Missile Hits Train Station") make every word look like a name."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.is_title for t in words) / len(words) > 0.7


def _lookup(span: Span, gazetteer: Gazetteer, ents: Sequence[Span]) -> tuple[Span, list[GazEntry], str] | None:
    text = span.text
    doc = span.doc
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    # "the southern region of Odesa" names the region as surely as "the Odesa region"; "the
    # Slobidsky district of Kharkiv" is a part of the city
    region_of = span.start > 1 and doc[span.start - 1].lower_ in PLACE_OF and nxt not in SETTLEMENTS \
        and doc[span.start - 2].lower_ in REGION_WORDS - CITY_PARTS
    if nxt in REGION_WORDS or region_of:
        regions = gazetteer.region(text)
        if regions:
            return span, regions, "region"
    if text.lower() in BARE_REGION_WORDS:
        return None
    country = gazetteer.country(text)
    if country is not None:
        return span, [country], "country"
    towns = gazetteer.towns(text)
    # "a Texas school", "Borno": a region's own name beats small namesakes elsewhere, but not a
    # city ("Washington") nor a town inside a region of the same name ("Idlib").
    regions = gazetteer.named_regions(text) if span[0].is_title else []
    if regions and not any(t.population >= _CITY or any(_inside(t, r) for r in regions) for t in towns):
        return span, regions, "region"
    if towns:
        return span, towns, "town"
    # Loose spelling only for a name standing alone: "Soviet" in "Soviet Union" is not Sovet.
    if len(span) == 1 and len(text) > 5 and not _in_longer_entity(span, ents):
        towns = [t for t in gazetteer.towns_loosely(text) if t.population >= 1000]
        if towns:
            return span, towns, "town"
    return None


def _inside(town: GazEntry, region: GazEntry) -> bool:
    return (town.country_code, town.admin1_code) == (region.country_code, region.admin1_code)


def _in_longer_entity(span: Span, ents: Sequence[Span]) -> bool:
    return any(e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in ents)


def story_countries(hits: list[PlaceHit]) -> Counter[str]:
    """The countries a story is set in, each with how often the story names a place in it: those
    it puts something in ("in Burkina Faso", "in Negombo" for a city no other country shares),
    and those of the regions it names; the dateline and the actors are not the story."""
    single = [h for h in hits if len({c.country_code for c in h.candidates}) == 1 and not h.dateline]
    home = {h.candidates[0].country_code for h in single if not h.actor and (
        h.kind == "region" or (h.kind == "country" and h.settles) or (h.preposition in STRONG_LOCATIVE and (
            h.kind == "country" or h.candidates[0].population >= _CITY)))}
    return Counter(h.candidates[0].country_code for h in single if h.candidates[0].country_code in home)


def at_home(hits: list[PlaceHit]) -> list[PlaceHit]:
    """Hits without the namesakes abroad: a town none of whose candidates is in a country the
    story is set in, which is no city and which the story names less often than places there,
    is another place of the same name ("Solhan" in a story from Burkina Faso is not the Turkish
    town; "Temple Trees" in Colombo is not Temple, Texas), and so is a region abroad."""
    hits = _country_short_names(hits)
    home = story_countries(hits)
    if not home:
        return hits
    named = Counter(fold(h.text) for h in hits)
    kept = []
    for h in hits:
        countries = {c.country_code for c in h.candidates}
        abroad = h.kind != "country" and not countries & set(home) and \
            not (h.kind == "town" and max(c.population for c in h.candidates) >= _CITY)
        if abroad and named[fold(h.text)] <= max(home.values()):
            continue
        kept.append(_home_candidates(h, home))
    return kept


def _home_candidates(hit: PlaceHit, home: Counter[str]) -> PlaceHit:
    """A town with namesakes at home and abroad is the one at home ("Ras al-Ain" in a story set in
    Syria is not the Moroccan village), unless the one abroad is a city."""
    at_home_ = [c for c in hit.candidates if c.country_code in home]
    if hit.kind != "town" or not at_home_ or len(at_home_) == len(hit.candidates) \
            or any(c.population >= _CITY for c in hit.candidates if c.country_code not in home):
        return hit
    return replace(hit, candidates=tuple(at_home_))


def _country_short_names(hits: list[PlaceHit]) -> list[PlaceHit]:
    """"Congo" in a story that names the Democratic Republic of Congo is that country, not a
    town of the name elsewhere: a word of a country the article names stands for it."""
    countries = {h.candidates[0].country_code: h.candidates[0] for h in hits if h.kind == "country"}
    words = {w: entry for entry in countries.values() for w in fold(entry.name).split() if len(w) > 3}
    out = []
    for h in hits:
        entry = words.get(fold(h.text)) if h.kind == "town" else None
        out.append(replace(h, candidates=(entry,), kind="country") if entry is not None else h)
    return out


def choose_entries(hits: list[PlaceHit]) -> dict[int, GazEntry]:
    """Pick one candidate per hit: in the story's country, near the other places, then populous."""
    countries = Counter(h.candidates[0].country_code for h in hits if h.kind == "country")
    for h in hits:
        if len(h.candidates) == 1 and h.kind != "country" and h.candidates[0].population > 50_000:
            countries[h.candidates[0].country_code] += 1
    # Places that are surely meant: the only candidate of their name.
    anchors = [h.candidates[0] for h in hits if len(h.candidates) == 1 and h.kind == "town"]
    # Regions the article names ("in the Chernihiv region"): a namesake inside one is meant.
    regions = {(c.country_code, c.admin1_code) for h in hits if h.kind == "region" for c in h.candidates}
    chosen: dict[int, GazEntry] = {}
    for h in hits:
        # Own name up to romanisation: "Serhiivka" is Serhiyivka's own name, not an alternate.
        key = loose(fold(h.text))
        scores = [_candidate_score(e, countries, anchors, own_name=loose(fold(e.name)) == key)
                  + (3.0 if h.kind == "town" and (e.country_code, e.admin1_code) in regions else 0.0)
                  for e in h.candidates]
        chosen[h.start] = h.candidates[scores.index(max(scores))]
    return chosen


def _candidate_score(entry: GazEntry, countries: Counter[str], anchors: list[GazEntry],
                     own_name: bool) -> float:
    # A town called so in its own name beats one that merely lists it as an alternate.
    score = math.log10(max(entry.population, 10)) + (2.5 if own_name else 0.0)
    score += 3.0 * min(countries.get(entry.country_code, 0), 2)
    if any(a is not entry and distance_km(a.lat, a.lon, entry.lat, entry.lon) < 150 for a in anchors):
        score += 2.0
    return score


def to_place(entry: GazEntry, gazetteer: Gazetteer) -> Place:
    """A model Place for a gazetteer entry, with its admin1 name and precision."""
    admin1 = "" if entry.kind == "country" else gazetteer.admin1_of(entry)
    # "Idlib region", but "Province du Yagha" and "Clark County" already say what they are
    name = entry.name if entry.kind != "region" or region_key(entry.name) != fold(entry.name) \
        else f"{entry.name} region"
    return Place(name=name, country_code=entry.country_code, admin1=admin1, lat=entry.lat,
                 lon=entry.lon, geonameid=entry.geonameid, precision=PlacePrecision(entry.kind))


def title_place(title: str, gazetteer: Gazetteer) -> GazEntry | None:
    """The first well-known town (or region) a headline puts the news in, for an article whose
    text names none: headlines are title-cased too often to trust NER there, so a locative word
    and the gazetteer's own main names must both agree."""
    for m in TITLE_PLACE.finditer(title):
        words = m.group(1).split()
        for width in range(len(words), 0, -1):
            name = " ".join(words[:width])
            following = words[width].lower() if width < len(words) else ""
            if following in REGION_WORDS and (regions := gazetteer.region(name)):
                return regions[0]
            towns = [t for t in gazetteer.towns(name) if t.population >= _SMALL_TOWN]
            if towns and (gazetteer.is_primary_name(name) or loose(fold(towns[0].name)) == loose(fold(name))):
                return towns[0]
    return None
