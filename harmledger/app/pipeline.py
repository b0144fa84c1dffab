"""Ingest and rebuild: read → extract → store → resolve → reconcile → store.

The per-article stages (app/extraction.py) are pure and may run on Dask (app/distribute.py);
duplicates, storing and resolution run here, under the database's resolve lock."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from datasketch import MinHash
from sqlalchemy import Connection, Engine

from harmledger import faults, limits
from harmledger.app.extraction import Extracted, extract_batch, failure
from harmledger.app.reading import IngestReport, read_articles, unreadable
from harmledger.errors import Code, HarmledgerError
from harmledger.ingest.duplicates import DuplicateFinder, to_bytes
from harmledger.models import Article, Decision, Incident, Mention, Role
from harmledger.reconcile.incident import reconcile
from harmledger.resolve.cluster import Resolution, build_incident, resolve_batch
from harmledger.resolve.decisions import honour
from harmledger.resolve.features import Profile, profile_of
from harmledger.resolve.index import ProfileIndex
from harmledger.store import repository
from harmledger.store.blocking import batch_time, blocking_keys, load_profiles
from harmledger.store.database import exclusive
from harmledger.store.decisions import load_decisions
from harmledger.store.resolution import replace_incidents, save_incidents


def ingest(engine: Engine, paths: list[Path], progress: Callable[[int, int], None] | None = None,
           workers: int = 1, scheduler: str | None = None) -> IngestReport:
    """Read, extract and store new articles, then resolve and reconcile the incidents they touch.
    With `workers` > 1 or a `scheduler` address the per-article stages run on Dask; duplicates,
    storing and resolution stay here, in input order, so the result is the same."""
    report = IngestReport()
    clock = time.perf_counter()
    found = read_articles(paths, report)
    known = repository.known_article_ids(engine, (a.id for a in found))
    new = [a for a in found if a.id not in known]
    if new:
        report.warnings.extend(unreadable(new))
        clock = _store_new(engine, new, report, progress, workers, scheduler, clock)
    # Whatever is stored but not yet in an incident is resolved here, this run's articles and any
    # a killed or failed run left behind, so every ingest converges on the same incidents.
    changed, merged = resolve_pending(engine)
    report.incidents, report.merged = len(changed), len(merged)
    _lap(report, "resolve", clock)
    return report


def _store_new(engine: Engine, new: list[Article], report: IngestReport,
               progress: Callable[[int, int], None] | None, workers: int, scheduler: str | None,
               clock: float) -> float:
    """Extract and store `new` batch by batch (each batch one transaction); returns the clock."""
    finder = DuplicateFinder(repository.minhashes(engine))
    clock = _lap(report, "read", clock)
    batches = [new[start:start + limits.BATCH] for start in range(0, len(new), limits.BATCH)]
    if workers > 1 or scheduler:
        from harmledger.app.distribute import extract_on_dask

        results: Iterable[list[Extracted]] = extract_on_dask(batches, workers, scheduler, report)
    else:
        results = map(extract_batch, batches)
    done = 0
    for number, extracted in enumerate(results, 1):
        faults.checkpoint("extracted", number)
        clock = _lap(report, "extract", clock)
        items: list[tuple[Article, list[Mention], bytes | None]] = []
        signed: list[tuple[str, MinHash]] = []
        for article, mentions, sig in extracted:
            if isinstance(mentions, str):  # not stored: a later ingest of the input tries again
                report.errors.append(HarmledgerError(Code.EXTRACTION_FAILED, article.source_id, detail=mentions))
                continue
            items.append((article, mentions, to_bytes(sig)))
            signed.append((article.id, sig))
        # Another process may have stored some of these meanwhile: same content, same id, skipped.
        saved = _save(engine, items, report, Reprints(finder, signed, report))
        faults.checkpoint("stored", number)
        report.articles_new += len(saved)
        done += len(extracted)
        if progress:
            progress(done, len(new))
        clock = _lap(report, "store", clock)
    return _lap(report, "extract", clock)


class Reprints:
    """The original each article of a batch reprints, found while the batch is stored: under the
    store lock, after taking in what other processes stored since the finder was built, so two
    ingests at once still mark one copy of a wire story a reprint of the other. Each article is
    looked up once, however often its batch is tried (see `_save`)."""

    def __init__(self, finder: DuplicateFinder, batch: list[tuple[str, MinHash]], report: IngestReport) -> None:
        self.finder = finder
        self.batch = batch
        self.report = report
        self.found: dict[str, str | None] = {}

    def __call__(self, conn: Connection) -> dict[str, str | None]:
        self.finder.learn(repository.minhashes_besides(conn, self.finder.seen()))
        for article_id, sig in self.batch:
            if article_id not in self.found:
                self.found[article_id] = self.finder.add(article_id, sig)
                self.report.duplicates += self.found[article_id] is not None
        return self.found


def _save(engine: Engine, items: list[tuple[Article, list[Mention], bytes | None]],
          report: IngestReport, originals: Reprints) -> set[str]:
    """Store a batch in one transaction; when the database refuses one of its articles, store
    them one at a time so that article alone fails (HL114). A lost connection still fails all."""
    from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

    try:
        return repository.save_articles(engine, items, originals)
    except (OperationalError, InterfaceError):
        raise
    except (SQLAlchemyError, OverflowError, ValueError):
        pass  # find the article it refuses: each alone below
    saved: set[str] = set()
    for item in items:
        try:
            saved |= repository.save_articles(engine, [item], originals)
        except (OperationalError, InterfaceError):
            raise
        except (SQLAlchemyError, OverflowError, ValueError) as exc:
            report.errors.append(HarmledgerError(Code.ARTICLE_REFUSED, item[0].source_id, detail=failure(exc)))
    return saved


def _lap(report: IngestReport, stage: str, since: float) -> float:
    """Add the time since `since` to `stage`; returns now."""
    now = time.perf_counter()
    report.seconds[stage] += now - since
    return now


def resolve_pending(engine: Engine) -> tuple[list[Incident], dict[str, str]]:
    """Resolve every stored mention that is in no incident yet (see `resolve_new`). The set is
    read under the lock, so two processes never resolve one mention twice, and read from the
    database, so a run that stored and one that finishes a killed run's work see the same
    mentions (vectors as stored) and make the same incidents."""
    with engine.begin() as conn:
        exclusive(conn)
        found = repository.pending_mentions(conn)
        if not found:
            return [], {}
        return _resolve_locked(conn, found)


def resolve_new(engine: Engine, found: list[Mention]) -> tuple[list[Incident], dict[str, str]]:
    """Resolve `found` (stored, not yet in an incident) against the stored incidents near them,
    then reconcile and store the incidents they touched; returns those and the merged ids.
    Processes sharing the database take turns here (a database lock, see docs/scaling.md), so
    two ingests never both found an incident for one event."""
    with engine.begin() as conn:
        exclusive(conn)
        return _resolve_locked(conn, found)


def _resolve_locked(conn: Connection, found: list[Mention]) -> tuple[list[Incident], dict[str, str]]:
    """resolve_new's work inside a transaction that holds the resolve lock."""
    years, span = batch_time(conn, found)
    index = ProfileIndex(load_profiles(conn, blocking_keys(found, years, span)))
    result = resolve_batch(found, index)
    groups = _members(conn, result)
    # An ingest only adds mentions, so only a split or a detach can be undone by it: a report
    # that fits both parts again. The parts are parted again, under the ids they had.
    groups, profiles = _honour(groups, load_decisions(conn), index.by_id, together=False)
    merged = {old: new for old, new in result.merged.items() if old not in groups}
    changed = _reconciled(conn, groups, profiles)
    save_incidents(conn, changed, profiles, merged, span)
    faults.checkpoint("resolving", 1)  # inside the transaction: a kill here commits nothing
    return changed, merged


