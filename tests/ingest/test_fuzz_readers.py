"""Hypothesis-driven fuzzing of every reader and of the record fields: whatever the bytes, reading
a file gives records and HL errors, never an exception, and every article that comes out is
clean (UTF-8 encodable, no NUL, no run without spaces over the limit, dates in range, web URLs)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harmledger import limits
from harmledger.ingest.record import to_article
from harmledger.ingest.sources import READERS, read_file

# Bounded: a few seconds a test on this machine.
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text an attacker would try: surrogates, NULs, controls, emoji runs, huge digits, odd dates.
TEXT = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=100),
    st.sampled_from(["\ud800", "\x00", "9" * 5000, "\U0001f525" * 3000, "javascript:alert(1)",
                     "0001-01-01", "9999-12-31", "Two people were killed in Kyiv on 3 May 2022."]),
)
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT)
JSONISH = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                       max_leaves=20)
RECORD = st.fixed_dictionaries({}, optional={name: st.one_of(TEXT, JSONISH) for name in
                                             ("id", "url", "outlet", "title", "published", "language", "text")})


def _read(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        result = read_file(path)
    for record in result.records:
        article = to_article(record, detect_language=False)
        for value in (article.id, article.source_id, article.text, article.url, article.outlet, article.title):
            value.encode("utf-8")
            assert "\x00" not in value
        assert all(len(word) <= limits.MAX_RUN for word in article.text.split())
        assert article.published is None or limits.FIRST_YEAR <= article.published.year <= limits.LAST_YEAR
        assert article.url == "" or article.url.lower().startswith(("http://", "https://"))
    assert all(str(e).startswith("HL") for e in result.errors)


def _dumps(value: object) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass")


@FUZZ
@given(suffix=st.sampled_from(sorted(READERS)), data=st.binary(max_size=400))
def test_any_bytes_in_any_reader_are_records_or_errors(suffix: str, data: bytes) -> None:
    _read(f"input{suffix}", data)


@FUZZ
@given(records=st.lists(RECORD, max_size=5))
def test_any_json_records_are_records_or_errors(records: list[dict]) -> None:
    _read("records.json", _dumps(records))
    _read("records.jsonl", b"\n".join(_dumps(r) for r in records))


@FUZZ
@given(messages=st.lists(st.one_of(JSONISH, st.fixed_dictionaries(
    {"text": st.one_of(TEXT, st.lists(st.one_of(TEXT, st.fixed_dictionaries({"text": JSONISH}))))},
    optional={"id": JSONISH, "date": JSONISH, "type": st.sampled_from(["message", "service"])})), max_size=5))
def test_any_telegram_export_is_records_or_errors(messages: list) -> None:
    _read("result.json", _dumps({"name": "chan", "messages": messages}))


@FUZZ
@given(title=TEXT, link=TEXT, body=TEXT, day=TEXT)
def test_any_feed_entry_is_records_or_errors(title: str, link: str, body: str, day: str) -> None:
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;")
    feed = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>{esc(title)}</title>"
            f"<link>{esc(link)}</link><description>{esc(body)}</description><pubDate>{esc(day)}</pubDate>"
            "</item></channel></rss>")
    _read("feed.xml", feed.encode("utf-8", "surrogatepass"))


@FUZZ
@given(text=TEXT)
def test_any_text_file_and_html_page_is_records_or_errors(text: str) -> None:
    _read("a.txt", text.encode("utf-8", "surrogatepass"))
    _read("a.html", f"<html><body><article><p>{text}</p></article></body></html>".encode("utf-8", "surrogatepass"))
