"""Dates resolved against the publication date, with a precision, never inventing a day."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.extract.dates import dateline, find_dates, latest_explicit_date, writing_date
from harmledger.models import Article

FRIDAY = date(2022, 4, 8)


def first(text: str, ref: date | None):
    return find_dates(text, ref)[0].date


def test_on_friday_in_a_friday_story_is_that_day() -> None:
    d = first("A missile hit the station on Friday.", FRIDAY)
    assert (d.value, d.precision) == (FRIDAY, "day")


def test_last_friday_in_a_friday_story_is_a_week_back() -> None:
    assert first("It happened last Friday.", FRIDAY).value == date(2022, 4, 1)


def test_yesterday_and_explicit_dates() -> None:
    assert first("Shelling began yesterday.", date(2022, 4, 9)).value == FRIDAY
    assert first("The strike on 8 April 2022 killed 50.", None).value == FRIDAY
    assert first("The strike on April 8, 2022 killed 50.", None).value == FRIDAY
    assert first("The strike on 2022-04-08 killed 50.", None).value == FRIDAY
    assert first("The strike on 8 April killed 50.", date(2022, 4, 10)).value == FRIDAY


def test_last_april_is_a_month_in_the_year_before() -> None:
    d = first("The station strike last April killed dozens.", date(2023, 3, 14))
    assert (d.value, d.precision) == (date(2022, 4, 1), "month")


def test_without_publication_date_no_day_is_invented() -> None:
    d = first("Russia claimed the attack on Sunday killed 600.", None)
    assert d.value is None and d.precision == "unknown" and d.weekday == 6
    d = first("Russia had no plans to fire on April 8.", None)
    assert d.value is None and d.month_day == (4, 8)


def test_latest_explicit_date_stands_in_for_publication() -> None:
    assert latest_explicit_date("Update - 14 March 2023. Earlier: 1 March 2023.") == date(2023, 3, 14)


def test_weeks_after_points_back_with_week_precision() -> None:
    d = find_dates("It came less than three weeks after a missile hit the mall.", date(2022, 7, 15))[0]
    assert d.is_past_reference and d.date.precision == "week" and d.date.value == date(2022, 6, 24)


def test_weekday_near_a_date_from_the_text_may_follow_it() -> None:
    # No publication date; a caption says 10 July 2022 (a Sunday): "on Monday" is the 11th.
    sunday = date(2022, 7, 10)
    assert first("The toll reached 30 on Monday.", sunday).value == date(2022, 7, 4)
    assert find_dates("The toll reached 30 on Monday.", sunday, published=False)[0].date.value == date(2022, 7, 11)
    assert find_dates("It was hit on Saturday.", sunday, published=False)[0].date.value == date(2022, 7, 9)


def test_republished_weekday_beside_its_date_keeps_that_date() -> None:
    # Written on 26 June 2022 (a Sunday), republished on 5 August, a Friday: "on Sunday" is not
    # 31 July, five days before publication, but the date printed beside it.
    found = find_dates("Rockets hit a market in Sumy on Sunday, June 26, killing four.", date(2022, 8, 5))
    assert [(d.kind, d.date.value, d.date.precision) for d in found] == [
        ("weekday", date(2022, 6, 26), "day"), ("md", date(2022, 6, 26), "day")]


def test_a_weekday_that_disagrees_with_the_date_beside_it_is_left_alone() -> None:
    found = find_dates("Rockets hit Sumy on Monday, June 26.", date(2022, 6, 28))
    assert found[0].date.value == date(2022, 6, 27)


def test_republished_story_counts_from_its_date_line() -> None:
    text = "Sunday, 26 June 2022, 09:40\nRockets hit a market in Sumy on Sunday, killing four."
    assert dateline(text) == date(2022, 6, 26)
    assert writing_date(text, date(2022, 8, 5)) == date(2022, 6, 26)
    # Republished within the week, the publication date still counts.
    assert writing_date(text, date(2022, 6, 28)) == date(2022, 6, 28)
    assert writing_date("A missile hit Sumy on Sunday.", date(2022, 8, 5)) == date(2022, 8, 5)


def test_a_republished_article_is_dated_by_its_date_line(nlp, gazetteer) -> None:
    text = "Sunday, 26 June 2022\nRockets hit a market in Sumy on Sunday, killing four people."
    article = Article(id="r", source_id="r.txt", text=text, published=date(2022, 8, 5))
    main = extract_mentions(article, nlp(text), gazetteer)[0]
    assert (main.date.value, main.date.precision) == (date(2022, 6, 26), "day")


def _mentions(nlp, gazetteer, text: str, published: date | None = FRIDAY):
    article = Article(id="d", source_id="d.txt", text=text, published=published)
    return extract_mentions(article, nlp(text), gazetteer)


def test_the_day_a_statement_was_made_is_not_the_day_of_the_strike(nlp, gazetteer) -> None:
    text = ("The number killed by the missile that hit the council building in Mykolaiv rose to 30, "
            "the governor said.\n\n\"There are 30 dead now,\" he wrote on Telegram on Friday.")
    when = _mentions(nlp, gazetteer, text)[0].date
    # "reported by this day", not "on Friday"
    assert (when.value, when.precision) == (FRIDAY, "week")


def test_the_day_a_toll_rose_is_not_the_day_of_the_strike(nlp, gazetteer) -> None:
    text = ("The toll from a rocket strike on flats in Chasiv Yar reached 31 on Monday. "
            "The building was hit by a rocket attack on Saturday.")
    when = _mentions(nlp, gazetteer, text, published=date(2022, 7, 11))[0].date
    assert (when.value, when.precision) == (date(2022, 7, 9), "day")


def test_a_strike_date_before_the_toll_verb_is_the_strike_date(nlp, gazetteer) -> None:
    text = ("The number of people killed when Russian rockets struck an apartment building in Chasiv Yar "
            "on Saturday night has climbed past 30, Ukrainian officials said.\n\nNine people have been "
            "pulled out alive. Rescuers freed a man on Sunday evening.")
    when = _mentions(nlp, gazetteer, text, published=date(2022, 7, 12))[0].date
    assert (when.value, when.precision) == (date(2022, 7, 9), "day")


def test_a_photo_caption_date_is_not_the_event_date(nlp, gazetteer) -> None:
    text = ("Firefighters search the ruins of a block of flats hit by a rocket in Chasiv Yar, "
            "on July 10, 2022.\n\nThe rocket strike on Saturday killed 20 people.")
    when = _mentions(nlp, gazetteer, text, published=None)[0].date
    assert (when.value, when.precision) == (date(2022, 7, 9), "day")


def test_an_earlier_strike_told_under_an_undated_lead_is_background(nlp, gazetteer) -> None:
    text = ("A missile attack on Kropyvnytskyi killed four people and injured 20, the governor said.\n\n"
            "On April 2, missiles hit the outskirts of Kropyvnytskyi. Two people died then.")
    found = _mentions(nlp, gazetteer, text)
    assert [(m.role, [c.low for c in m.claims if c.kind == "killed"]) for m in found] == \
        [("main", [4]), ("background", [2])]
    assert found[1].date.value == date(2022, 4, 2) and found[0].date.precision == "week"


def test_the_main_event_retold_with_its_date_later_takes_that_date(nlp, gazetteer) -> None:
    text = ("Police keep working at the ruined shopping centre in Kremenchuk; 20 bodies have been "
            "identified.\n\nOn the afternoon of March 28, a missile hit the shopping centre in Kremenchuk.")
    when = _mentions(nlp, gazetteer, text)[0].date
    assert (when.value, when.precision) == (date(2022, 3, 28), "day")


def test_a_date_that_names_a_group_or_a_place_is_no_date() -> None:
    from harmledger.extract.dates import find_dates

    assert find_dates("the March 23 Movement rebels attacked", date(2022, 12, 3)) == []
    assert find_dates("protesters filled 6 October Square", date(2022, 12, 3)) == []
    assert [d.date.value for d in find_dates("on March 23 rebels attacked", date(2022, 12, 3))] == [date(2022, 3, 23)]


@pytest.mark.parametrize(("text", "day"), [
    ("Gunmen struck on the night of Friday to Saturday.", date(2021, 6, 5)),
    ("Gunmen struck on the night of June 4-5.", date(2021, 6, 5)),
    ("Gunmen struck on the night of 4 to 5 June.", date(2021, 6, 5)),
    ("Gunmen struck on the night of June 5.", date(2021, 6, 5)),
    ("Gunmen struck overnight into Saturday.", date(2021, 6, 5)),
    ("Gunmen struck during the night to Saturday.", date(2021, 6, 5)),
])
def test_a_night_across_two_days_is_dated_by_the_later_day(text: str, day: date) -> None:
    assert [d.date.value for d in find_dates(text, date(2021, 6, 10))] == [day]


@pytest.mark.parametrize(("text", "day"), [
    ("Rebels killed civilians there on 29 and 30 November.", date(2022, 11, 29)),
    ("Rebels killed civilians there on November 29-30.", date(2022, 11, 29)),
])
def test_days_of_a_span_are_dated_by_the_first(text: str, day: date) -> None:
    assert [d.date.value for d in find_dates(text, date(2022, 12, 3))] == [day]


def test_a_movement_named_for_a_date_is_no_date_in_any_case() -> None:
    assert find_dates("gunmen of the March 23 movement attacked", date(2022, 12, 3)) == []


def test_the_day_a_toll_is_revised_is_not_the_day_of_the_attack(nlp, gazetteer) -> None:
    text = "COLOMBO: Authorities on Thursday revised the toll of the church bombings down to 253."
    article = Article(id="t", source_id="t.txt", text=text, published=date(2019, 4, 26))
    mention = extract_mentions(article, nlp(text), gazetteer)[0]
    assert mention.date.value != date(2019, 4, 25)


def test_history_in_a_side_sentence_never_dates_an_undated_report(nlp, gazetteer) -> None:
    text = ("Rebels said an airstrike on a wedding hall in Hodeidah killed 40 guests yesterday.\n"
            "The coalition denied it. Doctors at the city hospital worked through the night.\n"
            "Relatives searched the wards for the missing. Aid groups called for an inquiry.\n"
            "Fighters of the movement took Hodeidah in March 2015 and have held the port since.")
    article = Article(id="h", source_id="h.txt", text=text)
    main = extract_mentions(article, nlp(text), gazetteer)[0]
    assert main.date.value is None


@pytest.mark.parametrize(("text", "days"), [
    ("A day later, another strike hit the town.", 1),
    ("Two days later, a second blast struck.", 2),
    ("The following morning, a drone hit the depot.", 1),
    ("Hours later, a missile hit the port.", 0),
])
def test_days_later_count_from_the_event_told_before(text: str, days: int) -> None:
    monday = date(2022, 4, 4)
    d = find_dates(text, FRIDAY, last_event=monday)[0].date
    assert (d.value, d.precision) == (date(2022, 4, 4 + days), "day")
    assert find_dates(text, FRIDAY) == []  # no event told before: no day


def test_the_previous_day_is_the_day_before_writing() -> None:
    d = first("A car bomb killed 12 people the previous day, police said.", FRIDAY)
    assert d.value == date(2022, 4, 7)


def test_a_second_strike_a_day_later_is_dated_from_the_first(nlp, gazetteer) -> None:
    text = ("Shelling killed 12 people in Donetsk on Saturday evening. A day later, another strike killed five "
            "people in Horlivka.")
    article = Article(id="l", source_id="l.txt", text=text, published=FRIDAY)
    days = {m.place.name: m.date.value for m in extract_mentions(article, nlp(text), gazetteer) if m.place}
    assert days == {"Donetsk": date(2022, 4, 2), "Horlivka": date(2022, 4, 3)}


@pytest.mark.parametrize(("text", "ref", "day"), [
    ("The blast on 25/03/2022 killed nine.", FRIDAY, date(2022, 3, 25)),  # day first: 25 is no month
    ("The blast on 03/25/2022 killed nine.", FRIDAY, date(2022, 3, 25)),  # month first
    ("The blast on 05/04/2022 killed nine.", FRIDAY, date(2022, 4, 5)),  # 4 May is after writing
    ("The blast on 05/04/2022 killed nine.", None, None),  # 5 April or 4 May: no day invented
])
def test_dates_with_slashes_are_read_either_way_round(text: str, ref: date | None, day: date | None) -> None:
    found = find_dates(text, ref)
    assert (found[0].date.value if found else None) == day
