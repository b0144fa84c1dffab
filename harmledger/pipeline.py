"""Wires the stages: ingest → extract → store → resolve → reconcile → store."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from harmledger.errors import HarmledgerError
from harmledger.extract.article import extract_mentions
from harmledger.extract.gazetteer import load_gazetteer
from harmledger.extract.nlp import load_nlp
from harmledger.ingest.duplicates import DuplicateFinder, signature, to_bytes
from harmledger.ingest.record import to_article
from harmledger.ingest.sources import input_files, read_file
from harmledger.models import Article, Incident
from harmledger.reconcile.incident import reconcile
from harmledger.resolve.cluster import resolve
from harmledger.store import repository

BATCH = 64  # articles parsed per nlp.pipe call


@dataclass
class IngestReport:
    files: int = 0
    articles_seen: int = 0
    articles_new: int = 0
    duplicates: int = 0
    incidents: int = 0
    errors: list[HarmledgerError] = field(default_factory=list)


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
            seen.setdefault(article.id, article)
    report.articles_seen = len(seen)
    return list(seen.values())


def ingest(engine: Engine, paths: list[Path],
           progress: Callable[[int, int], None] | None = None) -> IngestReport:
    """Read, extract and store new articles, then re-resolve and reconcile the incident set."""
    report = IngestReport()
    found = read_articles(paths, report)
    known = repository.known_article_ids(engine, (a.id for a in found))
    new = [a for a in found if a.id not in known]
    if not new:
        return report
    finder = DuplicateFinder(repository.minhashes(engine))
    nlp, gazetteer = load_nlp(), load_gazetteer()
    done = 0
    for start in range(0, len(new), BATCH):
        batch = new[start:start + BATCH]
        for article, doc in zip(batch, nlp.pipe(a.text for a in batch), strict=True):
            sig = signature(article.text)
            original = finder.add(article.id, sig)
            if original is not None:
                article = dataclasses.replace(article, duplicate_of=original)
                report.duplicates += 1
            mentions = extract_mentions(article, doc, gazetteer)
            try:
                repository.save_article(engine, article, mentions, to_bytes(sig))
                report.articles_new += 1
            except IntegrityError:
                pass  # stored meanwhile by another process: same content, same id
            done += 1
            if progress:
                progress(done, len(new))
    report.incidents = len(rebuild_incidents(engine))
    return report


def rebuild_incidents(engine: Engine) -> list[Incident]:
    """Resolve all stored mentions into incidents, reconcile them and store the set."""
    articles = repository.all_articles(engine, with_text=False)  # reconciling needs only metadata
    incidents = [reconcile(i, articles) for i in resolve(repository.all_mentions(engine))]
    repository.replace_incidents(engine, incidents)
    return incidents
