"""Throughput: raw spaCy `nlp.pipe` words/s against full `harmledger ingest` words/s, same run.

    python bench/throughput.py [--words 200000]

Texts are those of ../shared/corpus/dev, repeated (each copy with its own url so it is a new
article) until there are at least --words words. Both figures are measured after the model and
the gazetteer are loaded; the ratio is what matters on a shared, noisy machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"


def corpus(min_words: int) -> list[dict[str, str]]:
    base = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    records: list[dict[str, str]] = []
    words = 0
    copy = 0
    while words < min_words:
        for r in base:
            records.append(dict(r, id=f"{r['id']}-{copy}", url=f"{r.get('url', '')}#copy{copy}"))
            words += len(r["text"].split())
        copy += 1
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    args = parser.parse_args()
    if not DEV.exists():
        print(f"{DEV} is absent: the benchmark reads the dev corpus from ../shared", file=sys.stderr)
        return 1
    from harmledger.extract.gazetteer import load_gazetteer
    from harmledger.extract.nlp import load_nlp
    from harmledger.pipeline import ingest
    from harmledger.store.database import open_database

    records = corpus(args.words)
    words = sum(len(r["text"].split()) for r in records)
    nlp = load_nlp()
    load_gazetteer()
    texts = [r["text"] for r in records]

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    raw = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.jsonl"
        source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        engine = open_database(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        report = ingest(engine, [source])
        full = time.perf_counter() - start
        engine.dispose()

    print(f"articles                 {len(records)} ({report.articles_new} stored, {report.incidents} incidents)")
    print(f"words                    {words}")
    print(f"raw nlp.pipe             {words / raw:10.0f} words/s  ({raw:.1f} s)")
    print(f"harmledger ingest        {words / full:10.0f} words/s  ({full:.1f} s)")
    print(f"ratio ingest/raw         {raw / full:10.2f}   (goal >= 0.5 here, project goal 0.6)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
