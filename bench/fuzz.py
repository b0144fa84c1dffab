"""Seeded fuzzing of the whole ingest: hostile inputs mixed with good records, each ingested into one
growing database by the pipeline, as `harmledger ingest` runs it.

    python bench/fuzz.py [--inputs 1000] [--seed 17] [--minutes 10]   (or: make fuzz)

Every input is one file (JSON, JSONL, Telegram export, RSS, HTML or text) holding a good record
written from a template (our own words) and one or more hostile parts from the catalogue below:
nesting 1,000 deep, figures of 2**63 and 5,000 digits, years 1 and 9999, NULs, lone surrogates,
runs of emoji without spaces, Telegram messages that are not objects, javascript: URLs, fields of
the wrong type, texts over the limit, invalid UTF-8, random bytes. Counts: exceptions that escaped
the pipeline (a traceback for the user), good records not stored, stored mentions left in no
incident, seconds per input by kind of file, the slowest inputs, and memory: the peak resident
memory of the process during each input (its high-water mark is reset before every input), the
largest of them and the most one input added to the resident memory it started with.
Stops after --minutes, saying so.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from sqlalchemy import Engine, func, select

from harmledger.store.schema import mentions

TOWNS = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Kherson", "Mykolaiv", "Zaporizhzhia", "Poltava",
         "Chernihiv", "Aleppo", "Idlib", "Sanaa", "Mosul", "Maiduguri", "Goma", "Kabul", "Gaza"]
WEAPONS = ["missile", "shell", "drone", "rocket", "car bomb"]
TARGETS = ["market", "school", "bus station", "apartment block", "hospital", "bakery"]
SPEAKERS = ["officials", "the governor", "police", "the health ministry", "rescuers"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def good_record(rng: random.Random, n: int) -> dict[str, str]:
    """A short report written from a template: one incident, one figure, one claimant."""
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    town = rng.choice(TOWNS)
    text = (f"{rng.randint(1, 60)} people were killed when a {rng.choice(WEAPONS)} hit a {rng.choice(TARGETS)} "
            f"in {town} on {day} {MONTHS[month - 1]} 2022, {rng.choice(SPEAKERS)} said. "
            f"At least {rng.randint(1, 90)} others were wounded.")
    return {"id": f"good-{n}", "url": f"https://example.test/{n}", "outlet": "Fuzz Wire",
            "title": f"Strike in {town}", "published": f"2022-{month:02d}-{min(day + 1, 28):02d}", "text": text}


def _hostile_texts(rng: random.Random) -> list[str]:
    return [
        "10000000000000000000 people were killed in Dnipro on 2 July 2022.",
        "9" * rng.randint(4300, 6000) + " people were killed in Sumy.",
        str(2**63) + " were wounded, officials said.",
        "Two people were killed on 31 December 9999 and on 1 January 0001.",
        "Five\x00 people were killed in Lviv.",
        "One person was killed \ud800 in Odesa \udfff.",
        "Three people were killed. " + "\U0001f525" * rng.randint(8000, 50000),
        "x" * rng.randint(10_000, 60_000),
        "Seven people were killed. " + "A" * 100_000,
        "The council met. " * rng.randint(60_000, 70_000),  # over the 1,000,000-character limit
        "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(10, 3000))),
        "Killed: " + " ".join(str(rng.randint(0, 10**12)) for _ in range(200)),
        "On " + "; ".join(f"{rng.randint(1, 40)} {rng.choice(MONTHS)} {rng.randint(0, 99999)}" for _ in range(50)),
    ]


def _wrong(rng: random.Random) -> object:
    """A field value of the wrong type."""
    return rng.choice([[1, 2], {"a": 1}, None, True, 1e308, float("nan"), -1, 2**70,
                       json.loads("[" * 900 + "]" * 900)])


def hostile_record(rng: random.Random, n: int) -> dict[str, object]:
    record: dict[str, object] = {"id": f"bad-{n}", "text": rng.choice(_hostile_texts(rng))}
    for name in rng.sample(["id", "url", "outlet", "title", "published", "language"], rng.randint(0, 3)):
        record[name] = rng.choice([_wrong(rng), "javascript:alert(document.cookie)", "9999-12-31",
                                   "0001-01-01", "x" * 5000, "\x00", "\ud800", "data:text/html,<script>"])
    return record


def _dump(value: object) -> bytes:
    try:
        # \uXXXX escapes, as a lone surrogate arrives in JSON (raw, it would be invalid UTF-8: HL101)
        return json.dumps(value, allow_nan=True).encode()
    except RecursionError:
        return b"[" * 1000 + b"]" * 1000


def make_input(rng: random.Random, n: int) -> tuple[str, bytes, dict[str, str]]:
    """(file name, bytes, the good record in it) for input `n`."""
    return _make_input(rng, n)[1:]


def _make_input(rng: random.Random, n: int) -> tuple[str, str, bytes, dict[str, str]]:
    """(kind, file name, bytes, the good record in it) for input `n`."""
    good = good_record(rng, n)
    bad = [hostile_record(rng, n * 10 + i) for i in range(rng.randint(1, 3))]
    kind = rng.choice(["json", "jsonl", "telegram", "rss", "html", "txt", "deep", "bytes"])
    return (kind, *_shaped(rng, n, kind, good, bad))


def _shaped(rng: random.Random, n: int, kind: str, good: dict[str, str],
            bad: list[dict[str, object]]) -> tuple[str, bytes, dict[str, str]]:
    if kind == "json":
        return f"in{n}.json", _dump([good, *bad]), good
    if kind == "jsonl":
        lines = [_dump(good), *(_dump(b) for b in bad), b"{broken", b"[" * 1000]
        return f"in{n}.jsonl", b"\n".join(lines), good
    if kind == "telegram":
        messages: list[object] = [{"id": n, "type": "message", "date": good["published"] + "T10:00:00",
                                   "text": good["text"]}, 7, "text", None, [1], {"text": [{"text": {"deep": 1}}]}]
        messages += [{"id": b["id"], "text": b["text"], "date": rng.choice(["9999-12-31", 5, None])} for b in bad]
        return f"in{n}/result.json", _dump({"name": "chan", "messages": messages}), \
            {"id": f"chan/{n}", "text": good["text"], "url": "", "outlet": "chan", "title": "",
             "published": good["published"] + "T10:00:00"}
    if kind == "rss":
        link = rng.choice(["javascript:alert(1)", good["url"], "\x00"])
        items = "".join(f"<item><title>{t}</title><link>{link}</link><description>{d}</description>"
                        f"<pubDate>{p}</pubDate></item>" for t, d, p in
                        [(good["title"], good["text"], "Mon, 04 Jul 2022 10:00:00 GMT"),
                         ("x", str(bad[0]["text"])[:50_000].replace("<", " "), "Fri, 31 Dec 9999 00:00:00 GMT")])
        feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>{items}</channel></rss>"
        return f"in{n}.xml", feed.encode("utf-8", "replace"), {}
    if kind == "html":
        body = str(bad[0]["text"])[:200_000].replace("<", " ")
        page = (f"<html><head><title>{good['title']}</title></head><body><article><p>{good['text']}</p>"
                f"<p>{body}</p><script>alert(1)</script><a href='javascript:x'>x</a></article></body></html>")
        return f"in{n}.html", page.encode("utf-8", "replace"), {}
    if kind == "txt":
        return f"in{n}.txt", (good["text"] + "\n\n" + str(bad[0]["text"])).encode("utf-8", "surrogatepass"), {}
    if kind == "deep":
        return f"in{n}.json", b"[" * rng.randint(1000, 100_000) + b"]" * 10, {}
    return f"in{n}.{rng.choice(['txt', 'json', 'jsonl', 'xml', 'html'])}", rng.randbytes(rng.randint(1, 4000)), {}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--minutes", type=float, default=10)
    args = parser.parse_args()

    from harmledger.app.pipeline import ingest
    from harmledger.ingest.record import RawRecord, to_article
    from harmledger.store.database import open_database
    from harmledger.store.repository import known_article_ids

    rng = random.Random(args.seed)
    began = time.monotonic()
    stop = began + args.minutes * 60
    counts: Counter[str] = Counter()
    times: dict[str, list[float]] = {}  # seconds per input, by kind of file
    slowest: list[tuple[float, str, int]] = []  # (seconds, file, bytes)
    peaks: list[tuple[float, float, str]] = []  # per input: (peak MB, peak above its start MB, file)
    escaped: list[str] = []
    lost: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_database(str(Path(tmp) / "fuzz.db"))
        # Load the models first (spaCy, gazetteer, encoder: about 0.8 GB and some seconds), so that
        # neither is charged to the first inputs.
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text(json.dumps(good_record(random.Random(0), -1)) + "\n", encoding="utf-8")
        ingest(engine, [warm])
        models_mb = _resident_mb()
        done = 0
        for n in range(args.inputs):
            if time.monotonic() > stop:
                break
            kind, name, data, good = _make_input(rng, n)
            path = Path(tmp) / "inputs" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            started, resident = time.perf_counter(), _reset_peak()
            errors: list[object] = []
            try:
                errors = list(ingest(engine, [path]).errors)
                counts["hl_errors"] += len(errors)
            except Exception:  # noqa: BLE001 - what a user would have seen as a traceback
                escaped.append(f"{name}: {traceback.format_exc().splitlines()[-1]}")
            took = time.perf_counter() - started
            times.setdefault(kind, []).append(took)
            slowest = sorted([*slowest, (took, name, len(data))], reverse=True)[:5]
            peaks.append((_peak_mb(), _peak_mb() - resident, name))
            if good:
                record = RawRecord(good["id"], good["text"], good["url"], good["outlet"], good["title"],
                                   good["published"])
                counts["good_records"] += 1
                if to_article(record).id not in known_article_ids(engine, [to_article(record).id]):
                    counts["good_records_lost"] += 1
                    lost.append(f"{name}: {'; '.join(str(e) for e in errors)[:300]}")
            path.unlink()
            done += 1
        counts["mentions_unresolved"] = _pending(engine)
        engine.dispose()
    peak_mb, _, peak_name = max(peaks, default=(_peak_mb(), 0.0, ""))
    above, _, above_name = max(((a, p, name) for p, a, name in peaks), default=(0.0, 0.0, ""))
    print(f"seed {args.seed}: {done} of {args.inputs} inputs"
          + (" (stopped at the time limit)" if done < args.inputs else ""))
    print(f"exceptions escaping the pipeline (tracebacks): {len(escaped)}")
    for line in escaped[:20]:
        print("  ", line)
    for line in lost[:20]:
        print("   good record not stored:", line)
    print(f"HL errors reported: {counts['hl_errors']}; good records {counts['good_records']}, "
          f"lost {counts['good_records_lost']}; stored mentions in no incident: {counts['mentions_unresolved']}")
    print(f"wall time {time.monotonic() - began:.0f} s; seconds per input by kind of file (inputs, total, "
          "slowest): " + ", ".join(f"{k} {len(v)}/{sum(v):.1f}/{max(v):.1f}" for k, v in sorted(times.items())))
    print("slowest inputs: " + "; ".join(f"{t:.1f} s {name} ({size:,} bytes)" for t, name, size in slowest))
    # The high-water mark was reset before each input, so each peak is that input's (models included).
    print(f"memory (MiB): {models_mb:.0f} resident with the models loaded; the highest peak of the process "
          f"during one input {peak_mb:.0f} ({peak_name}); the most one input rose above the resident memory it "
          f"started with {above:.0f} ({above_name})" + ("" if PER_INPUT else " (no per-input reset here: "
                                                         "peaks are the process's so far)"))
    failed = escaped or counts["good_records_lost"] or counts["mentions_unresolved"] \
        or (slowest and slowest[0][0] > 120) or peak_mb > 2048
    return 1 if failed else 0


PER_INPUT = Path("/proc/self/clear_refs").exists()


def _reset_peak() -> float:
    """Reset the process's resident high-water mark (Linux: "5" to /proc/self/clear_refs), so the
    next _peak_mb() is the peak since now; returns the resident memory now, MiB."""
    if PER_INPUT:
        Path("/proc/self/clear_refs").write_text("5")
    return _resident_mb()


def _peak_mb() -> float:
    """The process's peak resident memory since the last _reset_peak() (VmHWM), MiB; where there is
    no /proc, ru_maxrss (the peak since the start)."""
    if PER_INPUT:
        return _status_mb("VmHWM")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _resident_mb() -> float:
    return _status_mb("VmRSS") if PER_INPUT else _peak_mb()


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    return 0.0


def _pending(engine: Engine) -> int:
    """Stored mentions in no incident: what a failed resolution would leave behind."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(mentions)
                                .where(mentions.c.incident_id.is_(None))).scalar_one())


if __name__ == "__main__":
    sys.exit(main())
