"""Wires the stages: ingest → extract → store → resolve → reconcile → store."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from datasketch import MinHash
from sqlalchemy import Connection, Engine

from harmledger import faults, limits
from harmledger.errors import HarmledgerError
from harmledger.ingest.duplicates import DuplicateFinder, signature, to_bytes
from harmledger.ingest.record import to_article
from harmledger.ingest.sources import input_files, read_file
from harmledger.models import Article, Incident, Mention
from harmledger.reconcile.incident import reconcile
from harmledger.resolve.cluster import Resolution, build_incident, resolve_batch
from harmledger.resolve.index import ProfileIndex
from harmledger.store import repository
from harmledger.store.blocking import batch_time, blocking_keys, load_profiles
from harmledger.store.database import exclusive
from harmledger.store.resolution import replace_incidents, save_incidents

if TYPE_CHECKING:
    from harmledger.extract.gazetteer import Gazetteer


@dataclass
class IngestReport:
    files: int = 0
    articles_seen: int = 0
    articles_new: int = 0
    duplicates: int = 0
    incidents: int = 0  # new or changed by this ingest
    merged: int = 0
    errors: list[HarmledgerError] = field(default_factory=list)
    # Stored but not read (HL111): the command still succeeds.
    warnings: list[HarmledgerError] = field(default_factory=list)
    worker_peak_rss: dict[str, int] = field(default_factory=dict)  # Dask worker -> bytes
    # Wall time of each stage here: "extract" is parsing in this process, or with Dask the wait
    # for the workers (including "dask_start", the cluster start with models loaded); "store"
    # includes the duplicate search.
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(
        ("read", "extract", "store", "resolve"), 0.0))


def read_articles(paths: list[Path], report: IngestReport) -> list[Article]:
    """Every article found under `paths`, de-duplicated by id; errors go into `report`."""
    files, errors = input_files(paths)
    report.errors.extend(errors)
    report.files = len(files)
    seen: dict[str, Article] = {}
    for path in files:
        result = read_file(path)
        report.errors.extend(result.errors)
        for record in result.records:
            article = to_article(record)
            if not article.text.strip():
                report.errors.append(HarmledgerError("HL102", path))
                continue
            if len(article.text) > limits.MAX_TEXT_CHARS:
                report.errors.append(HarmledgerError("HL112", article.source_id, detail=f"{len(article.text):,}",
                                                     limit=f"{limits.MAX_TEXT_CHARS:,}"))
                continue
            seen.setdefault(article.id, article)
    report.articles_seen = len(seen)
    return list(seen.values())


# An article, its mentions (or why extraction failed: HL113, the article is not stored) and its
# MinHash signature.
Extracted = tuple[Article, list[Mention] | str, MinHash]


def extract_batch(batch: list[Article]) -> list[Extracted]:
    """The per-article stages for a batch: parse, extract mentions and claims, embed them, and sign
    the text for near-duplicate search. Pure (no database), so it runs here or on a Dask worker;
    the models are loaded once per process. One article that fails fails alone."""
    # Imported here, not at the top: spaCy and torch take seconds to import, and commands that
    # stop before parsing (bad input, nothing new) should not pay for them.
    from harmledger.extract.gazetteer import load_gazetteer
    from harmledger.extract.lang import pack_for
    from harmledger.extract.nlp import load_nlp

    by_parser = [a for a in batch if (pack := pack_for(a.language)) is not None and pack.reader == "spacy"]
    mentions: dict[str, list[Mention] | str] = {}
    if by_parser:  # a batch no parser reads (an upload in another language) loads no model
        nlp, gazetteer = load_nlp(), load_gazetteer()
        try:
            mentions = _extract_all(by_parser, nlp, gazetteer)
        except Exception:  # noqa: BLE001 - the parser failed inside nlp.pipe: find the article alone
            mentions = {a.id: _extract_one(a, nlp, gazetteer) for a in by_parser}
    if any((pack := pack_for(a.language)) is not None and pack.reader == "morph" for a in batch):
        mentions.update(_read_by_lemmas(batch, load_gazetteer()))
    # An article no pack reads is stored (and reported by `unreadable`) with no mentions.
    extracted: list[Extracted] = [(a, mentions.get(a.id, []), signature(a.text)) for a in batch]
    _embed_mentions(extracted)
    return extracted


def _read_by_lemmas(batch: list[Article], gazetteer: Gazetteer) -> dict[str, list[Mention] | str]:
    """Mentions of the articles whose pack reads by lemmas (Ukrainian, Russian: no parser), or
    why one failed (HL113), each article on its own."""
    from harmledger.extract.lang import pack_for
    from harmledger.extract.morph_article import extract_mentions as extract_by_lemmas

    out: dict[str, list[Mention] | str] = {}
    for a in batch:
        if (pack := pack_for(a.language)) is not None and pack.reader == "morph":
            try:
                out[a.id] = extract_by_lemmas(a, gazetteer)
            except Exception as exc:  # noqa: BLE001 - reported as HL113 with the article, never raised
                out[a.id] = _failure(exc)
    return out


def parse_and_extract(article: Article, nlp: Any, gazetteer: Any) -> list[Mention]:
    """The mentions of one article, parsed in windows when long (extract/windows.py)."""
    found = _extract_all([article], nlp, gazetteer)[article.id]
    if isinstance(found, str):
        raise ValueError(found)
    return found


def _extract_all(articles: list[Article], nlp: Any, gazetteer: Any) -> dict[str, list[Mention] | str]:
    """Mentions of each article (or why it failed), all windows parsed in one nlp.pipe."""
    from harmledger.extract.article import extract_mentions
    from harmledger.extract.windows import joined, window_articles

    pieces = [(a.id, offset, piece) for a in articles for offset, piece in window_articles(a)]
    parts: dict[str, list[tuple[int, list[Mention]]] | str] = {a.id: [] for a in articles}
    for (aid, offset, piece), doc in zip(pieces, _parse(nlp, [p.text for _, _, p in pieces]), strict=True):
        done = parts[aid]
        if isinstance(done, str):
            continue
        try:
            done.append((offset, extract_mentions(piece, doc, gazetteer)))
        except Exception as exc:  # noqa: BLE001 - reported as HL113 with the article, never raised
            parts[aid] = _failure(exc)
    return {aid: found if isinstance(found, str) else joined(found) for aid, found in parts.items()}


def _parse(nlp: Any, texts: list[str]) -> Iterator[Any]:
    """nlp.pipe over `texts` in groups of at most limits.PIPE_CHARS characters: spaCy holds a whole
    group's Docs at once, so a batch of long texts (windows) stays bounded in memory."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > limits.PIPE_CHARS:
            yield from nlp.pipe(group)
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group)


