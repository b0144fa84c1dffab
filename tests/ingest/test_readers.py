"""Each input format becomes records with the metadata it carries."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from harmledger.ingest.normalise import normalise_text
from harmledger.ingest.record import RawRecord, split_leading_date, to_article
from harmledger.ingest.sources import read_file

BODY = ("A Russian missile struck a shopping centre in Kremenchuk on Monday, killing at least 18 people. "
        "The regional governor said rescue work was continuing through the night. "
        "Fifty-nine people were taken to hospital, according to the State Emergency Service. "
        "Russia's defence ministry denied targeting the building.")


def test_text_file_with_date_line_and_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"2022-06-28\n\nMall hit in Kremenchuk\n\n{BODY}\n", encoding="utf-8")
    (record,) = read_file(path).records
    article = to_article(record)
    assert article.published == date(2022, 6, 28)
    assert article.title == "Mall hit in Kremenchuk"
    assert article.text.startswith("A Russian missile")
    assert article.source_id == "a.txt"


def test_date_line_on_the_same_line_as_the_text() -> None:
    found, rest = split_leading_date(" date 2022-04-09 At least 50 people died.")
    assert found == date(2022, 4, 9)
    assert rest.strip() == "At least 50 people died."


def test_no_date_stays_unknown(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(BODY, encoding="utf-8")
    assert to_article(read_file(path).records[0]).published is None


def test_html_main_text_and_metadata_come_from_trafilatura(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{s}.</p>" for s in BODY.split(". "))
    page = ("<html><head><title>Mall strike</title>"
            '<meta property="article:published_time" content="2022-06-28">'
            '<meta property="og:site_name" content="Harbour Gazette"></head>'
            f"<body><nav>Home | World | Sport</nav><article>{paragraphs}</article>"
            "<footer>Copyright Harbour Gazette</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = to_article(read_file(path).records[0])
    assert article.published == date(2022, 6, 28)
    assert article.outlet == "Harbour Gazette"
    assert "Kremenchuk" in article.text and "Sport" not in article.text


def test_json_list_jsonl_and_record_fields(tmp_path: Path) -> None:
    records = [{"id": "x1", "url": "https://example.org/1", "outlet": "Wire", "title": "T",
                "published": "2022-06-28", "language": "en", "text": BODY}]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    (record,) = read_file(path).records
    assert (record.source_id, record.outlet, record.url) == ("x1", "Wire", "https://example.org/1")


def test_telegram_export_joins_rich_text_parts(tmp_path: Path) -> None:
    export = {"name": "Regional Admin", "type": "public_channel", "messages": [
        {"id": 7, "type": "message", "date": "2022-07-14T11:20:00",
         "text": ["Missile strike on ", {"type": "bold", "text": "Vinnytsia"}, ": 20 killed."]},
        {"id": 8, "type": "service", "date": "2022-07-14T11:21:00", "text": ""},
    ]}
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    (record,) = read_file(path).records
    assert record.text == "Missile strike on Vinnytsia: 20 killed."
    assert record.source_id == "Regional Admin/7" and record.outlet == "Regional Admin"
    assert to_article(record).published == date(2022, 7, 14)


def test_rss_items_become_articles(tmp_path: Path) -> None:
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Riverside</title>"
            "<item><title>Strike</title><link>https://example.org/s</link>"
            "<pubDate>Thu, 14 Jul 2022 12:00:00 GMT</pubDate>"
            f"<description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item></channel></rss>")
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    (record,) = read_file(path).records
    article = to_article(record)
    assert article.outlet == "Riverside" and article.published == date(2022, 7, 14)
    assert article.text.startswith("A Russian missile") and "<p>" not in article.text


def test_glued_sentences_are_split() -> None:
    text = normalise_text("Shelling of the market on Monday reportedlyMore than 12 people died")
    assert "reportedly. More than 12" in text
    assert normalise_text("According toThe Washington Post") == "According to The Washington Post"


def test_same_input_gets_the_same_id_and_other_metadata_another() -> None:
    a = to_article(RawRecord("a", BODY, outlet="One"))
    assert a.id == to_article(RawRecord("a", BODY, outlet="One")).id
    assert a.id != to_article(RawRecord("a", BODY, outlet="Two")).id
