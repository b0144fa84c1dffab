"""Pooling corpora: the pooled row counts every unit, incident and claim of every corpus once, as
if they had been scored together, so it is a micro-average and not the mean of the rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from harmledger.evaluate.score import pool, score, tally

KHARKIV = {"name": "Kharkiv", "country_code": "UA", "lat": 49.98, "lon": 36.25}
DNIPRO = {"name": "Dnipro", "country_code": "UA", "lat": 48.45, "lon": 34.98}
CHUHUIV = {"name": "Chuhuiv", "country_code": "UA", "lat": 49.84, "lon": 36.69}  # 35 km from Kharkiv
Corpus = tuple[list[dict[str, Any]], dict[str, Any]]  # gold incidents, system export


def _claim(article: str, kind: str, low: int, claimant: str, high: int | None = -1) -> dict[str, Any]:
    return {"article_id": article, "kind": kind, "low": low, "high": low if high == -1 else high,
            "qualifier": "exact" if high == -1 else "at_least", "group": "all", "claimant": claimant}


def _mixed(p: str) -> Corpus:
    """Two gold incidents merged into one system incident, a spurious incident, a wrong figure and a
    wrong claimant."""
    gold = [{"id": f"{p}G1", "date": "2022-08-17", "place": KHARKIV,
             "mentions": [{"article_id": f"{p}1", "role": "main"}, {"article_id": f"{p}2", "role": "main"}],
             "claims": [_claim(f"{p}1", "killed", 7, "regional governor"), _claim(f"{p}2", "killed", 7, "reporter"),
                        _claim(f"{p}2", "injured", 20, "police", high=None)]},
            {"id": f"{p}G2", "date": "2022-08-18", "place": CHUHUIV,
             "mentions": [{"article_id": f"{p}3", "role": "main"}],
             "claims": [_claim(f"{p}3", "killed", 3, "mayor")]}]
    incidents = [{"id": f"{p}I1", "date": "2022-08-17", "place": KHARKIV, "killed": {"low": 7, "high": 7},
                  "mentions": [{"article_id": f"{p}{n}", "role": "main"} for n in (1, 2, 3)],
                  "claims": [_claim(f"{p}1", "killed", 7, "governor of the region"),
                             _claim(f"{p}2", "killed", 7, "reporter"),
                             _claim(f"{p}2", "injured", 20, "hospital staff", high=None),
                             _claim(f"{p}3", "killed", 4, "mayor")]},
                 {"id": f"{p}I2", "date": "2022-08-25", "place": KHARKIV, "claims": [],
                  "mentions": [{"article_id": f"{p}4", "role": "main"}]}]
    return gold, _export([f"{p}{n}" for n in (1, 2, 3, 4)], incidents)


def _small(p: str) -> Corpus:
    """One gold incident with one claim, found, its figure missed."""
    gold = [{"id": f"{p}G1", "date": "2022-08-20", "place": DNIPRO,
             "mentions": [{"article_id": f"{p}1", "role": "main"}],
             "claims": [_claim(f"{p}1", "killed", 5, "reporter")]}]
    incidents = [{"id": f"{p}I1", "date": "2022-08-21", "place": DNIPRO, "killed": {"low": 2, "high": 2},
                  "mentions": [{"article_id": f"{p}1", "role": "main"}],
                  "claims": [_claim(f"{p}1", "killed", 2, "reporter")]}]
    return gold, _export([f"{p}1"], incidents)


def _export(articles: list[str], incidents: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema": "harmledger/incidents@1", "articles": [{"id": a, "source_id": a} for a in articles],
            "incidents": incidents}


def _write(folder: Path, gold: list[dict[str, Any]]) -> Path:
    """A gold folder: the scorer reads only the article ids of articles.jsonl."""
    folder.mkdir()
    ids = sorted({m["article_id"] for g in gold for m in g["mentions"]})
    (folder / "articles.jsonl").write_text("".join(json.dumps({"id": a, "text": ""}) + "\n" for a in ids))
    (folder / "incidents.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    return folder


def test_pooling_one_corpus_gives_exactly_its_own_row(tmp_path: Path) -> None:
    gold, export = _mixed("a")
    folder = _write(tmp_path / "a", gold)
    assert pool([tally(export, folder)]).scores() == score(export, folder)


def test_pooling_two_corpora_equals_scoring_their_union(tmp_path: Path) -> None:
    (gold_a, export_a), (gold_b, export_b) = _mixed("a"), _small("b")
    a, b = _write(tmp_path / "a", gold_a), _write(tmp_path / "b", gold_b)
    union = _write(tmp_path / "union", gold_a + gold_b)
    together = score(_export([x["id"] for x in export_a["articles"] + export_b["articles"]],
                             export_a["incidents"] + export_b["incidents"]), union)
    pooled = pool([tally(export_a, a), tally(export_b, b)]).scores()
    assert pooled.keys() == together.keys()
    for metric, value in together.items():
        # B³ sums its per-unit terms in another order, hence approx
        assert pooled[metric] == pytest.approx(value, abs=1e-12), metric


def test_the_pooled_row_is_a_micro_average_not_the_mean_of_the_rows(tmp_path: Path) -> None:
    (gold_a, export_a), (gold_b, export_b) = _mixed("a"), _small("b")
    rows = [tally(export_a, _write(tmp_path / "a", gold_a)), tally(export_b, _write(tmp_path / "b", gold_b))]
    row_a, row_b, pooled = rows[0].scores(), rows[1].scores(), pool(rows).scores()
    assert [(r["claims_matched"], r["claims_gold"]) for r in (row_a, row_b)] == [(3, 4), (0, 1)]
    assert pooled["claim_recall"] == 3 / 5 != (row_a["claim_recall"] + row_b["claim_recall"]) / 2
    assert pooled["units"] == 4 and pooled["b3_precision"] == pytest.approx((2 * 2 / 3 + 1 / 3 + 1) / 4)
    assert pooled["claimant_accuracy"] == 2 / 3 and pooled["date_exact"] == 1 / 3


def test_corpora_that_reuse_ids_still_pool_as_separate_corpora(tmp_path: Path) -> None:
    """Gold folders number their articles and incidents alike (d001, I01), so their files cannot
    simply be concatenated: units are (article, gold incident) pairs and would collide. Pooling
    tallies keeps each corpus's ids to itself."""
    gold, export = _mixed("x")
    first, second = _write(tmp_path / "first", gold), _write(tmp_path / "second", gold)
    pooled = pool([tally(export, first), tally(export, second)]).scores()
    alone = score(export, first)
    assert pooled["units"] == 2 * alone["units"] and pooled["claims_gold"] == 2 * alone["claims_gold"]
    for metric in ("b3_precision", "b3_recall", "b3_f1", "claim_f1", "claimant_accuracy", "date_exact"):
        assert pooled[metric] == pytest.approx(alone[metric]), metric
