"""Toll history: an incident's counts of one kind in publication order, grouped by claimant
entity, with what the rules table (reconcile/rules.py) makes of them.

- A party's count of enemy combatants ("600 Ukrainian soldiers" from Russia's defence ministry)
  is that party's own claim: kept, compared, never a total.
- Each entity's latest figure (latest publication day, undated oldest; the largest of that day)
  supersedes its earlier ones: a series that rises is a revision, not a dispute.
- A dispute is an enemy-combatant count or an accused side's figure against a reliable
  source's beyond the tolerance, two named reliable sources of different kinds giving exact
  figures in one sentence beyond it, or none against some.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from harmledger.models import Article, Claim, Contradiction, ContradictionKind, FigureStatus, Side, SourceType
from harmledger.reconcile.rules import PARTY_TYPES, agree, is_combatant_group
from harmledger.reconcile.totals import totals

# Sources too vague, or too close to the report itself, to set against another in one sentence.
_UNNAMED = frozenset({SourceType.media, SourceType.unknown})


def published(c: Claim, articles: dict[str, Article]) -> date:
    """The publication day of a claim's article; undated articles count as the oldest."""
    a = articles.get(c.article_id)
    return a.published if a is not None and a.published else date.min


def is_party(c: Claim) -> bool:
    return c.source_type in PARTY_TYPES or c.side == Side.accused


def is_enemy_count(c: Claim) -> bool:
    """A party's count of combatants, unless the party is the attacked side counting its own."""
    return is_combatant_group(c.group) and is_party(c) and c.side != Side.attacked


@dataclass
class Series:
    """The counts of one kind of an incident, read by the rules."""

    kind: str
    totals: list[Claim] = field(default_factory=list)
    reliable: list[Claim] = field(default_factory=list)
    enemy: list[Claim] = field(default_factory=list)
    party: list[Claim] = field(default_factory=list)
    latest: dict[str, Claim] = field(default_factory=dict)  # entity -> its latest reliable figure
    superseded: list[Claim] = field(default_factory=list)
    fallback: str = ""  # why party totals stand in for reliable ones, when they do

    def in_order(self, articles: dict[str, Article]) -> list[Claim]:
        """The totals in publication order; within a day (or undated), whose order the reports do
        not give, from the smallest count up, as tolls rise."""
        return sorted(self.totals, key=lambda c: (published(c, articles), c.low or 0, c.article_id, c.start))


def series(found: list[Claim], kind: str, articles: dict[str, Article]) -> Series:
    """The history of `kind` among `found` (claims annotated with entities and sides)."""
    counts = [c for c in found if c.kind == kind and c.low is not None]
    out = Series(kind, enemy=[c for c in counts if is_enemy_count(c)])
    out.totals = totals([c for c in counts if not any(c is e for e in out.enemy)], kind)
    out.party = [c for c in out.totals if is_party(c)]
    out.reliable = [c for c in out.totals if not is_party(c)]
    if not out.reliable and out.totals:
        non_accused = [c for c in out.totals if c.side != Side.accused]
        out.reliable = non_accused or out.totals
        out.party = [c for c in out.party if not any(c is r for r in out.reliable)]
        out.fallback = "no non-party source gives a total: party totals stand in"
    for c in sorted(out.reliable, key=lambda c: (published(c, articles), c.low or 0)):
        out.latest[c.entity] = c
    out.superseded = [c for c in out.reliable if (out.latest[c.entity].low or 0) > (c.low or 0)]
    return out


def contradicts(a: Claim, b: Claim) -> bool:
    """Two counts disagree beyond the tolerance; an open "at least N" never contradicts more."""
    lo, hi = sorted((a, b), key=lambda c: c.low or 0)
    return lo.high is not None and not agree(lo.low or 0, hi.low or 0)


def _figure(c: Claim) -> str:
    if c.high is None:
        return f"{c.low}+"
    return f"{c.low}" if c.low == c.high else f"{c.low}-{c.high}"


def describe(c: Claim) -> str:
    """"600+ soldiers (Russian Defense Ministry, armed_forces, accused side)"."""
    group = "" if c.group in ("all", "civilians") else f" {c.group}"
    side = f", {c.side} side" if c.side in (Side.accused, Side.attacked) else ""
    return f"{_figure(c)}{group} ({c.entity or c.claimant}, {c.source_type or 'unknown'}{side})"


def disputes(s: Series, found: list[Claim], articles: dict[str, Article]) -> list[Contradiction]:
    """The disputes of one series (see the module rules), each naming both parties."""
    out: list[Contradiction] = []
    latest = list(s.latest.values())

    def add(a: Claim, b: Claim, why: str) -> None:
        out.append(Contradiction(ContradictionKind.figures,
                                 f"{s.kind} disputed ({why}): {describe(a)} against {describe(b)}",
                                 [_index(found, a), _index(found, b)]))

    # An attacked side's government giving an early toll is an outlier, not a dispute.
    for p in s.enemy + [c for c in s.party if c.side == Side.accused]:
        far = [r for r in latest if contradicts(p, r)]
        if far:
            add(p, max(far, key=lambda r: abs((r.low or 0) - (p.low or 0))), "a party's claim")
    zero = [c for c in latest if c.low == 0]
    some = [c for c in latest if c.low]
    if zero and some:
        add(zero[0], max(some, key=lambda c: c.low or 0), "none against some")
    # "At the same time" is one sentence setting two named sources of different kinds side by
    # side ("the hospital counts 10, the UN 40"): across sentences, even of one report, a
    # higher figure is as a rule the same toll hours later ("had put the toll at 23 on Friday").
    by_report: dict[tuple[str, int], list[Claim]] = {}
    for c in latest:
        if c.qualifier == "exact" and c.source_type not in _UNNAMED:
            by_report.setdefault((c.article_id, c.start), []).append(c)
    for together in by_report.values():
        lo, hi = min(together, key=lambda c: c.low or 0), max(together, key=lambda c: c.low or 0)
        if lo.source_type != hi.source_type and contradicts(lo, hi):
            add(lo, hi, "independent sources in one sentence")
    return out


def revisions(s: Series, found: list[Claim], articles: dict[str, Article]) -> list[Contradiction]:
    """One note per entity whose own figures changed: the toll it gave, in publication order."""
    out = []
    for entity in s.latest:
        own = [c for c in s.in_order(articles) if c.entity == entity]
        values = list(dict.fromkeys(_figure(c) for c in own))
        if len(values) > 1:
            out.append(Contradiction(ContradictionKind.revision, f"{s.kind} revised by {entity}: {' → '.join(values)}",
                                     [_index(found, c) for c in own]))
    return out


def status(all_series: list[Series], found_disputes: list[Contradiction]) -> FigureStatus:
    """`contested` with a dispute; `revised` when reliable totals differ; else `consistent`."""
    if any(c.kind == "figures" for c in found_disputes):
        return FigureStatus.contested
    for s in all_series:
        values = [c.low or 0 for c in s.reliable]
        if values and not agree(min(values), max(values)) or len({c.low for c in s.reliable}) > 1:
            return FigureStatus.revised
    return FigureStatus.consistent


def _index(found: list[Claim], claim: Claim) -> int:
    return next(i for i, c in enumerate(found) if c is claim)
