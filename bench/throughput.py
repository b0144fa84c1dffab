"""Throughput: raw spaCy `nlp.pipe` words/s against full `harmledger ingest` words/s, same run.

    python bench/throughput.py [--words 200000]

Texts are those of ../shared/corpus/dev, repeated (each copy with its own url so it is a new
article) until there are at least --words words. The copies are identical texts: nothing in the
pipeline is cached by text, and anything that were would have to vary the copies first, or the
copies would come free. Both figures are measured after the model and the gazetteer (and the
embedding model) are loaded; the ratio is what matters on a shared, noisy machine. Last, the fast
encoder's vectors of the distinct mention texts are compared with the PyTorch model's, and the
Ukrainian and Russian texts of ../shared/corpus/ukru (read by lemmas) are ingested for their own row.
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
UKRU = ROOT.parent / "shared" / "corpus" / "ukru" / "articles.jsonl"


def corpus(min_words: int, path: Path = DEV) -> list[dict[str, str]]:
    base = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records: list[dict[str, str]] = []
    words = 0
    copy = 0
    while words < min_words:
        for r in base:
            records.append(dict(r, id=f"{r['id']}-{copy}", url=f"{r.get('url', '')}#copy{copy}"))
            words += len(r["text"].split())
        copy += 1
    return records


def _mention_texts(engine: object) -> list[str]:
    """What ingest embedded: the text of every stored mention."""
    from harmledger.extract.embedding import mention_text
    from harmledger.store.repository import load_articles, load_mentions

    with engine.connect() as conn:  # type: ignore[attr-defined]
        found, articles = load_mentions(conn), load_articles(conn)
    return [mention_text(articles[m.article_id], m) for m in found]


def _embedding_seconds(texts: list[str]) -> float:
    """Time to embed every stored mention again, as ingest did."""
    from harmledger.extract.embedding import embed

    start = time.perf_counter()
    for i in range(0, len(texts), 64 * 3):
        embed(texts[i:i + 64 * 3])
    return time.perf_counter() - start


def _agreement(texts: list[str]) -> tuple[int, float, float]:
    """How many distinct texts, and the mean and least cosine between the fast encoder's vectors
    of them and the PyTorch model's (which resolution's thresholds were set on)."""
    from harmledger.extract.embedding import embed, embed_reference

    distinct = sorted(set(texts))
    cosines = (embed(distinct) * embed_reference(distinct)).sum(axis=1)
    return len(distinct), float(cosines.mean()), float(cosines.min())


def _lemma_reader_rate(min_words: int) -> tuple[int, float] | None:
    """Words and seconds of a full ingest of the Ukrainian and Russian texts (read by lemmas, no
    parser and no sentence vectors), repeated to `min_words`; None without ../shared/corpus/ukru."""
    from harmledger.app.pipeline import ingest
    from harmledger.store.database import open_database

    if not UKRU.exists():
        return None
    records = corpus(min_words, UKRU)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "ukru.jsonl"
        source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
        engine = open_database(str(Path(tmp) / "ukru.db"))
        start = time.perf_counter()
        ingest(engine, [source])
        seconds = time.perf_counter() - start
        engine.dispose()
    return sum(len(r["text"].split()) for r in records), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    args = parser.parse_args()
    if not DEV.exists():
        print(f"{DEV} is absent: the benchmark reads the dev corpus from ../shared", file=sys.stderr)
        return 1
    from harmledger.app.pipeline import ingest
    from harmledger.extract.embedding import load_model
    from harmledger.extract.gazetteer import load_gazetteer
    from harmledger.extract.nlp import load_nlp
    from harmledger.store.database import open_database

    records = corpus(args.words)
    words = sum(len(r["text"].split()) for r in records)
    nlp = load_nlp()
    load_gazetteer()
    load_model()  # the fast sentence encoder, loaded once per process like the others
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
        texts = _mention_texts(engine)
        embedding = _embedding_seconds(texts)
        engine.dispose()
    distinct, mean, least = _agreement(texts)
    lemmas = _lemma_reader_rate(args.words // 4)

    print(f"articles                 {len(records)} ({report.articles_new} stored, {report.incidents} incidents)")
    print(f"words                    {words}")
    print(f"raw nlp.pipe             {words / raw:10.0f} words/s  ({raw:.1f} s)")
    print(f"harmledger ingest        {words / full:10.0f} words/s  ({full:.1f} s)")
    print(f"ratio ingest/raw         {raw / full:10.2f}   (goal >= 0.65)")
    print(f"  of which embeddings    {embedding:10.1f} s   (the text feature of resolution, timed again)")
    print(f"ratio without embeddings {raw / (full - embedding):10.2f}   (the extraction issue compares this)")
    print(f"fast encoder vs PyTorch  cosine mean {mean:.4f}, least {least:.4f} ({distinct} distinct mention texts)")
    if lemmas is not None:
        uk_words, uk_seconds = lemmas
        print(f"uk/ru ingest (lemmas)    {uk_words / uk_seconds:10.0f} words/s  ({uk_seconds:.1f} s, {uk_words} words; "
              f"{(uk_words / uk_seconds) / (words / full):.2f} x English ingest)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
