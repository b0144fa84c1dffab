"""Scale: `ingest` of the dev texts repeated to --articles articles with 1 process and with Dask
workers, on SQLite and on PostgreSQL; articles/s, speed-up, peak memory, articles/day.

    python bench/scale.py [--articles 20000] [--workers 1,2] [--backends sqlite,postgresql] [--readme]

Each copy of a dev article is a new article (its own id and url) with the same text, so copies
are near-duplicates of each other and are marked `duplicate_of` (MinHash) — that does not save
any work: every article is still parsed, extracted, embedded and stored, which is what is
measured. It does make resolution heavier than real news would (every copy joins the incident of
its original). "1 worker" is the single-process ingest (models loaded before the clock starts);
"N workers" is a Dask LocalCluster of N processes, its start and model loading included.
Every configuration runs in its own process on a new database (PostgreSQL from scripts/pg.sh).
Each result is also kept in bench/results/scale-<articles>.json as soon as it is measured, so the
configurations can run one at a time (`--backends sqlite --workers 1`) and --readme prints the
table of all of them.
--readme writes the table into README.md between the scale-bench markers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles.jsonl"
START, END = "<!-- scale-bench:start -->", "<!-- scale-bench:end -->"
RESULTS = ROOT / "bench" / "results"


def corpus(n: int) -> list[dict[str, str]]:
    """`n` records: the dev articles over and over, each copy with its own id and url."""
    base = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [dict(r, id=f"{r['id']}-c{i // len(base)}", url=f"{r.get('url', '')}#copy{i // len(base)}")
            for i, r in ((i, base[i % len(base)]) for i in range(n))]


def run_one(source: Path, db: str, workers: int) -> dict[str, Any]:
    """Ingest `source` into `db` in this process; timings and memory as a dict."""
    from harmledger.app.pipeline import ingest
    from harmledger.store.database import open_database

    engine = open_database(db)
    if workers == 1:  # the single-process path: load the models before the clock starts
        from harmledger.extract.embedding import load_model
        from harmledger.extract.gazetteer import load_gazetteer
        from harmledger.extract.nlp import load_nlp

        load_nlp(), load_gazetteer(), load_model()
    start = time.perf_counter()
    report = ingest(engine, [source], workers=workers)
    seconds = time.perf_counter() - start
    engine.dispose()
    return dict(seconds=seconds, stored=report.articles_new, incidents=report.incidents,
                duplicates=report.duplicates, stages=report.seconds,
                main_rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                worker_rss=sorted(report.worker_peak_rss.values()))


def new_database(backend: str, folder: Path) -> str:
    """A new SQLite file, or a new database on the project's PostgreSQL server."""
    if backend == "sqlite":
        return str(folder / f"scale-{uuid.uuid4().hex[:6]}.db")
    import psycopg

    url = subprocess.run([str(ROOT / "scripts" / "pg.sh"), "start"], check=True, capture_output=True,
                         text=True).stdout.strip().splitlines()[-1]
    server, name = url.rsplit("/", 1)[0], f"scale_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def table(rows: list[dict[str, Any]], n: int) -> str:
    """The results as a Markdown table."""
    lines = ["| backend | workers | articles | seconds | extract / store / resolve s | articles/s | speed-up | "
             "peak MB per worker (central process) | articles/day |", "|---|---|---|---|---|---|---|---|---|"]
    base = {r["backend"]: r["rate"] for r in rows if r["workers"] == 1}
    for r in rows:
        rate = r["rate"]
        per_worker = ", ".join(f"{x / 2**20:.0f}" for x in r["worker_rss"] or [r["main_rss"]])
        speedup = f"{rate / base[r['backend']]:.2f}" if r["backend"] in base else "–"
        stages = " / ".join(f"{r['stages'][k]:.0f}" for k in ("extract", "store", "resolve"))
        lines.append(f"| {r['backend']} | {r['workers']} | {n:,} | {r['seconds']:.0f} | {stages} | {rate:.1f} | "
                     f"{speedup} | {per_worker} ({r['main_rss'] / 2**20:.0f}) | {rate * 86400:,.0f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--one", nargs=3, metavar=("SOURCE", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), args.one[1], int(args.one[2]))))
        return 0
    if not DEV.exists():
        print(f"{DEV} is absent: the benchmark reads the dev corpus from ../shared", file=sys.stderr)
        return 1
    saved = RESULTS / f"scale-{args.articles}.json"
    kept: dict[str, dict[str, Any]] = json.loads(saved.read_text()) if saved.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "scale.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in corpus(args.articles)), encoding="utf-8")
        for backend in args.backends.split(","):
            for workers in (int(w) for w in args.workers.split(",")):
                db = new_database(backend, Path(tmp))
                done = subprocess.run([sys.executable, __file__, "--one", str(source), db, str(workers)],
                                      capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
                if done.returncode != 0:
                    print(done.stderr, file=sys.stderr)
                    return 1
                result = json.loads(done.stdout.strip().splitlines()[-1])
                result.update(backend=backend, workers=workers, rate=args.articles / result["seconds"],
                              load=os.getloadavg()[0], measured=time.strftime("%Y-%m-%d %H:%M"))
                kept[f"{backend}-{workers}"] = result
                RESULTS.mkdir(exist_ok=True)
                saved.write_text(json.dumps(kept, indent=1, sort_keys=True) + "\n", encoding="utf-8")
                print(f"{backend:10} {workers} workers: {result['seconds']:.0f} s, {result['rate']:.1f} articles/s, "
                      f"{result['stored']} stored, {result['duplicates']} near-duplicates; stages (s): "
                      + ", ".join(f"{k} {v:.0f}" for k, v in result["stages"].items()), flush=True)
    order = {"sqlite": 0, "postgresql": 1}
    rows = sorted(kept.values(), key=lambda r: (order.get(r["backend"], 2), r["workers"]))
    text = table(rows, args.articles)
    print(text)
    if args.readme:
        readme = ROOT / "README.md"
        body = readme.read_text(encoding="utf-8")
        head, _, rest = body.partition(START)
        _, _, tail = rest.partition(END)
        readme.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
