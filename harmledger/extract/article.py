"""Extract the event mentions of one parsed article, with their claims, dates and places.

The first rule (documented in the README): the article's first event sentence opens its main
mention. A later sentence with figures or a strong event cue opens another mention when it names
a place more than 30 km from every mention so far, or a date that does not fit the main one;
that mention is `background` when its date is earlier ("last April", "on Wednesday" in a Friday
story) and `main` otherwise. Other sentences belong to the mention in context, which falls back
to the main mention at each paragraph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from harmledger.conventions import SAME_PLACE_KM
from harmledger.extract.causes import cause_spans, inside, masked
from harmledger.extract.claims import figure_claims, hospital_as_injured
from harmledger.extract.dates import DateMatch, find_dates, latest_explicit_date, writing_date
from harmledger.extract.districts import district_stems, stem
from harmledger.extract.events import EventCue, event_cue, target_phrase, weapon_phrase
from harmledger.extract.furniture import find_furniture
from harmledger.extract.gazetteer import GazEntry, Gazetteer, distance_km
from harmledger.extract.lang.en.lexicon import (
    ADDITION_WORDS,
    GROUPS,
)
from harmledger.extract.lang.en.places import STRONG_LOCATIVE, STRUCK_AT
from harmledger.extract.nlp import mark_furniture
from harmledger.extract.places import PlaceHit, at_home, choose_entries, find_place_hits, title_place, to_place
from harmledger.extract.report_dates import dates_the_report
from harmledger.extract.speakers import Speakers, specificity
from harmledger.extract.stances import stance_claims
from harmledger.models import UNKNOWN_DATE, Article, Claim, DatePrecision, EventDate, EventType, Mention, Role

# Verbs whose date is the day a thing was said or a toll was given, not the day of the event.
GROUP_NAMES = frozenset(GROUPS.values())
SAME_DAY_SLACK = 2


@dataclass
class _Draft:
    role: Role
    place: GazEntry | None
    dates: list[DateMatch] = field(default_factory=list)  # from sentences about the event
    side_dates: list[DateMatch] = field(default_factory=list)  # from its other sentences
    sents: list[Span] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    cue_types: list[str] = field(default_factory=list)
    district: str = ""  # stem of the one district of its town it names (districts.py)

    @property
    def young(self) -> bool:
        """Opened by a strike sentence and still waiting for its figures."""
        return self.role == Role.main and not any(c.is_figure for c in self.claims)


def extract_mentions(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """The mentions (main and background) of `article`, parsed as `doc`."""
    furniture = find_furniture(article.text)
    written = furniture.written.date.value if furniture.written is not None else None
    reference = writing_date(article.text, article.published) or written or latest_explicit_date(article.text)
    mark_furniture(doc, furniture.dateline, furniture.spans)
    hits = at_home(find_place_hits(doc, gazetteer))
    chosen = choose_entries(hits)
    sents = list(doc.sents)
    causes = {sent.start_char: cause_spans(sent) for sent in sents}
    by_sent: dict[int, list[PlaceHit]] = {}
    for h in hits:
        if not h.actor and not h.dateline and not inside(causes.get(h.sent_start, []), h.start):
            by_sent.setdefault(h.sent_start, []).append(h)
    fallback_place = _fallback_place(hits, chosen) or title_place(article.title, gazetteer)

    drafts: list[_Draft] = []
    context: _Draft | None = None
    speakers = Speakers(doc, sents, article.outlet, text=article.text)  # `doc` parsed this text
    past_lead = False
    opening_district = ""
    for index, sent in enumerate(sents):
        if furniture.covers(sent.start_char, sent.end_char):
            continue  # a byline, a stamp, a "Read also" line: not the story
        if context is not None and speakers.new_line[index]:
            # A strike named at the end of a paragraph keeps its figures in the next one.
            if context is drafts[0] or not context.young:
                context = drafts[0]
            past_lead = True
        cause = causes[sent.start_char]
        cue = event_cue(sent, masked(sent, cause)) if cause else event_cue(sent)
        figures = figure_claims(sent)
        stances = stance_claims(sent)
        town = (context.place if context is not None else None) or fallback_place
        stems = district_stems(sent.text, town, gazetteer)
        district = next(iter(stems)) if len(stems) == 1 else ""
        # "the Sloboda district" is part of the town, whatever village GeoNames calls Sloboda
        here = [h for h in by_sent.get(sent.start_char, []) if h.kind != "country" and stem(h.text) not in stems]
        places = [chosen[h.start] for h in here if h.locative] or [chosen[h.start] for h in here]
        # a byline's or a post's date is a day of writing too: weekdays count back from it
        told = _main_date(context) if context is not None else None
        last_event = told.value if told is not None and told.precision == DatePrecision.day else None
        dates = [m for m in find_dates(sent.text, reference, published=article.published is not None or bool(written),
                                       last_event=last_event)
                 if not dates_the_report(sent, m, index)
                 and not furniture.covers(sent.start_char + m.start, sent.start_char + m.end)
                 and not inside(cause, sent.start_char + m.start)]
        if not drafts:
            if cue is None and not figures:
                # "This morning they hit a dormitory in the Slobidsky district": the scene of
                # the event the next sentences count.
                opening_district = opening_district or district
                continue
            lead = sents[max(0, index - 3):index + 4]
            main_place = _first_place(lead, sents[index], by_sent, chosen) or fallback_place
            context = _Draft(Role.main, main_place, district=opening_district)
            drafts.append(context)
        assert context is not None
        # A strike named with a new place opens a mention even before its figures arrive
        # ("…launched a missile attack on Krasnohrad. Two civilians were killed …").
        struck_at = [chosen[h.start] for h in here if h.preposition in STRUCK_AT and h.kind == "town"]
        # An undated lead is news of the reporting days: past it, an event dated days before is another.
        undated_lead = reference if drafts and past_lead and _main_date(drafts[0]) is None else None
        stale = bool(dates) and _stale(dates[0], undated_lead) and not _retold(sent, figures, drafts[0])
        # Another district of the town, with something hit there, is another strike.
        elsewhere = bool(district and context.district and district != context.district
                         and (cue or target_phrase(sent))) or _another_tally(sent, cue, figures, context)
        eventful = bool(figures) or bool(cue and cue.strong and struck_at) or elsewhere or \
            (stale and (cue is not None or speakers.new_line[index]))
        target = _pick_mention(drafts, context, places, dates, eventful, stale, district, elsewhere)
        if district and not target.district and (cue or figures or target_phrase(sent)):
            target.district = district
        if target is not context:
            if target not in drafts:
                target.dates.extend(dates)
                drafts.append(target)
            context = target
        context.sents.append(sent)
        in_lead = context is drafts[0] and index < 4
        about = bool(cue or figures or in_lead)
        if about or any(p is context.place for p in places):
            # "the rebels seized Sanaa in September 2014": a sentence that only names the place
            # dates the event by a day, never by a month long past
            context.dates.extend(d for d in dates if d not in context.dates and (about or not d.is_past_reference))
            context.side_dates.extend(d for d in dates if not about and d.is_past_reference)
        else:
            context.side_dates.extend(dates)
        if cue:
            context.cue_types.append(cue.event_type if cue.strong else f"~{cue.event_type}")
        for claim, anchor in figures:
            context.claims.append(replace(claim, claimant=speakers.claimant(anchor, index,
                                                                             lead=context.role == Role.main)))
        for claim in stances:
            context.claims.append(claim)
        speakers.advance(index)
    # A mention other than the first that never got a figure was a passing reference; at the
    # main place it was the main event retold ("On June 27, Russia hit the mall"), so its dates
    # are the main event's when the main has none of its own.
    kept = drafts[:1] + [d for d in drafts[1:] if any(c.is_figure for c in d.claims)]
    for d in drafts[1:]:
        first = drafts[0]
        if d not in kept and _main_date(first) is None and d.place is not None and first.place is not None \
                and _near(d.place, first.place) and not _apart(d, first):
            first.dates.extend(d.dates)
    for d in kept:
        d.claims = _once_per_figure(d.claims)
    return [_finish(article, i, d, reference, gazetteer, kept[0]) for i, d in enumerate(kept)]


def _once_per_figure(found: list[Claim]) -> list[Claim]:
    """An article repeating a figure (headline, lead, quote) states it once: keep the first,
    credited to the most specific source any repeat names (a lead in the reporter's voice
    that a quotation below attributes is the quoted official's figure)."""
    first: dict[tuple[str, int | None, int | None, str], int] = {}  # figure -> its place in `out`
    out: list[Claim] = []
    for c in found:
        if not c.is_figure:
            out.append(c)
            continue
        key = (c.kind, c.low, c.high, c.group)
        if key not in first:
            first[key] = len(out)
            out.append(c)
        elif specificity(c.claimant) > specificity(out[first[key]].claimant):
            out[first[key]] = replace(out[first[key]], claimant=c.claimant)
    return out


def _stale(match: DateMatch, day: date | None) -> bool:
    """True for a day-precise date well before `day`."""
    return day is not None and match.date.value is not None and match.date.precision == DatePrecision.day \
        and (day - match.date.value).days > SAME_DAY_SLACK


def _retold(sent: Span, figures: list[tuple[Claim, Token]], main: _Draft) -> bool:
    """True when a sentence tells the main event again: a figure or a target word it shares."""
    told = {(c.kind, c.low) for c in main.claims if c.is_figure}
    if any((c.kind, c.low) in told for c, _ in figures):
        return True
    target = target_phrase(sent).split()
    return bool(target) and any(target[-1] in target_phrase(s).split() for s in main.sents)


def _pick_mention(drafts: list[_Draft], context: _Draft, places: list[GazEntry],
                  dates: list[DateMatch], eventful: bool, stale: bool = False, district: str = "",
                  elsewhere: bool = False) -> _Draft:
    """The mention a sentence belongs to: an existing one, the context, or a new one."""
    main = drafts[0]
    place = places[0] if places else None
    # a strike still waiting for its figures takes the next sentence at its place
    ordered = [context] + [d for d in drafts if d is not context] if context.young else drafts
    for d in ordered:
        if (district and d.district and d.district != district) or (elsewhere and d is context):
            continue
        fits_date = not dates or not (_conflicts(dates[0], d) or (stale and d is main))
        if place is not None and d.place is not None and _near(place, d.place) and fits_date:
            return d
        if place is None and district and d.district == district and fits_date:
            return d
    if not eventful:
        return context
    new_place = place is not None and (context.place is None or not _near(place, context.place))
    date_differs = stale or (bool(dates) and _conflicts(dates[0], main))
    if not (new_place or date_differs or elsewhere):
        return context
    role = Role.background if dates and (stale or _earlier(dates[0], main) or dates[0].is_past_reference) else Role.main
    return _Draft(role, place if place is not None else context.place if elsewhere else main.place,
                  district=district)


def _another_tally(sent: Span, cue: EventCue | None, figures: list[tuple[Claim, Token]], context: _Draft) -> bool:
    """True for a second count of the whole toll added to the first: "a strike on a dormitory
    also killed two people" after "shelling killed seven" is another strike, where "the toll
    rose to nine" is the same one and "two children were also killed" a part of it."""
    if cue is None or not any(t.lower_ in ADDITION_WORDS for t in sent):
        return False
    counted = {(c.kind, c.low) for c in context.claims if c.is_figure and c.group == "all"}
    kinds = {kind for kind, _ in counted}
    return any(c.group == "all" and c.kind in kinds and (c.kind, c.low) not in counted for c, _ in figures)


def _apart(a: _Draft, b: _Draft) -> bool:
    """Two mentions in different districts of one town."""
    return bool(a.district and b.district and a.district != b.district)


def _near(a: GazEntry, b: GazEntry) -> bool:
    if a.kind == "country" or b.kind == "country":
        return a.country_code == b.country_code
    if a.kind == "region" or b.kind == "region":
        return a.country_code == b.country_code and a.admin1_code == b.admin1_code
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def _main_date(d: _Draft) -> EventDate | None:
    """The first day-precise date about the event, else what partial dates say together."""
    # a side sentence's past reference is history ("the rebels swept into Sanaa in September
    # 2014"), never the day of the event
    for pool in (d.dates, [m for m in d.side_dates if not m.is_past_reference]):
        for m in pool:
            if m.date.precision == DatePrecision.day:
                return m.date
        known = [m.date for m in pool if m.date.value is not None]
        if known:
            return known[0]
        month_day = next((m.date.month_day for m in pool if m.date.month_day), None)
        weekday = next((m.date.weekday for m in pool if m.date.weekday is not None), None)
        if month_day or weekday is not None:
            reasons = "; ".join(m.date.reason for m in pool if m.date.month_day or m.date.weekday)
            return EventDate(None, DatePrecision.unknown, reasons, month_day=month_day, weekday=weekday)
    return None


def _conflicts(match: DateMatch, d: _Draft) -> bool:
    current = _main_date(d)
    if current is None:
        return False
    a, b = match.date, current
    if a.value and b.value:
        if a.precision == DatePrecision.day and b.precision == DatePrecision.day:
            return abs((a.value - b.value).days) > SAME_DAY_SLACK
        return match.is_past_reference and a.value < b.value
    if a.weekday is not None and b.weekday is not None:
        return a.weekday != b.weekday
    return match.is_past_reference


def _earlier(match: DateMatch, main: _Draft) -> bool:
    current = _main_date(main)
    if current is None:
        return False
    if match.date.value and current.value:
        return (current.value - match.date.value).days > SAME_DAY_SLACK
    if match.date.weekday is not None and current.weekday is not None:
        return match.date.weekday < current.weekday
    return False


def _first_place(sents: list[Span], first_event: Span, by_sent: dict[int, list[PlaceHit]],
                 chosen: dict[int, GazEntry]) -> GazEntry | None:
    """The place of the first event: among the towns the opening event sentences name, the
    group of nearby towns the article names most, and in it the smallest ("Serhiivka, near
    Odesa"); a region only when no town is named."""
    lead_hits = [h for s in sents for h in by_sent.get(s.start_char, []) if h.kind == "town"]
    towns = [chosen[h.start] for h in lead_hits if not h.dateline] or \
        [chosen[h.start] for h in lead_hits]
    if towns:
        counts = Counter(e.geonameid for hits in by_sent.values() for h in hits
                         if (e := chosen[h.start]).kind == "town")
        in_event = {chosen[h.start].geonameid for h in by_sent.get(first_event.start_char, [])
                    if h.kind == "town"}

        def weight(t: GazEntry) -> int:
            near = [o for o in set(towns) if _close(o, t)]
            return sum(counts[o.geonameid] for o in near) + 3 * any(o.geonameid in in_event for o in near)

        best = max(towns, key=weight)
        return min((t for t in towns if _close(t, best)), key=lambda t: t.population)
    regions = [chosen[h.start] for s in sents for h in by_sent.get(s.start_char, []) if h.kind == "region"]
    if not regions:
        return None
    # "… in the southern region of Odesa" and later "the Serhiyivka community": the town the
    # article names in the lead's region is where it happened.
    region = regions[0]
    inside = Counter(e.geonameid for hits in by_sent.values() for h in hits
                     if (e := chosen[h.start]).kind == "town" and h.locative
                     and (e.country_code, e.admin1_code) == (region.country_code, region.admin1_code))
    if inside:
        top = inside.most_common(1)[0][0]
        return next(chosen[h.start] for hits in by_sent.values() for h in hits if chosen[h.start].geonameid == top)
    return region


def _close(a: GazEntry, b: GazEntry) -> bool:
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= 60


def _fallback_place(hits: list[PlaceHit], chosen: dict[int, GazEntry]) -> GazEntry | None:
    """The place of an article whose event sentences name none: the town its body names most,
    else its dateline's town unless the body puts events in another region or country (the
    wires file from the scene or its capital), else that region or country."""
    body = [h for h in hits if not h.dateline]
    town = _dominant_place(body, chosen, "town")
    if town is not None:
        return town
    # a country the body puts something in ("in Yemen"), not one it only names ("accused Russia")
    placed = [h for h in body if h.kind == "region" or h.preposition in STRONG_LOCATIVE]
    wider = _dominant_place(placed, chosen, "region") or _dominant_place(placed, chosen, "country")
    # a dateline's name often parses as the subject of the lead's verb: no actor test for it
    filed = _dominant_place([replace(h, actor=False) for h in hits if h.dateline], chosen, "town")
    if filed is not None and (wider is None or _near(filed, wider)):
        return filed
    return wider or _dominant_place(body, chosen, "region") or _dominant_place(body, chosen, "country")


def _dominant_place(hits: list[PlaceHit], chosen: dict[int, GazEntry], kind: str) -> GazEntry | None:
    counts = Counter(chosen[h.start].geonameid for h in hits if h.kind == kind and not h.actor)
    if counts:
        top = counts.most_common(1)[0][0]
        return next(chosen[h.start] for h in hits if chosen[h.start].geonameid == top)
    return None


def _finish(article: Article, index: int, d: _Draft, reference: date | None,
            gazetteer: Gazetteer, main: _Draft) -> Mention:
    when = _main_date(d)
    if when is None or (when.value is None and when.month_day is None and when.weekday is None):
        if d.role == Role.main and reference is not None:
            when = EventDate(reference, DatePrecision.week, "no date in the text; reported by this day")
        else:
            when = UNKNOWN_DATE
    types = [t for t in d.cue_types if not t.startswith("~")] or [t.lstrip("~") for t in d.cue_types]
    event_type = types[0] if types else "other"
    target = next((t for s in d.sents if (t := target_phrase(s))), "")
    weapon = next((w for s in d.sents if (w := weapon_phrase(s))), "")
    first = d.sents[0] if d.sents else None
    home = gazetteer.country_name(d.place.country_code).lower()[:5] if d.place else ""
    # "16 Ukrainians were killed" in Ukraine are the victims as a whole — unless the article
    # counts other victims apart too ("60 Afghans and 13 US service members").
    own_groups = {c.group for c in d.claims if c.is_figure and c.group not in GROUP_NAMES}
    whole = bool(home) and len(own_groups) == 1
    d.claims = [replace(c, article_id=article.id,
                        group="all" if whole and c.group.lower().startswith(home) else c.group)
                for c in hospital_as_injured(d.claims)]
    return Mention(
        article_id=article.id, index=index, role=d.role, event_type=EventType(event_type), date=when,
        place=to_place(d.place, gazetteer) if d.place else None, target=target, weapon=weapon,
        evidence=first.text.strip() if first is not None else "",
        start=first.start_char if first is not None else 0,
        end=first.end_char if first is not None else 0,
        claims=d.claims, district=d.district,
    )