def _extract_one(article: Article, nlp: Any, gazetteer: Any) -> list[Mention] | str:
    try:
        return _extract_all([article], nlp, gazetteer)[article.id]
    except Exception as exc:  # noqa: BLE001 - reported as HL113 with the article, never raised
        return _failure(exc)


def _failure(exc: BaseException) -> str:
    """What went wrong, in one line, for HL113."""
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def unreadable(articles: Iterable[Article]) -> list[HarmledgerError]:
    """HL111 for each article in a language no pack reads."""
    from harmledger.extract.lang import PACKS, pack_for

    languages = ", ".join(sorted(PACKS))
    return [HarmledgerError("HL111", a.source_id, detail=a.language, languages=languages)
            for a in articles if pack_for(a.language) is None]


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
        from harmledger.distribute import extract_on_dask

        results: Iterable[list[Extracted]] = extract_on_dask(batches, workers, scheduler, report)
    else:
        results = map(extract_batch, batches)
    done = 0
    for number, extracted in enumerate(results, 1):
        faults.checkpoint("extracted", number)
        clock = _lap(report, "extract", clock)
        items: list[tuple[Article, list[Mention], bytes | None]] = []
        for article, mentions, sig in extracted:
            if isinstance(mentions, str):  # not stored: a later ingest of the input tries again
                report.errors.append(HarmledgerError("HL113", article.source_id, detail=mentions))
                continue
            original = finder.add(article.id, sig)
            if original is not None:
                article = dataclasses.replace(article, duplicate_of=original)
                report.duplicates += 1
            items.append((article, mentions, to_bytes(sig)))
        # Another process may have stored some of these meanwhile: same content, same id, skipped.
        saved = _save(engine, items, report)
        faults.checkpoint("stored", number)
        report.articles_new += len(saved)
        done += len(extracted)
        if progress:
            progress(done, len(new))
        clock = _lap(report, "store", clock)
    return _lap(report, "extract", clock)


