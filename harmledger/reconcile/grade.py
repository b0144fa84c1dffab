"""Sources, grade and contradictions of one incident."""

from __future__ import annotations

from harmledger.conventions import FigureStatus, Grade
from harmledger.models import Article, Claim, Contradiction, Incident


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


def denied_by(found: list[Claim]) -> list[str]:
    """The entities that deny the attack or their responsibility, in the order they do."""
    return list(dict.fromkeys(_who(c) for c in found if c.kind == "denial"))


def stances(found: list[Claim]) -> list[Contradiction]:
    """One row per denying entity, naming who denies and who accuses whom."""
    blames = [c for c in found if c.kind == "blame"]
    out = []
    for who in denied_by(found):
        denials = [c for c in found if c.kind == "denial" and _who(c) == who]
        blamers = [b for b in blames if _who(b) != who][:3]
        accusing = "; ".join(f"{_who(b)} accuses {b.accused or 'an unnamed party'}" for b in blamers)
        side = denials[0].side or "unknown"
        text = f"{who} ({side} side) denies" + (f"; {accusing}" if accusing else "")
        out.append(Contradiction("denial", text, [found.index(c) for c in denials + blamers]))
    return out


def grade(incident: Incident) -> Grade:
    """`disputed` when figures are contested or a party denies; `corroborated` with two
    independent sources (revisions allowed); else `single_source`."""
    if incident.figure_status == FigureStatus.contested or incident.denied_by:
        return Grade.disputed
    return Grade.corroborated if incident.independent >= 2 else Grade.single_source


def _who(c: Claim) -> str:
    return c.entity or c.claimant or "reporter"
