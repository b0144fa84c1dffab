"""Low / best / high and the conservative figure for one kind of count (UCDP and ACLED style),
by the rules of reconcile/rules.py (FIGURE_RULES), each with the claims behind it.

- Totals are claims for all victims or all civilians (reconcile/totals.py); a party's count of
  enemy combatants is never one. Reliable totals come from non-party sources.
- low / high = the smallest and largest total (party claims and self-revised figures included,
  marked as outliers; a party's count of enemy combatants is never a total).
- best = the latest figure of the most authoritative non-party source type among the sources of
  the latest reports (an article that only recalls the incident does not set it).
- conservative = the smallest of the reliable sources' latest figures (ACLED's most
  conservative reliable figure), never an early toll its own source superseded.
"""

from __future__ import annotations

from harmledger.models import Article, Claim, Figures
from harmledger.reconcile.history import Series, published
from harmledger.reconcile.rules import authority
from harmledger.reconcile.totals import totals

__all__ = ["reconcile_figures", "totals"]


def _top(c: Claim) -> int:
    return (c.high if c.high is not None else c.low) or 0


def reconcile_figures(s: Series, found: list[Claim], main_articles: set[str],
                      articles: dict[str, Article]) -> Figures:
    """The reconciled figures of one series; `main_articles` report the incident (not recall it)."""
    if not s.totals:
        basis = {"outliers": _ids(found, s.enemy)} if s.enemy else {}
        return Figures(rule="no total claimed", basis=basis)
    # low/high span every total: the outliers among them are shown and marked, not hidden
    counted = s.reliable + s.party
    latest = list(s.latest.values())
    reporting = [c for c in latest if c.article_id in main_articles] or latest
    day = max(published(c, articles) for c in reporting)
    recent = [c for c in reporting if published(c, articles) == day]
    best = min(recent, key=lambda c: (authority(c.source_type), -(c.low or 0)))
    conservative = min(latest, key=lambda c: c.low or 0)
    low = min(counted, key=lambda c: c.low or 0)
    high = max(counted, key=_top)
    basis = {"low": _ids(found, [low]), "best": _ids(found, [best]), "high": _ids(found, [high]),
             "conservative": _ids(found, [conservative]),
             "outliers": _ids(found, s.enemy + s.party + s.superseded)}
    when = day.isoformat() if day != day.min else "undated"
    rule = (f"best: latest figure ({when}) of the most authoritative non-party source, "
            f"{best.entity or best.claimant} ({best.source_type}); conservative: smallest of "
            f"{len(latest)} sources' latest figures; low/high: {len(counted)} totals, "
            f"{len(s.party) + len(s.superseded)} of them outliers"
            + (f"; {s.fallback}" if s.fallback else ""))
    return Figures(low=low.low, best=best.low, high=max(_top(high), best.low or 0),
                   conservative=conservative.low, rule=rule, basis=basis)


def _ids(found: list[Claim], subset: list[Claim]) -> list[int]:
    return [i for i, c in enumerate(found) if any(c is s for s in subset)]
