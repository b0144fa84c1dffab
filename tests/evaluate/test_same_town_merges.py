"""`harmledger eval` reports gold incidents of one town on different days that share a system
incident (issue 5's target), which the reference scorer does not print."""

from __future__ import annotations

import json
from pathlib import Path

from harmledger.evaluate.score import same_town_merges

KHARKIV = {"name": "Kharkiv", "lat": 49.98, "lon": 36.25}


def _gold(folder: Path) -> Path:
    rows = [{"id": gid, "date": day, "place": KHARKIV, "claims": [],
             "mentions": [{"article_id": aid, "role": "main"} for aid in articles]}
            for gid, day, articles in (("G1", "2022-08-17", ["a", "b"]), ("G2", "2022-08-18", ["b", "c"]),
                                       ("G3", "2022-08-17", ["d"]))]
    (folder / "incidents.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


def _export(*incidents: tuple[str, str, list[str]]) -> dict:
    return {"schema": "harmledger/incidents@1", "articles": [{"id": a, "source_id": a} for a in "abcd"],
            "incidents": [{"id": iid, "date": day, "place": KHARKIV,
                           "mentions": [{"article_id": a, "role": "main"} for a in articles]}
                          for iid, day, articles in incidents]}


def test_two_days_in_one_incident_are_reported_with_the_incident(tmp_path: Path) -> None:
    export = _export(("I1", "2022-08-17", ["a", "b", "c", "d"]))
    assert same_town_merges(export, _gold(tmp_path)) == [("G1", "G2", "I1"), ("G2", "G3", "I1")]


def test_the_two_days_kept_apart_report_nothing(tmp_path: Path) -> None:
    export = _export(("I1", "2022-08-17", ["a", "b", "d"]), ("I2", "2022-08-18", ["b", "c"]))
    assert same_town_merges(export, _gold(tmp_path)) == []
