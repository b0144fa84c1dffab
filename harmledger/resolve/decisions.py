"""Corrections by hand honoured by the resolver: the groups of mentions after every decision.

The rules decide first (cluster.py); the decisions then move mentions, in the order they were
made, so a later decision overrides an earlier one. A merge unites the incidents that hold its
mentions; a split or a detach moves its mentions out of any incident that also holds mentions it
keeps them apart from. Mentions that no longer exist are ignored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from harmledger.models import Decision, Mention


def honour(members: dict[str, list[Mention]], decisions: Sequence[Decision],
           together: bool = True) -> tuple[dict[str, list[Mention]], set[str]]:
    """`members` (incident id -> mentions) after `decisions`, and the ids whose mentions changed.
    With `together` False only the split and detach decisions apply (an ingest, which only adds
    mentions, cannot part what a merge joined)."""
    groups = {iid: list(ms) for iid, ms in members.items()}
    changed: set[str] = set()
    for d in decisions:
        if d.together and together:
            changed |= _keep_together(groups, d)
        if d.apart:
            changed |= _keep_apart(groups, d)
    return groups, changed & set(groups)


def _keep_together(groups: dict[str, list[Mention]], d: Decision) -> set[str]:
    wanted = set(d.together)
    holders = sorted(iid for iid, ms in groups.items() if any(m.id in wanted for m in ms))
    if len(holders) < 2:
        return set()
    # the incident named when it was made keeps the others; else the largest
    keep = d.incident_id if d.incident_id in holders else max(holders, key=lambda i: (len(groups[i]), i))
    for iid in holders:
        if iid != keep:
            groups[keep].extend(groups.pop(iid))
    return {keep}


def _keep_apart(groups: dict[str, list[Mention]], d: Decision) -> set[str]:
    apart, others = set(d.apart), set(d.others)
    changed: set[str] = set()
    for iid in sorted(groups):
        ms = groups[iid]
        moved = [m for m in ms if m.id in apart]
        stays = [m for m in ms if m.id not in apart]
        if not moved or not any(not others or m.id in others for m in stays):
            continue
        new_id = part_id(iid, d.action, moved)
        groups[iid] = stays
        groups.setdefault(new_id, []).extend(moved)
        changed |= {iid, new_id}
    return changed


def part_id(incident_id: str, action: str, moved: list[Mention]) -> str:
    """The id of the part moved out of `incident_id`: the same part always gets the same id."""
    return "I" + hashlib.sha1(f"{incident_id}|{action}|{min(m.id for m in moved)}".encode()).hexdigest()[:12]
