"""Wire reprints: near-identical texts are marked duplicate_of and count as one source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmledger.ingest.duplicates import DuplicateFinder, signature
from tests.conftest import export_json, run_cli

WIRE = ("A Russian missile struck a crowded market in the centre of Kharkiv on Thursday, killing "
        "at least 14 people and wounding 31, the regional governor said in a statement on Telegram. "
        "Emergency crews worked through the evening to pull survivors from the burning stalls, and "
        "the city's mayor said several of the injured were in a serious condition. Russia's defence "
        "ministry did not comment on the strike.")


# A whole-pipeline run (models loaded in a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_three_copies_of_a_wire_story_are_one_independent_source(tmp_path: Path, db: str) -> None:
    records = [
        {"id": f"w{i}", "outlet": outlet, "url": f"https://example.org/{i}", "published": "2022-07-22",
         "title": title, "text": WIRE + suffix}
        for i, (outlet, title, suffix) in enumerate([
            ("Eastern Wire", "Missile hits Kharkiv market", ""),
            ("Harbour Gazette", "Kharkiv market strike kills 14", " (Eastern Wire)"),
            ("Lakeside Post", "Deadly strike on Kharkiv market", ""),
        ])
    ]
    source = tmp_path / "wire.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    assert run_cli("ingest", str(source), db=db).returncode == 0
    data = export_json(db)
    originals = [a for a in data["articles"] if a["duplicate_of"] is None]
    assert len(data["articles"]) == 3 and len(originals) == 1
    (incident,) = [i for i in data["incidents"] if not i["background_only"]]
    assert incident["sources"] == {"articles": 3, "independent": 1}
    assert incident["grade"] == "single_source"


def test_a_different_story_is_not_a_duplicate() -> None:
    finder = DuplicateFinder([])
    assert finder.add("a", signature(WIRE)) is None
    assert finder.add("b", signature(WIRE.replace("Kharkiv", "Kharkiv city"))) == "a"
    other = "Shelling of Nikopol overnight damaged a school and two houses; nobody was hurt, officials said."
    assert finder.add("c", signature(other)) is None
