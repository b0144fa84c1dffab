"""How each figure of an incident was derived: the rule (reconcile/rules.py) and the claims
behind it, with each claimant's entity, source type and side."""

from __future__ import annotations

from harmledger.models import Article, Claim, Incident
from harmledger.reconcile.rules import FIGURE_RULES

_FIGURES = ("low", "best", "high", "conservative")


def figure_status_line(incident: Incident) -> str:
    """"figures: revised · denied by: Russia" — the status a reader acts on."""
    denied = ", ".join(incident.denied_by) or "nobody"
    return f"figures: {incident.figure_status} · denied by: {denied}"


def explain_figures(incident: Incident, articles: dict[str, Article], kind: str) -> list[str]:
    """Lines saying which rule and which claims made low, best, high and conservative for `kind`."""
    found = incident.claims
    figures = getattr(incident, kind)
    if not figures.basis.get("best"):
        outliers = figures.basis.get("outliers", [])
        tail = f"; not counted: {_claims(found, outliers, articles)}" if outliers else ""
        return [f"{kind}: no total claimed{tail}"]
    lines = [f"{kind}: totals are {FIGURE_RULES['totals']}"]
    for name in _FIGURES:
        value = getattr(figures, name)
        behind = _claims(found, figures.basis.get(name, []), articles)
        lines.append(f"  {name} {value} = {FIGURE_RULES[name]}: {behind}")
    outliers = figures.basis.get("outliers", [])
    if outliers:
        lines.append(f"  outliers ({FIGURE_RULES['outliers']}): {_claims(found, outliers, articles)}")
    return lines


def _claims(found: list[Claim], ids: list[int], articles: dict[str, Article]) -> str:
    return "; ".join(f"claim {i} {_one(found[i], articles)}" for i in ids if i < len(found))


def _one(c: Claim, articles: dict[str, Article]) -> str:
    a = articles.get(c.article_id)
    when = a.published.isoformat() if a is not None and a.published else "undated"
    figure = f"{c.low}+" if c.high is None else (f"{c.low}" if c.low == c.high else f"{c.low}-{c.high}")
    group = "" if c.group in ("all", "civilians") else f" {c.group}"
    kind, side = c.source_type or "unknown", c.side or "unknown"
    return f"{figure}{group} by {c.entity or c.claimant} ({kind}, {side} side, {when})"