def _members(conn: Connection, result: Resolution) -> dict[str, list[Mention]]:
    """Every mention of each touched incident, stored and new."""
    absorbed: dict[str, list[str]] = {}
    for old, new in result.merged.items():
        absorbed.setdefault(new, []).append(old)
    wanted = sorted(result.touched | set(result.merged))
    stored = repository.load_members(conn, wanted)
    fresh = {m.id for ms in result.members.values() for m in ms}
    out = {}
    for iid in sorted(result.touched):
        members = [m for old in [iid, *absorbed.get(iid, [])] for m in stored.get(old, []) if m.id not in fresh]
        out[iid] = members + result.members[iid]
    return out


def _honour(groups: dict[str, list[Mention]], decided: list[Decision], profiles: dict[str, Profile],
            together: bool = True) -> tuple[dict[str, list[Mention]], dict[str, Profile]]:
    """The groups after the corrections made by hand, and profiles for those they changed."""
    if not decided:
        return groups, profiles
    groups, changed = honour(groups, decided, together=together)
    fresh = {iid: profile_of(iid, groups[iid], _background(groups[iid], profiles.get(iid))) for iid in changed}
    return groups, {**profiles, **fresh}


def _background(ms: list[Mention], before: Profile | None) -> bool:
    return before.background_only if before is not None else all(m.role != Role.main for m in ms)


def _reconciled(conn: Connection, groups: dict[str, list[Mention]], profiles: dict[str, Profile]) -> list[Incident]:
    """An incident of each group, reconciled."""
    built = [build_incident(iid, ms, profiles[iid].background_only) for iid, ms in sorted(groups.items())]
    articles = repository.load_articles(conn, {m.article_id for inc in built for m in inc.mentions}, with_text=False)
    return [reconcile(inc, articles) for inc in built]


def rebuild_incidents(engine: Engine) -> list[Incident]:
    """Resolve every stored mention afresh (after a change of rules); ids that vanish redirect.
    The corrections made by hand are then applied again, in the order made. Reads and writes in
    one transaction under the resolve lock: an ingest that stores meanwhile waits, and its mentions
    are either read here or left pending for its own resolution."""
    with engine.begin() as conn:
        exclusive(conn)
        found = repository.load_mentions(conn)
        before = repository.mention_owners(conn)
        faults.checkpoint("rebuilding", 1)  # the race test runs an ingest here
        index = ProfileIndex()
        result = resolve_batch(found, index)
        groups, profiles = _honour(result.members, load_decisions(conn), index.by_id)
        names = keep_ids(groups, before)
        built = [build_incident(names[iid], ms, profiles[iid].background_only) for iid, ms in groups.items()]
        articles = repository.load_articles(conn, with_text=False)
        incidents = [reconcile(inc, articles) for inc in built]
        replace_incidents(conn, incidents, {names[iid]: profiles[iid] for iid in groups})
    return incidents


def keep_ids(members: dict[str, list[Mention]], before: dict[str, str]) -> dict[str, str]:
    """New incident id -> the stored id it keeps: the incident holding most of an old incident's
    mentions keeps that id, so a split leaves the old id on its larger part."""
    overlap: dict[tuple[str, str], int] = {}
    for iid, ms in members.items():
        for m in ms:
            if m.id in before:
                key = (before[m.id], iid)
                overlap[key] = overlap.get(key, 0) + 1
    names = {iid: iid for iid in members}
    taken: set[str] = set()
    for (old, iid), _ in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if old not in taken and names[iid] == iid:
            names[iid] = old
            taken.add(old)
    return names
