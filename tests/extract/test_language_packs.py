"""Language packs: an article is read by the pack of its language, or stored and reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmledger.extract.lang import PACKS, pack_for
from tests.conftest import count_rows, export_json, run_cli

# Our own sentences: a German report (no pack) and an English one of the same strike.
GERMAN = "Am Montag traf eine Rakete ein Wohnhaus in Charkiw, drei Menschen wurden getötet."
ENGLISH = "A missile hit an apartment block in Kharkiv on Monday, killing three people, the mayor said."


def test_english_has_a_pack_and_the_default_language_is_english() -> None:
    assert pack_for("en") is PACKS["en"] and pack_for("") is PACKS["en"] and pack_for("EN") is PACKS["en"]


def test_a_language_without_a_pack_has_none() -> None:
    assert pack_for("de") is None


def test_ukrainian_and_russian_are_read_by_lemmas() -> None:
    assert pack_for("uk") is PACKS["uk"] and PACKS["uk"].reader == "morph"
    assert pack_for("ru") is PACKS["ru"] and PACKS["ru"].reader == "morph"


# A whole-pipeline run (models loaded in a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_an_article_no_pack_reads_is_stored_and_reported_not_dropped(tmp_path: Path) -> None:
    source = tmp_path / "reports.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "de1", "language": "de", "published": "2023-03-14", "text": GERMAN},
        {"id": "en1", "language": "en", "published": "2023-03-14", "text": ENGLISH},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "h.db"
    result = run_cli("ingest", str(source), db=db)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("HL111")]
    assert warnings == [warnings[0]] and "de1" in warnings[0] and "'de'" in warnings[0]
    assert count_rows(str(db), "articles") == 2  # both stored
    assert len(export_json(db)["incidents"]) == 1  # only the English one read
