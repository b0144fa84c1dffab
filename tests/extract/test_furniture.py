"""Document furniture: datelines, bylines and stamp lines frame the story and are not its events."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.extract.furniture import find_furniture
from harmledger.models import Article


@pytest.mark.parametrize("text, dateline", [
    ("SANAA, Yemen -- A strike hit a hall.", "SANAA, Yemen -- "),
    ("ANKARA, Turkey (AP) — A bomb exploded.", "ANKARA, Turkey (AP) — "),
    ("SANAA, Oct 9 (Reuters) - A strike hit.", "SANAA, Oct 9 (Reuters) - "),
    ("COLOMBO: The toll rose to 300.", "COLOMBO: "),
    ("WASHINGTON (Wire Service / Desk - 27th August, 2021) A general said.",
     "WASHINGTON (Wire Service / Desk - 27th August, 2021) "),
])
def test_wire_datelines_are_found_at_the_start(text: str, dateline: str) -> None:
    found = find_furniture(text)
    assert found.dateline is not None and text[found.dateline[0]:found.dateline[1]] == dateline


@pytest.mark.parametrize("text", ["US: strikes continue.", "The UN said: 12 died.", "Police - who came late - said."])
def test_an_acronym_or_a_sentence_with_a_colon_is_no_dateline(text: str) -> None:
    assert find_furniture(text).dateline is None


def test_a_byline_gives_the_day_of_writing_and_is_no_part_of_the_story() -> None:
    text = "By Jane Roe, October 6, 2023\nKYIV (Wire) — A missile killed two people on Thursday."
    found = find_furniture(text)
    assert found.written is not None and found.written.date.value == date(2023, 10, 6)
    assert found.covers(0, len("By Jane Roe, October 6, 2023"))


def test_an_undated_article_counts_its_weekdays_from_its_byline(nlp, gazetteer) -> None:
    text = "By Jane Roe, October 6, 2023\nA missile killed two people in Kharkiv on Thursday, the mayor said."
    article = Article(id="f", source_id="f.txt", text=text)
    mention = extract_mentions(article, nlp(text), gazetteer)[0]
    assert mention.date.value == date(2023, 10, 5) and mention.date.precision == "day"


def test_a_count_since_a_month_is_not_the_events_date(nlp, gazetteer) -> None:
    text = ("A strike killed 12 people in Kharkiv on Friday, officials said. The war has killed "
            "4,000 civilians since March 2022.")
    article = Article(id="f", source_id="f.txt", text=text, published=date(2023, 5, 6))
    mentions = extract_mentions(article, nlp(text), gazetteer)
    assert mentions[0].date.value == date(2023, 5, 5)
    assert all(c.low != 4000 for m in mentions for c in m.claims)


def test_no_claimant_begins_inside_the_dateline(nlp, gazetteer) -> None:
    text = "SANAA, Yemen -- A senior health official said an airstrike killed at least 82 people."
    article = Article(id="f", source_id="f.txt", text=text, published=date(2016, 10, 9))
    claim = extract_mentions(article, nlp(text), gazetteer)[0].claims[0]
    assert claim.claimant == "senior health official"


@pytest.mark.parametrize("text, dateline", [
    ("Ouagadougou, Burkina Faso – A survivor said.", "Ouagadougou, Burkina Faso – "),
    ("Kinshasa, DR Congo — Around 300 people died.", "Kinshasa, DR Congo — "),
])
def test_title_case_datelines_need_their_country_and_a_dash(text: str, dateline: str) -> None:
    found = find_furniture(text)
    assert found.dateline is not None and text[found.dateline[0]:found.dateline[1]] == dateline


def test_a_town_and_a_dash_in_prose_is_no_dateline() -> None:
    assert find_furniture("Kharkiv - the city of two million - was hit again.").dateline is None


def test_an_embedded_posts_signature_is_furniture_and_weekdays_count_back_from_it(nlp, gazetteer) -> None:
    text = ("Deaths stand at 59, the police said.\n— City Police (@citypolice) October 5, 2017\n"
            "On Sunday night, a gunman fired on a festival in Las Vegas, killing 58 people.")
    found = find_furniture(text)
    assert found.written is not None and found.written.date.value == date(2017, 10, 5)
    article = Article(id="f", source_id="f.txt", text=text)
    days = {m.date.value for m in extract_mentions(article, nlp(text), gazetteer) if m.date.precision == "day"}
    assert days == {date(2017, 10, 1)}


def test_a_dateline_below_a_stamp_and_a_caption_is_still_found() -> None:
    text = ("Last updated on: 28 April, 2020 11:10 pm\n\nSmoke rose over the market.\n\n"
            "ANKARA (Wire) — A fuel tanker exploded on Tuesday.")
    found = find_furniture(text)
    assert found.dateline is not None and text[found.dateline[0]:found.dateline[1]] == "ANKARA (Wire) — "


def test_a_town_and_a_dash_opening_the_text_is_a_dateline() -> None:
    text = "Beirut - A fuel truck bomb in a market killed 46 people."
    found = find_furniture(text)
    assert found.dateline is not None and text[found.dateline[0]:found.dateline[1]] == "Beirut - "


def test_a_short_line_of_an_agency_and_a_date_is_a_stamp() -> None:
    text = "Smoke rose over the hall.\n\nWire October 09, 2016\n\nSANAA: More than 140 people were killed Saturday."
    found = find_furniture(text)
    assert found.written is not None and found.written.date.value == date(2016, 10, 9)
    assert found.dateline is not None and text[found.dateline[0]:found.dateline[1]] == "SANAA: "


def test_a_paragraph_above_the_dateline_is_story_not_dateline(nlp, gazetteer) -> None:
    text = ("Police chief Ann Lee said a blast killed 12 people in Afrin on Tuesday.\n\n"
            "ANKARA (Wire) — The fuel tanker exploded in a market.")
    article = Article(id="f", source_id="f.txt", text=text, published=date(2020, 4, 28))
    claims = [c for m in extract_mentions(article, nlp(text), gazetteer) for c in m.claims]
    assert [(c.low, c.claimant) for c in claims] == [(12, "Police chief Ann Lee")]
