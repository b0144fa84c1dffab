"""Which claims state an incident's total for one kind of count (docs/reconciliation.md §1)."""

from __future__ import annotations

from collections import defaultdict

from harmledger.conventions import TOTAL_GROUPS, TOTAL_LIKE_GROUPS
from harmledger.models import Claim


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
