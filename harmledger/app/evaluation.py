"""Run the pipeline on gold folders, each in its own fresh temporary database, and score the exports."""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmledger.app.pipeline import ingest
from harmledger.errors import Code, HarmledgerError
from harmledger.evaluate.baselines import BASELINES
from harmledger.evaluate.score import Tally, pool, same_town_merges, tally
from harmledger.export.formats import to_json
from harmledger.store.database import open_database
from harmledger.store.filters import Filters
from harmledger.store.repository import all_articles, load_incidents


@dataclass
class Evaluation:
    """One corpus's counts (or several corpora's, pooled), its baselines' and the export scored."""

    tally: Tally
    export: dict[str, Any] | None = None  # None when pooled: each corpus has its own export
    baseline_tallies: dict[str, Tally] = field(default_factory=dict)  # baseline name -> its counts
    # gold incidents of one town on different days that share a system incident (score.same_town_merges)
    merged_apart_days: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def scores(self) -> dict[str, Any]:
        """The reference scorer's metrics."""
        return self.tally.scores()

    @property
    def baselines(self) -> dict[str, dict[str, Any]]:
        """Each baseline's scores on the metrics it competes on."""
        out = {}
        for name, counts in self.baseline_tallies.items():
            scores = counts.scores()
            out[name] = {m: scores[m] for m in BASELINES[name][1]}
        return out

    def as_json(self) -> dict[str, Any]:
        """What `eval --json` prints: the reference scorer's keys, and baselines when scored."""
        return dict(self.scores, baselines=self.baselines) if self.baseline_tallies else self.scores


def check_gold_dir(gold_dir: Path) -> None:
    """Raise HL200 unless the folder holds articles.jsonl and incidents.jsonl."""
    if not (gold_dir / "articles.jsonl").is_file() or not (gold_dir / "incidents.jsonl").is_file():
        raise HarmledgerError(Code.BAD_GOLD_FOLDER, gold_dir)


def evaluate(gold_dir: Path, baselines: bool = False) -> Evaluation:
    """Scores (and, if asked, baseline scores) for the gold folder's articles ingested into a
    temporary database."""
    check_gold_dir(gold_dir)
    with tempfile.TemporaryDirectory(prefix="harmledger-eval-") as tmp:
        engine = open_database(str(Path(tmp) / "eval.db"))
        report = ingest(engine, [gold_dir / "articles.jsonl"])
        if report.errors:
            raise report.errors[0]
        texts = all_articles(engine)
        export = json.loads(to_json(load_incidents(engine), texts, Filters()))
        engine.dispose()
    result = Evaluation(tally(export, gold_dir), export, merged_apart_days=same_town_merges(export, gold_dir))
    if baselines:
        for name, (swap, _) in BASELINES.items():
            result.baseline_tallies[name] = tally(swap(export, texts), gold_dir)
    return result


def pooled(results: list[Evaluation]) -> Evaluation:
    """Several corpora as one: every count summed (micro-averages), baselines likewise."""
    names = results[0].baseline_tallies if results else {}
    return Evaluation(pool(r.tally for r in results),
                      baseline_tallies={n: pool(r.baseline_tallies[n] for r in results) for n in names},
                      merged_apart_days=[pair for r in results for pair in r.merged_apart_days])


def corpus_names(gold_dirs: list[Path]) -> list[str]:
    """Each corpus is named by its folder; two folders of one name would make rows nobody can tell
    apart (and one export overwrite the other), so that is a ValueError."""
    names = [d.resolve().name for d in gold_dirs]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"two gold folders are named {', '.join(twice)}; each corpus is named by its folder")
    return names


def export_path(path: Path, name: str) -> Path:
    """Where `--export PATH` writes corpus `name`'s export when several are scored: out/x.json ->
    out/x-dev.json."""
    return path.with_name(f"{path.stem}-{name}{path.suffix or '.json'}")
