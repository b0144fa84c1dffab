"""Low / best / high and the conservative figure for one kind of count (UCDP and ACLED style).

- Totals are claims for all victims, or for all civilians (the civilian toll of an attack on
  civilians is its toll, as the corpus conventions count it). An article that gives no total
  contributes its figures for a named group of adults (soldiers, police officers …); children and
  other subgroups are never totals.
- low = the smallest total claimed, high = the largest (an open "at least N" counts as N).
- best = the largest total in the most recent article that reports the incident (tolls rise;
  later reports supersede; an article that only recalls the incident does not set it).
- conservative = the smallest total in that same most recent article (ACLED's most
  conservative reliable figure).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from harmledger.conventions import TOTAL_GROUPS, TOTAL_LIKE_GROUPS
from harmledger.models import Article, Claim, Figures


def totals(found: list[Claim], kind: str) -> list[Claim]:
    """The claims of `kind` that state a total for the incident (see the module rules)."""
    per_article: dict[str, list[Claim]] = defaultdict(list)
    for c in found:
        if c.kind == kind and c.low is not None:
            per_article[c.article_id].append(c)
    out: list[Claim] = []
    for group in per_article.values():
        full = [c for c in group if c.group in TOTAL_GROUPS]
        nonzero_full = [c for c in full if c.low]
        if nonzero_full:
            out.extend(full)
        else:
            out.extend(full)
            out.extend(c for c in group if c.group in TOTAL_LIKE_GROUPS and c.group not in TOTAL_GROUPS)
    return out


def reconcile_figures(found: list[Claim], main: list[Claim], kind: str,
                      articles: dict[str, Article]) -> Figures:
    """The reconciled figures of `kind` ('killed' or 'injured') from an incident's claims;
    `main` are the claims of articles that report the incident (not those that recall it)."""
    chosen = totals(found, kind)
    reported = totals(main, kind) or chosen
    if not chosen:
        return Figures(rule="no claims")
    low = min(c.low for c in chosen if c.low is not None)
    high = max((c.high if c.high is not None else c.low) or 0 for c in chosen)

    def when(c: Claim) -> date:
        a = articles.get(c.article_id)
        return a.published if a is not None and a.published else date.min

    latest_day = max(when(c) for c in reported)
    latest = [c for c in reported if when(c) == latest_day]
    best = max(c.low or 0 for c in latest)
    conservative = min(c.low or 0 for c in latest)
    source = "the most recent article" if latest_day != date.min else "undated articles"
    rule = (f"low/high: smallest and largest of {len(chosen)} total claims; best: largest, "
            f"conservative: smallest total in {source} ({len(latest)} claims)")
    return Figures(low=low, best=best, high=max(high, best), conservative=conservative, rule=rule)
