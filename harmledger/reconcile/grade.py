"""Sources, grade and contradictions of one incident."""

from __future__ import annotations

from harmledger.models import Article, Claim, ClaimKind, Contradiction, ContradictionKind, FigureStatus, Grade, Incident
from harmledger.reconcile.entities import country_of, read


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
    return list(dict.fromkeys(_who(c) for c in found if c.kind == ClaimKind.denial))


def stances(found: list[Claim]) -> list[Contradiction]:
    """One row per denying entity, naming who denies and who accuses whom."""
    blames = [c for c in found if c.kind == ClaimKind.blame]
    out = []
    for who in denied_by(found):
        denials = [c for c in found if c.kind == ClaimKind.denial and _who(c) == who]
        blamers = [b for b in blames if _who(b) != who][:3]
        accusing = "; ".join(f"{_who(b)} accuses {b.accused or 'an unnamed party'}" for b in blamers)
        side = denials[0].side or "unknown"
        text = f"{who} ({side} side) denies" + (f"; {accusing}" if accusing else "")
        out.append(Contradiction(ContradictionKind.denial, text, [found.index(c) for c in denials + blamers]))
    return out


def attributions(found: list[Claim]) -> list[Contradiction]:
    """One row when the incident's blames accuse different parties ("Ukraine accuses Russia";
    "Russian officials accuse Ukrainian forces"): the party is the country the accused words
    name, else the words themselves."""
    by_party: dict[str, list[int]] = {}
    for i, c in enumerate(found):
        if c.kind == ClaimKind.blame and c.accused:
            words = read(c.accused).words
            by_party.setdefault(country_of(words) or " ".join(sorted(words)), []).append(i)
    if len(by_party) < 2:
        return []
    who = "; ".join(f"{found[ix[0]].accused} (by {_who(found[ix[0]])})" for ix in by_party.values())
    return [Contradiction(ContradictionKind.attribution, f"blamed parties differ: {who}",
                          sorted(i for ix in by_party.values() for i in ix))]


def grade(incident: Incident) -> Grade:
    """`disputed` when figures are contested or a party denies; `corroborated` with two
    independent sources (revisions allowed); else `single_source`."""
    if incident.figure_status == FigureStatus.contested or incident.denied_by:
        return Grade.disputed
    return Grade.corroborated if incident.independent >= 2 else Grade.single_source


def _who(c: Claim) -> str:
    return c.entity or c.claimant or "reporter"
