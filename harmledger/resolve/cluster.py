"""Group mentions into incidents, incrementally: each new mention joins the stored or new
incident it scores best against (features.py), or founds one.

Mentions are taken main first and most precise date first, so a vague report meets the
incident its precise reports already formed. Background mentions join the incident they recall,
or form a background-only incident. When a mention fits two incidents that also fit each other,
they were one event reported apart: the one with more mentions takes the other in (on a tie, the
smaller id) and the other's id redirects.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date

from harmledger.models import DatePrecision, EventDate, EventType, Incident, Join, Mention, Place, Role
from harmledger.resolve.features import Profile, precision_rank, score, threshold
from harmledger.resolve.index import ProfileIndex


@dataclass
class Resolution:
    """What a batch changed: new members of each incident, incidents merged away."""

    members: dict[str, list[Mention]] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)  # old id -> id that took it in

    @property
    def touched(self) -> set[str]:
        return set(self.members)


def incident_id(founder: Mention) -> str:
    """An incident keeps the id its first mention gave it, whoever joins later."""
    return "I" + hashlib.sha1(founder.id.encode()).hexdigest()[:12]


def resolve_batch(found: list[Mention], index: ProfileIndex) -> Resolution:
    """Assign each of `found` to an incident of `index` (which it updates) or to a new one."""
    out = Resolution()
    for m in sorted(found, key=_order):
        best, runner_ups, join = _best(m, index)
        m = replace(m, joined=join)  # why it joined, as scored now (None: it founds an incident)
        if best is None:
            profile = Profile(incident_id(m), m.place, m.date, background_only=m.role != Role.main)
            index.add(profile)
        else:
            profile = best
        profile.add(m)
        index.refile(profile)
        out.members.setdefault(profile.id, []).append(m)
        for other in runner_ups:
            if other.id in index.by_id and _compatible(other, profile):
                profile = _merge(other, into=profile, index=index, out=out)
    return out


def _best(m: Mention, index: ProfileIndex) -> tuple[Profile | None, list[Profile], Join | None]:
    """The incident `m` joins (None: no incident scores enough), the others it could join, and the
    scores of its join."""
    scored = []
    for p in index.candidates(m):
        join = score(m, p)
        if join is not None and join.score >= threshold(m):
            scored.append((join.score, p.mentions, p.id, p, join))
    if not scored:
        return None, [], None
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    return scored[0][3], [s[3] for s in scored[1:]], scored[0][4]


def _compatible(a: Profile, b: Profile) -> bool:
    """Would `a`, as one report, join `b`? Both ways, so a merge is never one-sided."""
    if a.districts and b.districts and not a.districts & b.districts:
        return False
    ja, jb = score(_as_mention(a), b), score(_as_mention(b), a)
    return ja is not None and jb is not None and min(ja.score, jb.score) >= threshold(_as_mention(a))


def _as_mention(p: Profile) -> Mention:
    return Mention("", 0, Role.main, p.event_type, p.date, p.place, " ".join(sorted(p.targets)),
                   next(iter(sorted(p.weapons)), ""), "", 0, 0, vector=p.centroid)


def _merge(gone: Profile, into: Profile, index: ProfileIndex, out: Resolution) -> Profile:
    """Merge two profiles; the one with more mentions stays. Returns it."""
    keep, gone = (into, gone) if (into.mentions, gone.id) >= (gone.mentions, into.id) else (gone, into)
    index.remove(gone)
    keep.mentions += gone.mentions
    keep.targets |= gone.targets
    keep.weapons |= gone.weapons
    keep.districts |= gone.districts
    if gone.vector_sum is not None:
        keep.vector_sum = gone.vector_sum if keep.vector_sum is None else keep.vector_sum + gone.vector_sum
        keep.vectors += gone.vectors
    keep.background_only = keep.background_only and gone.background_only
    if precision_rank(gone.date) < precision_rank(keep.date):
        keep.date = gone.date
    index.refile(keep)
    out.merged[gone.id] = keep.id
    for old, new in list(out.merged.items()):
        if new == gone.id:
            out.merged[old] = keep.id
    out.members.setdefault(keep.id, []).extend(out.members.pop(gone.id, []))
    return keep


def _order(m: Mention) -> tuple[bool, int, date, str]:
    return (m.role != Role.main, precision_rank(m.date), m.date.value or date.max, m.id)


def build_incident(iid: str, mentions: list[Mention], background_only: bool) -> Incident:
    """An incident (not yet reconciled) with its canonical date, place, type, target and weapon."""
    mains = [m for m in mentions if m.role == Role.main] or mentions
    place = _place(mentions)
    types: list[EventType] = [m.event_type for m in mains if m.event_type != EventType.other] or [mains[0].event_type]
    targets = [m.target for m in mains if m.target]
    weapons = [m.weapon for m in mentions if m.weapon]
    return Incident(
        id=iid, event_type=EventType(_most_common([str(t) for t in types])), date=canonical_date(mains), place=place,
        target=_most_common(targets) if targets else "",
        weapon=_most_common(weapons) if weapons else "",
        mentions=list(mentions), background_only=background_only,
    )


def _place(mentions: list[Mention]) -> Place | None:
    """The place a profile settles on, reading main mentions first, most precise date first."""
    ordered = sorted(mentions, key=_order)
    p = Profile("", ordered[0].place, ordered[0].date)
    for m in ordered:
        p.add(m)
    return p.place


def _most_common(values: list[str]) -> str:
    return max(sorted(set(values)), key=values.count)


def canonical_date(mains: list[Mention]) -> EventDate:
    """The most reported date among the most precise ones; reports that name only a weekday or
    a day without a year vote for the dates they fit, and a tie goes to the earlier day (a
    later one is more often a day of reporting)."""
    best = min(precision_rank(m.date) for m in mains)
    pool = [m.date for m in mains if precision_rank(m.date) == best and m.date.value]
    if not pool:
        return mains[0].date
    values = [d.value for d in pool if d.value is not None]
    partial = [m.date for m in mains if m.date.value is None]

    def votes(day: date) -> int:
        fits = sum(1 for d in partial if (d.weekday is not None and d.weekday == day.weekday())
                   or (d.month_day is not None and d.month_day == (day.month, day.day)))
        return values.count(day) + fits

    top = max(set(values), key=lambda v: (votes(v), -v.toordinal()))
    chosen = next(d for d in pool if d.value == top)
    return _day_in_week(chosen, partial) if chosen.precision == DatePrecision.week else chosen


def _day_in_week(week: EventDate, partial: list[EventDate]) -> EventDate:
    """A date known only as "reported by this day" takes the day another report names without a
    year ("24 серпня", "August 24") when it falls in the seven days up to it."""
    assert week.value is not None
    days = []
    for d in partial:
        if d.month_day is None:
            continue
        try:
            day = week.value.replace(month=d.month_day[0], day=d.month_day[1])
        except ValueError:
            continue
        if 0 <= (week.value - day).days < 7:
            days.append(day)
    if not days:
        return week
    day = max(sorted(set(days)), key=days.count)
    return EventDate(day, DatePrecision.day, f"{day:%d %B} named by another report, within the week up to {week.value}")


def resolve(found: list[Mention]) -> list[Incident]:
    """Incidents (not yet reconciled) formed from `found` mentions alone."""
    index = ProfileIndex()
    result = resolve_batch(found, index)
    built = [build_incident(iid, members, index.by_id[iid].background_only)
             for iid, members in result.members.items()]
    return sorted(built, key=lambda i: (i.background_only, i.id))
