"""How each figure of an incident was derived: which claims were totals, which article set best."""

from __future__ import annotations

from datetime import date

from harmledger.models import Article, Claim, Incident
from harmledger.reconcile.figures import totals


def explain_figures(incident: Incident, articles: dict[str, Article], kind: str) -> list[str]:
    """Lines saying which claims made low, high, best and conservative for `kind`."""
    found = incident.claims
    chosen = totals(found, kind)
    if not chosen:
        return [f"{kind}: no total claimed"]
    main_ids = {m.article_id for m in incident.mentions if m.role == "main"}
    reported = [c for c in chosen if c.article_id in main_ids] or chosen

    def when(c: Claim) -> date:
        a = articles.get(c.article_id)
        return a.published if a is not None and a.published else date.min

    latest_day = max(when(c) for c in reported)
    latest = [c for c in reported if when(c) == latest_day]
    label = latest_day.isoformat() if latest_day != date.min else "undated"
    skipped = [c for c in found if c.kind == kind and c not in chosen and c.low is not None]
    lines = [
        f"{kind}: totals = claims {_ids(found, chosen)} (subgroups not added: {_ids(found, skipped) or 'none'})",
        f"  low {incident_value(incident, kind, 'low')} = smallest total, claim {_ids(found, [_min(chosen)])}",
        f"  high {incident_value(incident, kind, 'high')} = largest total, claim {_ids(found, [_max(chosen)])}",
        f"  best {incident_value(incident, kind, 'best')} = largest total of the most recent reporting "
        f"article ({label}), claim {_ids(found, [_max(latest)])}",
        f"  conservative {incident_value(incident, kind, 'conservative')} = smallest total of that article, "
        f"claim {_ids(found, [_min(latest)])}",
    ]
    return lines


def incident_value(incident: Incident, kind: str, field: str) -> int | None:
    return getattr(getattr(incident, kind), field)  # type: ignore[no-any-return]


def _ids(found: list[Claim], subset: list[Claim]) -> str:
    return ", ".join(str(i) for i, c in enumerate(found) if any(c is s for s in subset))


def _min(claims: list[Claim]) -> Claim:
    return min(claims, key=lambda c: c.low or 0)


def _max(claims: list[Claim]) -> Claim:
    return max(claims, key=lambda c: (c.high if c.high is not None else c.low) or 0)
