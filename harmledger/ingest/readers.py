"""One reader per input format; each returns the records it found and the errors it met."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import feedparser
import trafilatura
from lxml import html as lxml_html

from harmledger.errors import Code, HarmledgerError
from harmledger.ingest.decode import decode_bytes, read_bytes, read_text
from harmledger.ingest.record import RawRecord, split_leading_date

Found = tuple[list[RawRecord], list[HarmledgerError]]

# Fewer words than this after extraction means the page had no article body.
_MIN_HTML_WORDS = 5


def read_txt(path: Path) -> Found:
    """A plain-text article; a short first line set off by a blank line is its title."""
    text = read_text(path)
    published, body = split_leading_date(text)
    lines = body.lstrip("\n").split("\n", 2)
    title = ""
    if len(lines) == 3 and not lines[1].strip() and 0 < len(lines[0].split()) <= 25 \
            and not lines[0].rstrip().endswith((".", "\"", "”")):
        title, body = lines[0].strip(), lines[2]
    return [RawRecord(source_id=path.name, text=body, title=title,
                      published=published.isoformat() if published else "")], []


def read_html(path: Path) -> Found:
    """An HTML page: main text and metadata extracted by trafilatura."""
    page = read_text(path)
    extracted = trafilatura.extract(page, output_format="json", with_metadata=True)
    meta: dict[str, Any] = json.loads(extracted) if extracted else {}
    text = (meta.get("text") or "").strip()
    if len(text.split()) < _MIN_HTML_WORDS:
        raise HarmledgerError(Code.NO_MAIN_TEXT, path)
    record = RawRecord(
        source_id=path.name,
        text=text,
        url=meta.get("url") or "",
        outlet=meta.get("source-hostname") or meta.get("hostname") or "",
        title=meta.get("title") or "",
        published=meta.get("date") or "",
    )
    return [record], []


def read_jsonl(path: Path) -> Found:
    """One JSON record per line; a broken line is reported with its number, the rest are kept."""
    records: list[RawRecord] = []
    errors: list[HarmledgerError] = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = _load_json(line)
        except json.JSONDecodeError as exc:
            errors.append(HarmledgerError(Code.BAD_JSON_LINE, path, line=number, detail=exc.msg))
            continue
        _keep(records, errors, path, obj, f"{path.name}:{number}", f"line {number}")
    return records, errors


def read_json(path: Path) -> Found:
    """A JSON record, a list of records, or a Telegram channel export (`result.json`)."""
    try:
        obj = _load_json(read_text(path))
    except json.JSONDecodeError as exc:
        raise HarmledgerError(Code.BAD_JSON, path, detail=f"line {exc.lineno}: {exc.msg}") from None
    if isinstance(obj, dict) and isinstance(obj.get("messages"), list):
        return _read_telegram(obj, path)
    items = obj if isinstance(obj, list) else [obj]
    records: list[RawRecord] = []
    errors: list[HarmledgerError] = []
    for index, item in enumerate(items):
        _keep(records, errors, path, item, f"{path.name}:{index}" if len(items) > 1 else path.name, f"item {index}")
    return records, errors


def _keep(records: list[RawRecord], errors: list[HarmledgerError], path: Path, obj: Any, name: str,
          where: str) -> None:
    """Add the record `obj` makes to `records`, or why it makes none to `errors`."""
    record = _record(obj, name)
    if isinstance(record, str):
        errors.append(HarmledgerError(Code.BAD_RECORD, path, detail=f"{where}, {record}"))
    else:
        records.append(record)


def _load_json(text: str) -> Any:
    """json.loads, with nesting too deep for Python's parser reported as a JSON error."""
    try:
        return json.loads(text)
    except RecursionError:
        # Checked by the parser itself (one frame a level), so no depth scan of our own is needed.
        raise json.JSONDecodeError("nested too deeply", text[:0], 0) from None


def read_feed(path: Path) -> Found:
    """An RSS or Atom feed parsed by feedparser; each entry becomes a record."""
    data = read_bytes(path)
    decode_bytes(data, path)  # same empty/binary/encoding checks as every other format
    feed = feedparser.parse(data)
    if not feed.entries:
        detail = str(getattr(feed, "bozo_exception", "no entries"))
        raise HarmledgerError(Code.BAD_FEED, path, detail=detail)
    outlet = feed.feed.get("title", "")
    records = []
    for index, entry in enumerate(feed.entries):
        body = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        records.append(RawRecord(
            source_id=entry.get("id") or entry.get("link") or f"{path.name}:{index}",
            text=_strip_markup(body),
            url=entry.get("link", ""),
            outlet=outlet,
            title=entry.get("title", ""),
            published=entry.get("published", "") or entry.get("updated", ""),
        ))
    return records, []


def _read_telegram(export: dict[str, Any], path: Path) -> Found:
    channel = _scalar(export.get("name")) or ""
    records = []
    errors = []
    for index, message in enumerate(export["messages"]):
        if not isinstance(message, dict):
            errors.append(HarmledgerError(Code.BAD_RECORD, path, detail=f"message {index} is not an object"))
            continue
        text = _text_of(message.get("text"))
        if message.get("type", "message") != "message" or not text.strip():
            continue
        number, day = _scalar(message.get("id")), _scalar(message.get("date"))
        if number is None or day is None:
            errors.append(HarmledgerError(Code.BAD_RECORD, path,
                                          detail=f"message {index}, 'id' or 'date' is not a string"))
            continue
        records.append(RawRecord(source_id=f"{channel or path.name}/{number}", text=text, outlet=channel,
                                 published=day))
    return records, errors


_FIELDS = ("id", "url", "outlet", "title", "published", "language")


def _record(obj: object, fallback_id: str) -> RawRecord | str:
    """The record an object holds, or what is wrong with it. Fields must be strings or numbers:
    a nested value is refused here, before str() of it could recurse or fill memory."""
    if not isinstance(obj, dict):
        return "not an object"
    text = _text_of(obj.get("text"))
    if not text:
        return "no 'text' field"
    values = {name: _scalar(obj.get(name)) for name in _FIELDS}
    wrong = [name for name, value in values.items() if value is None]
    if wrong:
        return f"field '{wrong[0]}' is not a string"
    return RawRecord(source_id=values["id"] or fallback_id, text=text, url=values["url"] or "",
                     outlet=values["outlet"] or "", title=values["title"] or "",
                     published=values["published"] or "", language=values["language"] or "")


def _scalar(value: object) -> str | None:
    """A field's value as text: "" when absent, None when it is a list or an object."""
    if value is None or value is False:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value) if abs(value) < 10**30 else None  # str() of a 5,000-digit int raises
    return None


def _text_of(value: object) -> str:
    """Text as a string, or Telegram's list of strings and entity objects joined together."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else p.get("text", "") for p in value
                       if isinstance(p, str) or (isinstance(p, dict) and isinstance(p.get("text"), str)))
    return ""


# Control characters XML cannot hold: lxml refuses a fragment with one, so they are dropped first.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _strip_markup(fragment: str) -> str:
    if "<" not in fragment:
        return fragment
    root = lxml_html.fragment_fromstring(_XML_UNSAFE.sub("", fragment), create_parent="div")
    for br in root.iter("br", "p"):
        br.tail = "\n" + (br.tail or "")
    return str(root.text_content())
