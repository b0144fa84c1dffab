"""An English, a Ukrainian and a Russian report of one strike are one incident: the join rests on
place, date, type and target (the sentence encoder is English-only), and a strike in the same town
on another day stays apart. Our own texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import export_json, run_cli

REPORTS = [
    {"id": "en1", "language": "en", "published": "2023-03-14",
     "text": "A Russian missile hit a shopping centre in Kharkiv on Tuesday, killing four people and "
             "injuring 11, the regional governor said."},
    {"id": "uk1", "language": "uk", "published": "2023-03-14",
     "text": "Сьогодні російська ракета влучила в торговий центр у Харкові. Загинули четверо людей, "
             "ще 11 поранені, повідомив голова ОВА Олег Синєгубов."},
    {"id": "ru1", "language": "ru", "published": "2023-03-15",
     "text": "Вчера ракета попала в торговый центр в Харькове, погибли четыре человека, сообщили "
             "местные власти."},
    {"id": "uk2", "language": "uk", "published": "2023-03-20",
     "text": "У понеділок ракета влучила в гуртожиток у Харкові, загинули двоє людей."},
]


# A whole-pipeline run (models loaded in a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_english_ukrainian_and_russian_reports_of_one_strike_join(tmp_path: Path) -> None:
    source = tmp_path / "reports.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in REPORTS) + "\n", encoding="utf-8")
    db = tmp_path / "h.db"
    result = run_cli("ingest", str(source), db=db)
    assert result.returncode == 0, result.stderr
    assert "HL111" not in result.stderr
    data = export_json(db)
    source_ids = {a["id"]: a["source_id"] for a in data["articles"]}
    groups = sorted(sorted(source_ids[m["article_id"]] for m in inc["mentions"]) for inc in data["incidents"])
    assert groups == [["en1", "ru1", "uk1"], ["uk2"]]
    strike = next(inc for inc in data["incidents"] if len(inc["mentions"]) == 3)
    assert strike["date"] == "2023-03-14" and strike["place"]["name"] == "Kharkiv"
    claims = {(c["kind"], c["low"], c["claimant"]) for c in strike["claims"]}
    assert ("killed", 4, "голова ОВА Олег Синєгубов") in claims
    assert ("killed", 4, "местные власти") in claims
