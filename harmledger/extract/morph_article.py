"""The mentions of a Ukrainian or Russian article, read by lemmas (no parser): the same nouns as
the English reader fills — main and other mentions, their claims with claimants, date, place,
event type, target (in shared English words, so reports in any language meet) and weapon.

The article's first sentence with an attack word or a figure opens the main mention; a later
sentence with figures, or an attack sentence, naming a town more than 30 km from every mention so
far opens another, `background` when its date is earlier than the main one's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from harmledger.conventions import SAME_PLACE_KM
from harmledger.extract.gazetteer import GazEntry, Gazetteer, distance_km
from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.morph import CYRILLIC_PACKS, Sentence, sentences
from harmledger.extract.morph_dates import DateHit, find_dates, writing_day
from harmledger.extract.morph_figures import figure_claims
from harmledger.extract.morph_places import MorphPlace, find_places
from harmledger.extract.morph_speakers import Voices, stance_claims
from harmledger.extract.places import to_place
from harmledger.models import UNKNOWN_DATE, Article, Claim, DatePrecision, EventDate, EventType, Mention, Role

SAME_DAY_SLACK = 2


@dataclass
class _Draft:
    role: Role
    place: GazEntry | None
    sents: list[int] = field(default_factory=list)
    event_dates: list[DateHit] = field(default_factory=list)
    other_dates: list[DateHit] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def young(self) -> bool:
        return not any(c.is_figure for c in self.claims)


def extract_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    """The mentions (main and background) of a Ukrainian or Russian `article`."""
    language = article.language.lower()
    pack = CYRILLIC_PACKS[language]
    sents = sentences(article.text, language)
    if not sents:
        return []
    written = writing_day(sents, pack, date.today()) if article.published is None else None
    reference = article.published or (written.value if written else None)
    places = [p for p in find_places(sents, pack, gazetteer, language) if not p.actor]
    by_sent: dict[int, list[MorphPlace]] = {}
    for p in places:
        by_sent.setdefault(p.sentence, []).append(p)
    title_hits = find_places(sentences(article.title, language), pack, gazetteer, language) if article.title else []
    title_place = next((h.chosen for h in title_hits if not h.actor), None)
    voices = Voices(article.text, sents, pack, language)

    drafts: list[_Draft] = []
    context: _Draft | None = None
    last_paragraph = -1
    told_by: tuple[int, str] | None = None  # the paragraph and speaker of the last attributed figures
    for index, sent in enumerate(sents):
        cue = _event_type(sent, pack)
        claims = [replace(c, claimant=voices.claimant(index, sent.start + 1)) for c in figure_claims(sent, pack)]
        if told_by and told_by[0] == sent.paragraph:  # "Гладков сообщил о четырех погибших. Еще четверо пострадали."
            claims = [replace(c, claimant=told_by[1]) if c.claimant == "reporter" else c for c in claims]
        told_by = (sent.paragraph, claims[0].claimant) if claims and claims[0].claimant != "reporter" else None
        speaker = voices.own[index]
        if speaker and voices.about_this(index):
            _hand_back(drafts, sents, index, speaker)
        located = [p.chosen for p in by_sent.get(index, []) if p.chosen is not None and p.locative]
        dates = find_dates(sent.tokens, pack, reference)
        if context is not None and sent.paragraph != last_paragraph and not context.young:
            context = drafts[0]
        last_paragraph = sent.paragraph
        if not drafts:
            if cue is None and not claims:
                continue
            context = _Draft(Role.main, _main_place(sents, index, by_sent) or title_place
                             or _dominant([p for p in places if p.locative or p.cued
                                           or (p.chosen and p.chosen.country_code in pack.home_countries)]))
            drafts.append(context)
        assert context is not None
        place = located[0] if located else None
        if (claims or cue) and place is not None and not any(_near(place, d.place) for d in drafts):
            context = _Draft(_role(dates, drafts[0]), place)
            drafts.append(context)
        elif (claims or cue) and place is not None:
            context = next(d for d in drafts if _near(place, d.place))
        context.sents.append(index)
        (context.event_dates if (cue or claims) else context.other_dates).extend(d for d in dates if not d.status)
        context.claims.extend(claims)
        context.claims.extend(stance_claims(sent, pack))
    if not drafts:
        return []
    kept = drafts[:1] + [d for d in drafts[1:] if not d.young]
    return [_finish(article, i, d, sents, pack, reference, gazetteer) for i, d in enumerate(kept)]


def _hand_back(drafts: list[_Draft], sents: list[Sentence], index: int, speaker: str) -> None:
    """"Про це повідомив X": the figures told in the reporter's voice in the sentences just before
    (this paragraph and the one before it) were X's."""
    paragraph = sents[index].paragraph
    for d in drafts:
        for at, c in enumerate(d.claims):
            owner = next((i for i, s in enumerate(sents) if s.start <= c.start < s.end + 1), index)
            if c.claimant == "reporter" and owner < index and sents[owner].paragraph >= paragraph - 1:
                d.claims[at] = replace(c, claimant=speaker)


