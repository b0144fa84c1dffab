"""Run the pipeline on a gold folder in a fresh temporary database and score its export."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from harmledger.errors import HarmledgerError
from harmledger.evaluate.score import score
from harmledger.pipeline import ingest
from harmledger.serve.export import Filters, to_json
from harmledger.store.database import open_database
from harmledger.store.repository import all_articles, load_incidents


def evaluate(gold_dir: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(scores, export) for the gold folder's articles ingested into a temporary database."""
    articles = gold_dir / "articles.jsonl"
    if not articles.is_file() or not (gold_dir / "incidents.jsonl").is_file():
        raise HarmledgerError("HL200", gold_dir)
    with tempfile.TemporaryDirectory(prefix="harmledger-eval-") as tmp:
        engine = open_database(str(Path(tmp) / "eval.db"))
        report = ingest(engine, [articles])
        if report.errors:
            raise report.errors[0]
        export = json.loads(to_json(load_incidents(engine), all_articles(engine), Filters()))
        engine.dispose()
    return score(export, gold_dir), export
