"""The points are one table (resolve/points.py): features.py scores by it, and the table in
docs/reconciliation.md is generated from it, so the docs cannot drift from the code."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from harmledger.models import DatePrecision, EventDate, EventType, Mention, Place, PlacePrecision, Role
from harmledger.resolve.features import profile_of, score
from harmledger.resolve.points import BEGIN, END, POINTS, markdown, points_of, with_table

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reconciliation.md"
KHARKIV = Place("Kharkiv", "UA", "Kharkiv", 49.98, 36.25, 1, PlacePrecision.town)


def _mention(i: int, when: EventDate, event_type: str = "shelling", target: str = "market") -> Mention:
    return Mention(f"{i:032x}", 0, Role.main, EventType(event_type), when, KHARKIV, target, "", "", 0, 1)


def test_the_points_table_in_the_docs_is_the_generated_one() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert doc.count(BEGIN) == 1 and doc.count(END) == 1
    assert with_table(doc) == doc, "run: python -m harmledger.resolve.points --update docs/reconciliation.md"


def test_every_feature_and_case_is_declared_once() -> None:
    keys = [(p.feature, p.case) for p in POINTS]
    assert len(keys) == len(set(keys))
    assert all(f"| {feature} |" in markdown() for feature, _ in keys)


def test_a_score_is_made_of_the_tables_points() -> None:
    day = date(2022, 7, 21)
    incident = profile_of("inc", [_mention(1, EventDate(day, DatePrecision.day))])
    joined = score(_mention(2, EventDate(day, DatePrecision.day)), incident)
    assert joined is not None
    place, when, kind = points_of("place"), points_of("date"), points_of("event type")
    assert joined.features["place"] == place["same_town"]  # the same town, 0 km
    assert joined.features["date"] == when["same_day"]
    assert joined.features["type"] == kind["same"]
    other = score(_mention(3, EventDate(day.replace(day=22), DatePrecision.day), "missile_strike", ""), incident)
    assert other is not None and other.features["date"] == when["day_apart"]
    assert other.features["type"] == kind["different"]


def test_the_module_prints_the_table_as_markdown() -> None:
    run = subprocess.run([sys.executable, "-m", "harmledger.resolve.points", "--markdown"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout == markdown() + "\n"


def test_a_document_without_the_markers_is_an_error(tmp_path: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("# no table here\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "harmledger.resolve.points", "--update", str(doc)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode != 0 and "no" in run.stderr
