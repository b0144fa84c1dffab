"""Reading input files into articles, and the report of an ingest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from harmledger import limits
from harmledger.errors import Code, HarmledgerError
from harmledger.ingest.record import to_article
from harmledger.ingest.sources import input_files, read_file
from harmledger.models import Article


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
                report.errors.append(HarmledgerError(Code.EMPTY_FILE, path))
                continue
            if len(article.text) > limits.MAX_TEXT_CHARS:
                report.errors.append(HarmledgerError(Code.TOO_LONG, article.source_id, detail=f"{len(article.text):,}",
                                                     limit=f"{limits.MAX_TEXT_CHARS:,}"))
                continue
            seen.setdefault(article.id, article)
    report.articles_seen = len(seen)
    return list(seen.values())


def unreadable(articles: Iterable[Article]) -> list[HarmledgerError]:
    """HL111 for each article in a language no pack reads."""
    from harmledger.extract.lang import PACKS, pack_for

    languages = ", ".join(sorted(PACKS))
    return [HarmledgerError(Code.UNREAD_LANGUAGE, a.source_id, detail=a.language, languages=languages)
            for a in articles if pack_for(a.language) is None]
