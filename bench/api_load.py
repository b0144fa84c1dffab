"""API load: mixed read requests per second as a ratio of /health requests per second, same run.

    python bench/api_load.py [--db DB] [--workers 2] [--concurrency 10] [--seconds 20]

Starts the production command, `harmledger --db DB serve --workers N`, on a free port (without
--db: the demo corpus ingested into a temporary database, or the dev and dev2 corpora from
../shared with --corpus). Then, each for --seconds with --concurrency requests in flight on
keep-alive connections: /health, the mixed read load, /health again. The mixed load cycles through
the incident list (plain, filtered, sorted, text query), incident pages, article pages and the
CSV export, as a browsing user and an analyst would. Prints req/s and p50/p95/p99 latency of each
phase and the ratio mixed / health; the client runs on the same machine, so both share its cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).with_name("harmledger")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def mixed_paths(base: str) -> list[str]:
    """The read mix, built from what the database holds."""
    listing = httpx.get(f"{base}/api/incidents", params={"limit": 500}, timeout=30).json()["incidents"]
    ids = [i["id"] for i in listing][:20]
    detail = httpx.get(f"{base}/api/incidents/{ids[0]}", timeout=30).json()
    article = detail["claims"][0]["article_id"] if detail["claims"] else detail["mentions"][0]["article_id"]
    country = next((i["place"]["country_code"] for i in listing if i["place"]), "UA")
    paths = ["/api/incidents", "/api/incidents?limit=20&sort=-killed", f"/api/incidents?country={country}",
             "/api/incidents?q=missile", "/api/incidents?grade=disputed&include_background=false",
             f"/api/articles/{article}", "/api/export?format=csv"]
    paths += [f"/api/incidents/{i}" for i in ids[:5]]
    return paths


async def load(base: str, paths: list[str], seconds: float, concurrency: int) -> tuple[int, list[float], int]:
    """Requests done, their latencies (s) and non-2xx answers, in `seconds` with `concurrency` in flight."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        async def user(offset: int) -> None:
            nonlocal errors
            n = offset
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                response = await client.get(paths[n % len(paths)])
                latencies.append(time.perf_counter() - start)
                errors += response.status_code >= 400
                n += 1

        await asyncio.gather(*(user(i) for i in range(concurrency)))
    return len(latencies), latencies, errors


def pct(values: list[float], p: float) -> float:
    """The p-th percentile in milliseconds."""
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] * 1000 if len(values) > 1 else 0.0


def demo_db(folder: Path, corpus: bool) -> str:
    db = str(folder / "load.db")
    sources = ([str(ROOT.parent / "shared" / "corpus" / c / "articles.jsonl") for c in ("dev", "dev2")]
               if corpus else [str(ROOT / "examples" / "demo")])
    subprocess.run([str(CLI), "--db", db, "ingest", *sources], check=True, capture_output=True)
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to serve (default: the demo corpus in a temporary one)")
    parser.add_argument("--corpus", action="store_true", help="without --db: ingest dev and dev2 from ../shared")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or demo_db(Path(tmp), args.corpus)
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "HARMLEDGER_TOKEN"}
        # --workers only when more than one, so the same script measures a build without the option
        command = [str(CLI), "--db", db, "serve", "--port", str(port)] + (
            ["--workers", str(args.workers)] if args.workers > 1 else [])
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            paths = mixed_paths(base)
            asyncio.run(load(base, paths, 2, args.concurrency))  # warm every worker
            rows = []
            for name, phase in (("/health", ["/health"]), ("mixed", paths), ("/health again", ["/health"])):
                done, latencies, errors = asyncio.run(load(base, phase, args.seconds, args.concurrency))
                rows.append((name, done / args.seconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                             errors))
        finally:
            server.terminate()
            server.wait(timeout=30)
    health = (rows[0][1] + rows[2][1]) / 2
    print(f"serve --workers {args.workers}, {args.concurrency} concurrent, {args.seconds:.0f} s a phase, "
          f"{len(paths)} mixed paths")
    print("| phase | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|")
    for name, rate, p50, p95, p99, errors in rows:
        print(f"| {name} | {rate:.0f} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {errors} |")
    print(f"\nmixed / health = {rows[1][1]:.0f} / {health:.0f} = **{rows[1][1] / health:.2f}**")
    return 0


if __name__ == "__main__":
    sys.exit(main())
