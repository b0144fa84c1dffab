"""Two small gold corpora written by the tests: invented reports (not news text) of two invented
strikes, laid out as ../shared/corpus/README.md describes. Both number their incident I01, as
real gold folders do, so that nothing may depend on ids being unique across corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

KHARKIV = {"name": "Kharkiv", "country_code": "UA", "lat": 49.98, "lon": 36.25}
DNIPRO = {"name": "Dnipro", "country_code": "UA", "lat": 48.45, "lon": 34.98}


def _article(aid: str, published: str, title: str, text: str) -> dict[str, Any]:
    return {"id": aid, "url": "", "outlet": "Test Wire", "title": title, "published": published,
            "language": "en", "text": text}


def _claim(aid: str, kind: str, low: int, claimant: str, open_ended: bool = False) -> dict[str, Any]:
    return {"article_id": aid, "kind": kind, "low": low, "high": None if open_ended else low,
            "qualifier": "at_least" if open_ended else "exact", "group": "all", "claimant": claimant}


NORTH = {
    "articles": [
        _article("n1", "2022-08-18", "Missile strike on Kharkiv bus station kills seven",
                 "A missile strike on a bus station in Kharkiv on Wednesday killed seven people and "
                 "wounded 20, the regional governor said."),
        _article("n2", "2022-08-18", "Seven dead in Kharkiv",
                 "Seven people were killed when a missile hit a bus station in Kharkiv on Wednesday, "
                 "police said."),
    ],
    "incidents": [
        {"id": "I01", "event_type": "missile_strike", "date": "2022-08-17", "date_precision": "day",
         "place": KHARKIV, "target": "bus station",
         "mentions": [{"article_id": "n1", "role": "main"}, {"article_id": "n2", "role": "main"}],
         "claims": [_claim("n1", "killed", 7, "regional governor"), _claim("n1", "injured", 20, "regional governor"),
                    _claim("n2", "killed", 7, "police")]},
    ],
}

SOUTH = {
    "articles": [
        _article("s1", "2022-09-05", "Air strike on Dnipro market",
                 "An air strike on a market in Dnipro killed 12 people on Sunday, the mayor said. "
                 "At least 30 others were injured."),
    ],
    "incidents": [
        {"id": "I01", "event_type": "airstrike", "date": "2022-09-04", "date_precision": "day",
         "place": DNIPRO, "target": "market", "mentions": [{"article_id": "s1", "role": "main"}],
         "claims": [_claim("s1", "killed", 12, "mayor"), _claim("s1", "injured", 30, "reporter", open_ended=True)]},
    ],
}


def write_corpus(folder: Path, corpus: dict[str, list[dict[str, Any]]]) -> Path:
    """articles.jsonl and incidents.jsonl of `corpus` in `folder` (created)."""
    folder.mkdir(parents=True)
    for name in ("articles", "incidents"):
        rows = "".join(json.dumps(row) + "\n" for row in corpus[name])
        (folder / f"{name}.jsonl").write_text(rows, encoding="utf-8")
    return folder
