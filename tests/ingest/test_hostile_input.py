"""Each hostile input the audit of issue 17 found is refused or cleaned at the edge, as one HL
error for that record or file, never as an exception (fixtures written here, no news text)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from harmledger import limits
from harmledger.ingest.record import RawRecord, parse_published, to_article
from harmledger.ingest.sources import read_file

STORY = "Two people were killed when a shell hit a bakery in Kharkiv on 3 May 2022, officials said."


def _read(path: Path) -> tuple[list[RawRecord], list[str]]:
    result = read_file(path)
    return result.records, [str(e) for e in result.errors]


def test_json_nested_a_thousand_deep_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    records, errors = _read(path)
    assert records == [] and len(errors) == 1 and errors[0].startswith("HL105")


def test_a_deep_field_inside_a_good_record_is_refused_with_the_record(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    deep = "[" * 900 + "]" * 900
    path.write_text(json.dumps({"id": "ok", "text": STORY}) + "\n"
                    + '{"id": ' + deep + ', "text": "x"}\n', encoding="utf-8")
    records, errors = _read(path)
    assert [r.source_id for r in records] == ["ok"]
    assert len(errors) == 1 and "line 2" in errors[0]


def test_telegram_messages_that_are_not_objects_are_one_error_each(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"name": "chan", "messages": [
        {"id": 1, "type": "message", "text": STORY}, 7, "text", None]}), encoding="utf-8")
    records, errors = _read(path)
    assert [r.source_id for r in records] == ["chan/1"]
    assert len(errors) == 3 and all(e.startswith("HL107") for e in errors)


def test_lone_surrogates_and_nuls_are_cleaned_at_decode(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text('{"id": "a\\u0000b", "title": "t\\ud800", "url": "https://x.test/\\udfff", '
                    '"text": "Two people \\u0000were killed \\ud800in Kharkiv."}\n', encoding="utf-8")
    records, errors = _read(path)
    assert errors == []
    article = to_article(records[0], detect_language=False)
    for value in (article.source_id, article.title, article.url, article.text):
        value.encode("utf-8")  # no lone surrogate left
        assert "\x00" not in value


def test_dates_outside_1900_to_2100_are_unknown() -> None:
    assert parse_published("0001-01-01") is None
    assert parse_published("9999-12-31") is None
    assert parse_published("2022-05-03") == date(2022, 5, 3)
    article = to_article(RawRecord("r", "date 9999-12-31\n" + STORY), detect_language=False)
    assert article.published is None


def test_a_run_without_spaces_is_cut_before_the_tokenizer() -> None:
    article = to_article(RawRecord("r", STORY + " " + "\U0001f525" * 50_000), detect_language=False)
    assert max(len(word) for word in article.text.split()) <= limits.MAX_RUN


def test_limits_are_stated_in_one_place() -> None:
    assert limits.MAX_FIGURE < 2**31  # fits PostgreSQL's INTEGER as well as SQLite's
    assert (limits.FIRST_YEAR, limits.LAST_YEAR) == (1900, 2100)
    assert limits.WINDOW_CHARS < 1_000_000  # spaCy's max_length
