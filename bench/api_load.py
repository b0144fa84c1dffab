"""API load: mixed read requests per second as a ratio of /health requests per second, same run.

    python bench/api_load.py [--db DB] [--workers 2] [--concurrency 10] [--seconds 20]

Starts the production command, `harmledger --db DB serve --workers N`, on a free port (without
--db: the demo corpus ingested into a temporary database, or the dev and dev2 corpora from
../shared with --corpus). Then, each for --seconds with --concurrency requests in flight on
keep-alive connections: /health, the mixed read load, /health again. The mixed load cycles through
the incident list (plain, filtered, sorted, text query), incident pages, article pages and the
CSV export, as a browsing user and an analyst would. Prints req/s and p50/p95/p99 latency of each
phase, the ratio mixed / health, and the CPU the client and the server's processes used in each
phase: the client runs on the same machine, so both share its cores. The client is HTTP/1.1 written
on asyncio streams (`--client httpx` for httpx's AsyncClient), to take as little of them as it can.
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


async def load(base: str, paths: list[str], seconds: float, concurrency: int,
               client: str = "raw") -> tuple[int, list[float], int]:
    """Requests done, their latencies (s) and non-2xx answers, in `seconds` with `concurrency` in flight."""
    if client == "httpx":
        return await load_httpx(base, paths, seconds, concurrency)
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    host, port = base.removeprefix("http://").rsplit(":", 1)

    async def user(offset: int) -> None:
        nonlocal errors
        n = offset
        while time.perf_counter() < deadline:
            reader, writer = await asyncio.open_connection(host, int(port))
            writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                close = False
                while not close and time.perf_counter() < deadline:
                    start = time.perf_counter()
                    writer.write(f"GET {paths[n % len(paths)]} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
                    status, close = await read_response(reader)
                    latencies.append(time.perf_counter() - start)
                    errors += status >= 400
                    n += 1
            finally:
                writer.close()  # a "Connection: close" answer: a new connection, as a client would

    await asyncio.gather(*(user(i) for i in range(concurrency)))
    return len(latencies), latencies, errors


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one HTTP/1.1 response off a keep-alive connection (Content-Length or chunked); its
    status and whether the server closes the connection. A few lines of asyncio rather than an HTTP
    client library: on two shared cores a client's own CPU per request is taken from the server it
    measures (see --client httpx)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")  # no trailers: the empty line after the last chunk
    return int(lines[0].split()[1]), headers.get("connection", "").lower() == "close"


async def load_httpx(base: str, paths: list[str], seconds: float, concurrency: int) -> tuple[int, list[float], int]:
    """`load` with httpx's AsyncClient (--client httpx: the earlier client, to compare)."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    pool = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=pool, timeout=60) as client:
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


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process `pid` and its live descendants (the
    uvicorn workers), from /proc."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


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
    parser.add_argument("--client", choices=["raw", "httpx"], default="raw",
                        help="raw: HTTP/1.1 over asyncio streams (default, little CPU); httpx: AsyncClient")
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
            asyncio.run(load(base, paths, 2, args.concurrency, args.client))  # warm every worker
            rows = []
            for name, phase in (("/health", ["/health"]), ("mixed", paths), ("/health again", ["/health"])):
                # CPU of the client (this process) and of the server's processes during the phase, in
                # % of one core: on a shared machine this shows who took the cores.
                cpu = time.process_time(), tree_cpu(server.pid), time.perf_counter()
                done, latencies, errors = asyncio.run(load(base, phase, args.seconds, args.concurrency, args.client))
                wall = time.perf_counter() - cpu[2]
                rows.append((name, done / args.seconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                             errors, 100 * (time.process_time() - cpu[0]) / wall,
                             100 * (tree_cpu(server.pid) - cpu[1]) / wall))
        finally:
            server.terminate()
            server.wait(timeout=30)
    health = (rows[0][1] + rows[2][1]) / 2
    print(f"serve --workers {args.workers}, {args.concurrency} concurrent, {args.seconds:.0f} s a phase, "
          f"{len(paths)} mixed paths, {args.client} client; load average {os.getloadavg()[0]:.1f} at the end")
    print("| phase | req/s | p50 ms | p95 ms | p99 ms | errors | client CPU % | server CPU % |")
    print("|---|---|---|---|---|---|---|---|")
    for name, rate, p50, p95, p99, errors, client_cpu, server_cpu in rows:
        print(f"| {name} | {rate:.0f} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {errors} | {client_cpu:.0f} "
              f"| {server_cpu:.0f} |")
    print(f"\nmixed / health = {rows[1][1]:.0f} / {health:.0f} = **{rows[1][1] / health:.2f}**")
    return 0


if __name__ == "__main__":
    sys.exit(main())
