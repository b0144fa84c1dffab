"""Bad input: exit 1, one line naming the file and the problem, and nothing stored is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import copy_db, count_rows, export_json, run_cli


def _counts(db: str) -> tuple[int, ...]:
    return tuple(count_rows(db, t) for t in ("articles", "mentions", "incidents"))


@pytest.fixture(scope="module")
def stored(demo_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the demo database (each backend), which already holds good articles; shared by
    the tests here, which each compare what is stored before and after their bad input."""
    return copy_db(demo_db, tmp_path_factory.mktemp("stored"))


def _assert_one_line_error(result, name: str, words: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("HL")]
    assert len(problems) == 1, result.stderr
    assert name in problems[0] and words in problems[0]


@pytest.mark.parametrize(("name", "content", "words"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n", "empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
    ("latin1.txt", "Frappe \xe0 Kramatorsk, caf\xe9 d\xe9truit".encode("latin-1"), "not UTF-8"),
    ("nothing.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
     "no main text"),
    ("broken.json", b'{"text": "unterminated', "not valid JSON"),
    ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
])
def test_bad_file_is_refused_by_name_and_stored_data_survives(stored: str, tmp_path: Path, name: str,
                                                              content: bytes, words: str) -> None:
    before = _counts(stored)
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run_cli("ingest", str(bad), db=stored)
    _assert_one_line_error(result, name, words)
    assert _counts(stored) == before


def test_missing_path_is_named(stored: str, tmp_path: Path) -> None:
    before = _counts(stored)
    result = run_cli("ingest", str(tmp_path / "nowhere.txt"), db=stored)
    _assert_one_line_error(result, "nowhere.txt", "no such file")
    assert _counts(stored) == before


# A whole ingest in a fresh process (the models loaded): left out of `make test-fast`.
@pytest.mark.slow
def test_broken_jsonl_line_is_reported_and_good_lines_are_kept(stored: str, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "published": "2022-07-15",
                    "text": "Shelling killed three people in Kharkiv on Friday."}),
        '{"id": "r2", "text": "broken',
        json.dumps({"id": "r3", "published": "2022-08-18",
                    "text": "A missile hit a dormitory in Kharkiv on Thursday, killing seven."}),
    ]
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _counts(stored)
    result = run_cli("ingest", str(records), db=stored)
    _assert_one_line_error(result, "records.jsonl", "line 2")
    assert _counts(stored)[0] == before[0] + 2
    sources = {a["source_id"] for a in export_json(stored)["articles"]}
    assert {"r1", "r3"} <= sources and "r2" not in sources


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    result = run_cli("export", "--format", "xml", db=tmp_path / "x.db")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