def _save(engine: Engine, items: list[tuple[Article, list[Mention], bytes | None]],
          report: IngestReport) -> set[str]:
    """Store a batch in one transaction; when the database refuses one of its articles, store
    them one at a time so that article alone fails (HL114). A lost connection still fails all."""
    from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

    try:
        return repository.save_articles(engine, items)
    except (OperationalError, InterfaceError):
        raise
    except (SQLAlchemyError, OverflowError, ValueError):
        pass  # find the article it refuses: each alone below
    saved: set[str] = set()
    for item in items:
        try:
            saved |= repository.save_articles(engine, [item])
        except (OperationalError, InterfaceError):
            raise
        except (SQLAlchemyError, OverflowError, ValueError) as exc:
            report.errors.append(HarmledgerError("HL114", item[0].source_id, detail=_failure(exc)))
    return saved


def _lap(report: IngestReport, stage: str, since: float) -> float:
    """Add the time since `since` to `stage`; returns now."""
    now = time.perf_counter()
    report.seconds[stage] += now - since
    return now


def _embed_mentions(extracted: list[Extracted]) -> None:
    """The mentions of a whole batch in one embedding call (the encoder takes them one at a time,
    see encoder.Encoder.encode, but loads and checks once)."""
    from harmledger.extract.embedding import embed, mention_text

    # The encoder is English-only: a Ukrainian or Russian mention gets no vector, so it joins
    # an incident on place, date, type and target, never on a cosine across languages.
    pairs = [(a, m) for a, found, _ in extracted if not isinstance(found, str) and _encodes(a.language)
             for m in found]
    for (_, m), vector in zip(pairs, embed([mention_text(a, m) for a, m in pairs]), strict=True):
        m.vector = vector


def _encodes(language: str) -> bool:
    from harmledger.extract.lang import pack_for

    pack = pack_for(language)
    return pack is not None and pack.reader == "spacy"


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
    changed = _assemble(conn, result, index)
    save_incidents(conn, changed, index.by_id, result.merged, span)
    faults.checkpoint("resolving", 1)  # inside the transaction: a kill here commits nothing
    return changed, result.merged


def _assemble(conn: Connection, result: Resolution, index: ProfileIndex) -> list[Incident]:
    """Touched incidents with all their mentions (stored and new), reconciled."""
    absorbed: dict[str, list[str]] = {}
    for old, new in result.merged.items():
        absorbed.setdefault(new, []).append(old)
    wanted = sorted(result.touched | set(result.merged))
    stored = repository.load_members(conn, wanted)
    fresh = {m.id for ms in result.members.values() for m in ms}
    out = []
    for iid in sorted(result.touched):
        members = [m for old in [iid, *absorbed.get(iid, [])] for m in stored.get(old, []) if m.id not in fresh]
        members += result.members[iid]
        out.append(build_incident(iid, members, index.by_id[iid].background_only))
    article_ids = {m.article_id for inc in out for m in inc.mentions}
    articles = repository.load_articles(conn, article_ids, with_text=False)
    return [reconcile(inc, articles) for inc in out]


def rebuild_incidents(engine: Engine) -> list[Incident]:
    """Resolve every stored mention afresh (after a change of rules); ids that vanish redirect.
    Reads and writes in one transaction under the resolve lock: an ingest that stores meanwhile
    waits, and its mentions are either read here or left pending for its own resolution."""
    with engine.begin() as conn:
        exclusive(conn)
        found = repository.load_mentions(conn)
        before = repository.mention_owners(conn)
        index = ProfileIndex()
        result = resolve_batch(found, index)
        names = keep_ids(result.members, before)
        built = [build_incident(names[iid], ms, index.by_id[iid].background_only)
                 for iid, ms in result.members.items()]
        profiles = {names[iid]: p for iid, p in index.by_id.items()}
        articles = repository.load_articles(conn, with_text=False)
        incidents = [reconcile(inc, articles) for inc in built]
        replace_incidents(conn, incidents, profiles)
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
