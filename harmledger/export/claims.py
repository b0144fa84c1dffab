"""The per-claim CSV (`--format claims`): one row per claim, with the incident it belongs to and
the article it comes from, so a figure can be cited and checked without the JSON export."""

from __future__ import annotations

import csv
import io
from typing import Any

from harmledger.models import Article, Claim, Incident

CLAIM_COLUMNS = [
    "incident_id", "claim_id", "kind", "low", "high", "qualifier", "group", "claimant",
    "entity", "source_type", "side", "accused",
    "article_id", "source_id", "outlet", "url", "published", "language", "reprint_of", "evidence",
]


def claim_rows(inc: Incident, articles: dict[str, Article]) -> list[dict[str, Any]]:
    """The rows of one incident's claims, in the incident's claim order."""
    rows = []
    for claim_id, c in zip(inc.claim_ids, inc.claims, strict=True):
        a = articles.get(c.article_id)
        rows.append({
            "incident_id": inc.id, "claim_id": claim_id, "kind": c.kind,
            "low": "" if c.low is None else c.low, "high": "" if c.high is None else c.high,
            "qualifier": c.qualifier or "", "group": c.group, "claimant": c.claimant, **claimant_fields(c),
            "article_id": c.article_id, "source_id": a.source_id if a else "", "outlet": a.outlet if a else "",
            "url": a.url if a else "", "published": a.published.isoformat() if a and a.published else "",
            "language": a.language if a else "", "reprint_of": (a.duplicate_of or "") if a else "",
            # one line per row: a newline inside the evidence would be quoted, but breaks line tools
            "evidence": " ".join(c.evidence.split()),
        })
    return rows


def to_claims_csv(incidents: list[Incident], articles: dict[str, Article]) -> str:
    """Every claim of `incidents`, header line first."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for inc in incidents:
        writer.writerows(claim_rows(inc, articles))
    return buf.getvalue()


def claimant_fields(c: Claim) -> dict[str, str]:
    """Who the claimant is (issue 15): entity, source type, side, and for a blame whom it accuses."""
    return {"entity": c.entity or c.claimant, "source_type": c.source_type or "unknown",
            "side": c.side or "unknown", "accused": c.accused}