def _event_type(sent: Sentence, pack: CyrillicPack) -> str | None:
    named = {t_type for t in sent.tokens if t.is_word for lemma, t_type in pack.event_types if lemma in t.lemmas}
    return next((t_type for _, t_type in pack.event_types if t_type in named), None)


def _main_place(sents: list[Sentence], index: int, by_sent: dict[int, list[MorphPlace]]) -> GazEntry | None:
    """The place of the first event: among the towns the opening sentences name, one named with
    a locative, then the one the article names most, then one after a town or target noun."""
    window = range(max(0, index - 1), min(len(sents), index + 3))
    hits = [p for i in window for p in by_sent.get(i, []) if p.chosen is not None]
    if not hits:
        return None
    named = Counter(p.chosen.geonameid for ps in by_sent.values() for p in ps if p.chosen is not None)
    # a town the strike is "in" beats one only named; among those, the one the article names most
    best = max(hits, key=lambda p: (p.locative, named[p.chosen.geonameid if p.chosen else 0], p.cued))
    return best.chosen


def _dominant(places: list[MorphPlace]) -> GazEntry | None:
    counts = Counter(p.chosen.geonameid for p in places if p.chosen is not None)
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(p.chosen for p in places if p.chosen is not None and p.chosen.geonameid == top)


def _near(a: GazEntry | None, b: GazEntry | None) -> bool:
    if a is None or b is None:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def _role(dates: list[DateHit], main: _Draft) -> Role:
    """`background` for a mention dated days before the main one."""
    mine = next((d.date for d in dates if not d.status and d.date.value is not None), None)
    theirs = _date(main)
    if mine is not None and theirs is not None and theirs.value is not None and mine.value is not None \
            and (theirs.value - mine.value).days > SAME_DAY_SLACK:
        return Role.background
    return Role.main


def _date(d: _Draft) -> EventDate | None:
    """The first day-precise date of its event sentences, else of its other sentences, else a
    day and month or a weekday."""
    for pool in (d.event_dates, d.other_dates):
        for hit in pool:
            if hit.date.precision == DatePrecision.day:
                return hit.date
    for pool in (d.event_dates, d.other_dates):
        for hit in pool:
            if hit.date.month_day or hit.date.weekday is not None:
                return hit.date
    return None


def _finish(article: Article, index: int, d: _Draft, sents: list[Sentence], pack: CyrillicPack,
            reference: date | None, gazetteer: Gazetteer) -> Mention:
    when = _date(d)
    if when is None:
        when = EventDate(reference, DatePrecision.week, "no date in the text; reported by this day") \
            if d.role == Role.main and reference is not None else UNKNOWN_DATE
    own = [sents[i] for i in d.sents]
    types = [t for s in own if (t := _event_type(s, pack))]
    ranked = [t for _, t in pack.event_types]
    event_type = min(types, key=ranked.index) if types else "other"
    # every kind of thing it says was hit (up to three): reports of one strike name different parts
    named = list(dict.fromkeys(t for s in own if (t := _target(s, pack))))
    target = " ".join(named[:3]) or _target_of_title(article, pack)
    text = " ".join(s.text for s in own).lower()
    weapon = next((name for pattern, name in pack.weapons.items() if re.search(pattern, text)), "")
    first = own[0] if own else sents[0]
    d.claims = [replace(c, article_id=article.id) for c in d.claims]
    return Mention(
        article_id=article.id, index=index, role=d.role, event_type=EventType(event_type), date=when,
        place=to_place(d.place, gazetteer) if d.place else None, target=target, weapon=weapon,
        evidence=first.text, start=first.start, end=first.end, claims=_once(d.claims),
    )


def _target(sent: Sentence, pack: CyrillicPack) -> str:
    """What was hit, in the shared English target words ("ТЦ" -> shopping centre)."""
    for t in sent.tokens:
        if t.is_word and t.has(pack.targets):
            return next(pack.targets[lemma] for lemma in sorted(t.lemmas) if lemma in pack.targets)
    return ""


def _target_of_title(article: Article, pack: CyrillicPack) -> str:
    sents = sentences(article.title, article.language.lower()) if article.title else []
    return next((t for s in sents if (t := _target(s, pack))), "")


def _once(claims: list[Claim]) -> list[Claim]:
    """A figure repeated in one article (headline, lead, quote) is one claim, credited to the
    source a repeat names when the first gives none."""
    first: dict[tuple[str, int | None, int | None, str], int] = {}  # figure -> its place in `out`
    out: list[Claim] = []
    for c in claims:
        key = (c.kind, c.low, c.high, c.group)
        if c.is_figure and key in first:
            if out[first[key]].claimant == "reporter":  # a headline's figure that the body attributes
                out[first[key]] = replace(out[first[key]], claimant=c.claimant)
            continue
        first[key] = len(out)
        out.append(c)
    return out
