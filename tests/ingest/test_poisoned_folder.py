"""A folder of good articles with every hostile input of issue 17 among them: each bad record is
one HL line, the good ones are all stored and resolved, exit 1, no traceback, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from harmledger.store.database import open_database
from harmledger.store.schema import articles
from tests.conftest import export_json, run_cli

# Stories written for this test (no news text): three places, three days.
STORIES = {
    "odesa.txt": "2022-07-01\n\nStrike on Odesa\n\nA missile hit a warehouse in Odesa on 1 July 2022, "
                 "killing four people, the regional governor said.\n",
    "lviv.txt": "2022-07-05\n\nStrike on Lviv\n\nThree people were killed when a drone hit a depot in Lviv "
                "on 5 July 2022, officials said.\n",
    "kharkiv.txt": "2022-07-09\n\nShelling in Kharkiv\n\nShelling killed two people at a market in Kharkiv "
                   "on 9 July 2022, police said.\n",
}


def _stored_sources(db: str) -> set[str]:
    engine = open_database(db)
    with engine.connect() as conn:
        found = set(conn.execute(select(articles.c.source_id)).scalars())
    engine.dispose()
    return found


def _poison(folder: Path) -> None:
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "deep.json").write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    records = [
        {"id": "huge", "text": "10000000000000000000 people were killed in Dnipro on 2 July 2022, officials said.",
         "published": "2022-07-03"},
        {"id": "digits", "text": "9" * 5000 + " people were killed in Sumy on 3 July 2022.", "published": "2022-07-04"},
        {"id": "far-future", "text": "Two people were killed in Poltava on 31 December 9999.",
         "published": "9999-12-31"},
        {"id": "year-one", "text": "Two people were killed in Poltava on 1 January 0001.", "published": "0001-01-01"},
        {"id": "nul", "text": "Five people were killed\u0000 in Mykolaiv on 6 July 2022, officials said.",
         "published": "2022-07-06", "url": "https://example.test/a\u0000b"},
        {"id": ["not", "a", "string"], "text": "Six people were killed in Kherson."},
    ]
    lines = [json.dumps(r) for r in records]
    lines.append('{"id": "surrogate", "text": "One person was killed \\ud800 in Chernihiv on 7 July 2022.", '
                 '"published": "2022-07-07"}')
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "result.json").write_text(json.dumps({"name": "chan", "messages": [
        42, "text", {"id": 9, "type": "message", "date": "2022-07-08T10:00:00",
                     "text": "Two people were killed in Zhytomyr on 8 July 2022, officials said."}]}),
        encoding="utf-8")
    (folder / "emoji.txt").write_text("Two people were killed in Rivne on 4 July 2022. " + "\U0001f525" * 50_000,
                                      encoding="utf-8")
    (folder / "long.txt").write_text("The council met. " * 70_000, encoding="utf-8")


# A whole-pipeline run (models loaded in a fresh process): left out of `make test-fast`.
@pytest.mark.slow
def test_one_bad_record_never_sinks_the_others(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _poison(folder)
    result = run_cli("ingest", str(folder), db=db)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("HL")]
    codes = sorted(line.split()[0] for line in problems)
    # deep.json, the record with a list id, two Telegram messages, the over-long text
    assert codes == ["HL105", "HL107", "HL107", "HL107", "HL112"], result.stderr
    exported = export_json(db)
    assert set(STORIES) | {"emoji.txt", "huge", "digits", "nul", "surrogate", "far-future", "chan/9"} \
        <= _stored_sources(db)
    places = {i["place"]["name"] for i in exported["incidents"] if i["place"]}
    assert {"Odesa", "Lviv", "Kharkiv", "Zhytomyr"} <= places
    figures = [c["low"] for i in exported["incidents"] for c in i["claims"] if c["low"] is not None]
    assert max(figures) <= 1_000_000 and 5 in figures  # 5: the record with a NUL
    days = [a["published"] for a in exported["articles"]] + [i["date"] for i in exported["incidents"]]
    assert all(not day or "1900" <= day <= "2101" for day in days)
    # every stored article resolved: nothing is left for recover
    again = run_cli("recover", db=db)
    assert again.returncode == 0 and again.stderr.startswith("0 incidents"), again.stderr
