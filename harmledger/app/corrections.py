"""Corrections by hand: split articles out of an incident, or merge incidents into one.

Both keep every id resolvable: a split leaves the incident's id on the part that stays, a merge
redirects the ids it absorbs. A later `harmledger rebuild` re-decides everything from the rules,
corrections included (it keeps ids by overlap and redirects the ones that vanish).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, Engine

from harmledger.errors import HarmledgerError
from harmledger.models import Incident, Join, Mention
from harmledger.reconcile.incident import reconcile
from harmledger.resolve.cluster import build_incident
from harmledger.resolve.features import profile_of
from harmledger.store import repository
from harmledger.store.database import exclusive
from harmledger.store.resolution import save_incidents


def split_incident(engine: Engine, incident_id: str, article_refs: list[str]) -> tuple[str, str]:
    """Move the mentions of `article_refs` (article ids or source ids) into a new incident;
    returns (the id that stays, the new id)."""
    current, _ = repository.resolve_incident_id(engine, incident_id)
    with engine.begin() as conn:
        exclusive(conn)  # not while an ingest is resolving
        members = repository.load_members(conn, [current]).get(current)
        if not members:
            raise HarmledgerError("HL301", detail=incident_id)
        articles = repository.load_articles(conn, {m.article_id for m in members}, with_text=False)
        wanted = set(article_refs)
        moved = [m for m in members if m.article_id in wanted or articles[m.article_id].source_id in wanted]
        stays = [m for m in members if m not in moved]
        if not moved:
            raise HarmledgerError("HL303", detail=f"{current}: none of {', '.join(article_refs)} is in it")
        if not stays:
            raise HarmledgerError("HL303", detail=f"{current}: that would move every article out")
        new_id = "I" + hashlib.sha1(f"{current}|split|{min(m.id for m in moved)}".encode()).hexdigest()[:12]
        for m in moved:
            m.joined = Join(0.0, {"relation": f"split off {current} by hand"})
        _store(conn, [(current, stays), (new_id, moved)], {})
    return current, new_id


def merge_incidents(engine: Engine, keep_id: str, other_ids: list[str]) -> str:
    """Merge `other_ids` into `keep_id`; their ids redirect to it. Returns the kept id."""
    keep, _ = repository.resolve_incident_id(engine, keep_id)
    others = sorted({repository.resolve_incident_id(engine, i)[0] for i in other_ids} - {keep})
    if not others:
        raise HarmledgerError("HL304", detail=f"{keep_id}: name at least one other incident")
    with engine.begin() as conn:
        exclusive(conn)
        members = repository.load_members(conn, [keep, *others])
        for iid in [keep, *others]:
            if not members.get(iid):
                raise HarmledgerError("HL301", detail=iid)
        for iid in others:
            for m in members[iid]:
                m.joined = Join(0.0, {"relation": f"merged from {iid} by hand"})
        _store(conn, [(keep, [m for iid in [keep, *others] for m in members[iid]])], {i: keep for i in others})
    return keep


def _store(conn: Connection, parts: list[tuple[str, list[Mention]]], merged: dict[str, str]) -> None:
    built: list[Incident] = []
    for iid, ms in parts:
        built.append(build_incident(iid, ms, background_only=all(m.role != "main" for m in ms)))
    articles = repository.load_articles(conn, {m.article_id for _, ms in parts for m in ms}, with_text=False)
    found = [reconcile(inc, articles) for inc in built]
    profiles = {iid: profile_of(iid, ms) for iid, ms in parts}
    save_incidents(conn, found, profiles, merged)
