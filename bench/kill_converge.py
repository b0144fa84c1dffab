"""Kill -9 an ingest at random moments, run it again, and compare the export with an ingest that
was never interrupted.

    python bench/kill_converge.py [--articles 300] [--kills 10] [--seed 17]   (make fuzz runs it)

The articles are those of ../shared/corpus/dev and dev2, repeated with new ids and urls up to
--articles. The uninterrupted ingest is timed; each killed run gets SIGKILL after a seeded random
share (5-95 %) of that time, is then run again to completion, and its JSON export (without
generated_at) must equal the uninterrupted one. Prints, for each kill, what was stored when it
landed (articles, mentions in no incident) and whether the export matched.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CLI = Path(sys.executable).with_name("harmledger")


def records(count: int) -> list[dict[str, str]]:
    base = [json.loads(line) for name in ("dev", "dev2")
            for line in (CORPUS / name / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(count):
        r = base[i % len(base)]
        copy = i // len(base)
        out.append(r if copy == 0 else dict(r, id=f"{r['id']}-{copy}", url=f"{r.get('url', '')}#copy{copy}"))
    return out


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "HARMLEDGER_DB"}
    return subprocess.run([str(CLI), "--db", str(db), *args], capture_output=True, text=True, env=env, check=False)


def export(db: Path) -> dict:
    data = json.loads(run(db, "export", "--format", "json").stdout)
    data.pop("generated_at")
    return data


def stored(db: Path) -> tuple[int, int]:
    """Articles stored and mentions in no incident."""
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        pending = conn.execute("SELECT count(*) FROM mentions WHERE incident_id IS NULL").fetchone()[0]
    return articles, pending


def kill_once(db: Path, source: Path, took: float, rng: random.Random) -> tuple[float, float]:
    """SIGKILL an ingest of `source` into `db` at a random share (5-95 %) of `took`; (delay, span).

    A run can be faster than the timed one (a quieter machine), so a kill drawn late could land after
    the ingest has ended and kill nothing. Then the database is wiped and the moment is drawn again
    within that run's own length, so every counted kill interrupts a live ingest."""
    env = {key: v for key, v in os.environ.items() if key != "HARMLEDGER_DB"}
    span = took
    while True:
        delay = span * rng.uniform(0.05, 0.95)
        proc = subprocess.Popen([str(CLI), "--db", str(db), "ingest", str(source)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started = time.monotonic()
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return delay, span
        span = time.monotonic() - started  # it finished first: draw again within its own length
        for leftover in db.parent.glob(db.name + "*"):
            leftover.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("\n".join(json.dumps(r) for r in records(args.articles)) + "\n", encoding="utf-8")
        whole = Path(tmp) / "whole.db"
        started = time.monotonic()
        result = run(whole, "ingest", str(source))
        took = time.monotonic() - started
        if result.returncode != 0:
            print(result.stderr)
            return 1
        expected = export(whole)
        print(f"{args.articles} articles, uninterrupted ingest {took:.0f} s, "
              f"{len(expected['incidents'])} incidents", flush=True)
        print("| kill | after s (of the run's span) | articles stored | mentions in no incident | re-run exit "
              "| export equal |")
        print("|---|---|---|---|---|---|")
        equal = 0
        for k in range(1, args.kills + 1):
            db = Path(tmp) / f"killed{k}.db"
            delay, span = kill_once(db, source, took, rng)
            articles, pending = stored(db) if db.exists() else (0, 0)
            again = run(db, "ingest", str(source))
            same = again.returncode == 0 and export(db) == expected
            equal += same
            print(f"| {k} | {delay:.0f} of {span:.0f} | {articles} | {pending} | {again.returncode} "
                  f"| {'yes' if same else 'NO'} |", flush=True)
        print(f"\nexport equal after {equal} of {args.kills} kills")
    return 0 if equal == args.kills else 1


if __name__ == "__main__":
    sys.exit(main())
