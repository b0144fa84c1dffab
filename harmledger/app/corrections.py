"""Corrections by hand: split articles out of an incident, detach an article from every incident,
or merge incidents into one.

Each is stored as a decision (models.Decision: who, when, why) in the same transaction as its
change, and honoured by every later ingest and `harmledger rebuild` (resolve/decisions.py), so a
rebuild after new rules never undoes it. Every id stays resolvable: a split leaves the incident's
id on the part that stays, a merge redirects the ids it absorbs.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, Engine

from harmledger.errors import Code, HarmledgerError
from harmledger.models import Action, Decision, Incident, Join, Mention, Role
from harmledger.reconcile.incident import reconcile
from harmledger.resolve.cluster import build_incident
from harmledger.resolve.decisions import honour
from harmledger.resolve.features import profile_of
from harmledger.store import repository
from harmledger.store.database import exclusive
from harmledger.store.decisions import load_decisions, save_decision
from harmledger.store.resolution import save_incidents


def split_incident(engine: Engine, incident_id: str, article_refs: list[str], reason: str = "",
                   author: str = "") -> tuple[str, str]:
    """Move the mentions of `article_refs` (article ids or source ids) into a new incident;
    returns (the id that stays, the new id)."""
    current, _ = repository.resolve_incident_id(engine, incident_id)
    with engine.begin() as conn:
        exclusive(conn)  # not while an ingest is resolving
        members = repository.load_members(conn, [current]).get(current)
        if not members:
            raise HarmledgerError(Code.NO_SUCH_INCIDENT, detail=incident_id)
        articles = repository.load_articles(conn, {m.article_id for m in members}, with_text=False)
        wanted = set(article_refs)
        moved = [m for m in members if m.article_id in wanted or articles[m.article_id].source_id in wanted]
        stays = [m for m in members if m not in moved]
        if not moved:
            raise HarmledgerError(Code.CANNOT_SPLIT, detail=f"{current}: none of {', '.join(article_refs)} is in it")
        if not stays:
            raise HarmledgerError(Code.CANNOT_SPLIT, detail=f"{current}: that would move every article out")
        decision = Decision(Action.SPLIT, current, apart=_ids(moved), others=_ids(stays),
                            articles=tuple(sorted({m.article_id for m in moved})), reason=reason, author=author)
        groups = _apply(conn, {current: members}, decision)
    return current, next(iid for iid in groups if iid != current)


def detach_article(engine: Engine, article_ref: str, reason: str = "", author: str = "") -> list[str]:
    """Keep the mentions of one article (id or source id) out of every incident of other articles,
    now and after every rebuild; returns the incidents they are in now."""
    with engine.begin() as conn:
        exclusive(conn)
        article = repository.find_article(conn, article_ref)
        if article is None:
            raise HarmledgerError(Code.NO_SUCH_ARTICLE, detail=article_ref)
        owners = repository.mention_owners(conn)
        mine = {mid for mid in owners if mid.startswith(f"{article.id}:")}
        holders = sorted({owners[mid] for mid in mine})
        if not mine:
            raise HarmledgerError(Code.CANNOT_SPLIT, detail=f"{article_ref}: the article reports no incident")
        members = repository.load_members(conn, holders)
        decision = Decision(Action.DETACH, holders[0], apart=tuple(sorted(mine)), articles=(article.id,),
                            reason=reason, author=author)
        groups = _apply(conn, members, decision)
    return sorted(iid for iid, ms in groups.items() if any(m.id in mine for m in ms))


def merge_incidents(engine: Engine, keep_id: str, other_ids: list[str], reason: str = "", author: str = "") -> str:
    """Merge `other_ids` into `keep_id`; their ids redirect to it. Returns the kept id."""
    keep, _ = repository.resolve_incident_id(engine, keep_id)
    others = sorted({repository.resolve_incident_id(engine, i)[0] for i in other_ids} - {keep})
    if not others:
        raise HarmledgerError(Code.CANNOT_MERGE, detail=f"{keep_id}: name at least one other incident")
    with engine.begin() as conn:
        exclusive(conn)
        members = repository.load_members(conn, [keep, *others])
        for iid in [keep, *others]:
            if not members.get(iid):
                raise HarmledgerError(Code.NO_SUCH_INCIDENT, detail=iid)
        decision = Decision(Action.MERGE, keep, together=_ids([m for ms in members.values() for m in ms]),
                            reason=reason, author=author)
        _apply(conn, members, decision)
    return keep


def decisions(engine: Engine) -> list[Decision]:
    """The corrections made by hand, oldest first (the audit log)."""
    with engine.connect() as conn:
        return load_decisions(conn)


def _ids(ms: list[Mention]) -> tuple[str, ...]:
    return tuple(sorted(m.id for m in ms))


def _apply(conn: Connection, members: dict[str, list[Mention]], decision: Decision) -> dict[str, list[Mention]]:
    """Store `decision` and the incidents it changes; returns the groups it left."""
    save_decision(conn, decision)
    groups, changed = honour(members, [decision])
    for iid, ms in groups.items():
        for i, m in enumerate(ms):  # mentions are frozen: a copy with the join in the group's list
            if m.id in decision.apart and iid not in members:
                relation = f"{decision.action} from {decision.incident_id} by hand"
            elif decision.together and iid != _owner(members, m):
                relation = f"merged from {_owner(members, m)} by hand"
            else:
                continue
            ms[i] = replace(m, joined=Join(0.0, {"relation": relation}))
    merged = {iid: decision.incident_id for iid in members if iid not in groups}
    _store(conn, [(iid, groups[iid]) for iid in sorted(changed)], merged)
    return groups


def _owner(members: dict[str, list[Mention]], m: Mention) -> str:
    return next(iid for iid, ms in members.items() if any(x.id == m.id for x in ms))


def _store(conn: Connection, parts: list[tuple[str, list[Mention]]], merged: dict[str, str]) -> None:
    built: list[Incident] = []
    for iid, ms in parts:
        built.append(build_incident(iid, ms, background_only=all(m.role != Role.main for m in ms)))
    articles = repository.load_articles(conn, {m.article_id for _, ms in parts for m in ms}, with_text=False)
    found = [reconcile(inc, articles) for inc in built]
    profiles = {iid: profile_of(iid, ms) for iid, ms in parts}
    save_incidents(conn, found, profiles, merged)
