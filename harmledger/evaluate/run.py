"""Run the pipeline on a gold folder in a fresh temporary database and score its export."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmledger.errors import HarmledgerError
from harmledger.evaluate.baselines import BASELINES
from harmledger.evaluate.score import same_town_merges, score
from harmledger.pipeline import ingest
from harmledger.serve.export import Filters, to_json
from harmledger.store.database import open_database
from harmledger.store.repository import all_articles, load_incidents


@dataclass
class Evaluation:
    scores: dict[str, Any]
    export: dict[str, Any]
    baselines: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> its metrics
    # gold incidents of one town on different days that share a system incident (score.same_town_merges)
    merged_apart_days: list[tuple[str, str, str]] = field(default_factory=list)


def evaluate(gold_dir: Path, baselines: bool = False) -> Evaluation:
    """Scores (and, if asked, baseline scores) for the gold folder's articles ingested into a
    temporary database."""
    articles = gold_dir / "articles.jsonl"
    if not articles.is_file() or not (gold_dir / "incidents.jsonl").is_file():
        raise HarmledgerError("HL200", gold_dir)
    with tempfile.TemporaryDirectory(prefix="harmledger-eval-") as tmp:
        engine = open_database(str(Path(tmp) / "eval.db"))
        report = ingest(engine, [articles])
        if report.errors:
            raise report.errors[0]
        texts = all_articles(engine)
        export = json.loads(to_json(load_incidents(engine), texts, Filters()))
        engine.dispose()
    result = Evaluation(score(export, gold_dir), export, merged_apart_days=same_town_merges(export, gold_dir))
    if baselines:
        for name, (swap, metrics) in BASELINES.items():
            scores = score(swap(export, texts), gold_dir)
            result.baselines[name] = {m: scores[m] for m in metrics}
    return result
