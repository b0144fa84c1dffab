"""Sources, grade and contradictions of one incident."""

from __future__ import annotations

from harmledger.models import Article, Claim, Contradiction, Incident
from harmledger.reconcile.figures import totals


def independent_sources(article_ids: set[str], articles: dict[str, Article]) -> int:
    """Distinct outlets once wire reprints are folded into the story they copy."""
    keys = set()
    for aid in article_ids:
        a = articles.get(aid)
        if a is None:
            keys.add(aid)
            continue
        root = articles.get(a.duplicate_of or "", a)
        keys.add(root.outlet.strip().lower() or root.id)
    return len(keys)


def contradictions(found: list[Claim]) -> list[Contradiction]:
    """Differing totals, a claim of none against a claim of some, and denials."""
    out: list[Contradiction] = []
    for kind in ("killed", "injured"):
        chosen = totals(found, kind)
        zero = [c for c in chosen if c.low == 0]
        some = [c for c in chosen if c.low]
        if zero and some:
            top = max(some, key=lambda c: c.low or 0)
            out.append(Contradiction(
                "figures",
                f"{kind}: {_who(zero[0])} report none; {_who(top)} claim {_figure(top)}",
                [found.index(c) for c in zero + [top]]))
        distinct: dict[tuple[int | None, int | None], Claim] = {}
        for c in some:
            distinct.setdefault((c.low, c.high), c)
        if len(distinct) > 1:
            parts = sorted(distinct.values(), key=lambda c: c.low or 0)
            text = "; ".join(f"{_figure(c)} ({_who(c)})" for c in parts)
            out.append(Contradiction("figures", f"{kind} figures differ: {text}",
                                     [found.index(c) for c in parts]))
    blames = [c for c in found if c.kind == "blame"]
    for denial in (c for c in found if c.kind == "denial"):
        blamers = [b for b in blames if _who(b) != _who(denial)][:3]
        answered = f"; blame by {', '.join(_who(b) for b in blamers)}" if blamers else ""
        out.append(Contradiction("denial", f"{_who(denial)} denies{answered}",
                                 [found.index(denial)] + [found.index(b) for b in blamers]))
    return out


def grade(incident: Incident, found: list[Contradiction]) -> str:
    """`disputed` on a denial or none-vs-some; `corroborated` with two independent sources."""
    if any(c.kind == "denial" or "report none" in c.description for c in found):
        return "disputed"
    return "corroborated" if incident.independent >= 2 else "single_source"


def _who(c: Claim) -> str:
    return c.claimant or "reporter"


def _figure(c: Claim) -> str:
    if c.high is None:
        return f"{c.low}+"
    return f"{c.low}" if c.low == c.high else f"{c.low}-{c.high}"
