"""Storing and reading the corrections made by hand (models.Decision), oldest first."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from harmledger.models import Action, Decision
from harmledger.store import version
from harmledger.store.schema import decisions

_LISTS = ("together", "apart", "others", "articles")


def save_decision(conn: Connection, d: Decision) -> Decision:
    """Store `d` in the caller's transaction; returns it with its id and time."""
    made_at = d.made_at or datetime.now(UTC).replace(tzinfo=None)
    row: dict[str, Any] = {k: json.dumps(list(getattr(d, k))) for k in _LISTS}
    result = conn.execute(insert(decisions).values(
        action=str(d.action), incident_id=d.incident_id, reason=d.reason, author=d.author, made_at=made_at,
        **row))
    key = result.inserted_primary_key
    version.bump(conn)
    return Decision(d.action, d.incident_id, d.together, d.apart, d.others, d.articles, d.reason, d.author,
                    made_at, int(key[0]) if key else None)


def load_decisions(conn: Connection) -> list[Decision]:
    """Every decision, in the order made."""
    rows = conn.execute(select(decisions).order_by(decisions.c.id))
    return [Decision(Action(r.action), r.incident_id, together=_ids(r.together), apart=_ids(r.apart),
                     others=_ids(r.others), articles=_ids(r.articles), reason=r.reason, author=r.author,
                     made_at=r.made_at, id=r.id) for r in rows]


def _ids(text: str) -> tuple[str, ...]:
    return tuple(str(v) for v in json.loads(text))
