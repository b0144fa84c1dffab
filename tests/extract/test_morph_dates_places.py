"""Dates and places of Ukrainian and Russian reports: case forms of towns meet their gazetteer
entries, dates resolve against the day of writing, and the mention carries shared English target
words. Our own sentences."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from harmledger.extract.gazetteer import load_gazetteer
from harmledger.extract.morph import CYRILLIC_PACKS, sentences
from harmledger.extract.morph_article import extract_mentions
from harmledger.extract.morph_dates import writing_day
from harmledger.models import Article

PUBLISHED = date(2022, 7, 16)  # a Saturday


def _main(text: str, language: str, published: date | None = PUBLISHED):
    article = Article(id="a", source_id="a", text=text, language=language, published=published)
    return extract_mentions(article, load_gazetteer())[0]


@pytest.mark.parametrize(("language", "text", "town"), [
    ("uk", "Ракета влучила в житловий будинок у Харкові, загинули двоє людей.", "Kharkiv"),
    ("uk", "Окупанти обстріляли центр Миколаєва, поранено 5 людей.", "Mykolayiv"),
    ("ru", "Ракета попала в жилой дом в Белгороде, погибли два человека.", "Belgorod"),
    ("ru", "По вокзалу Краматорска нанесен удар, погибли 3 человека.", "Kramatorsk"),
])
def test_a_town_in_any_case_form_is_found(language: str, text: str, town: str) -> None:
    mention = _main(text, language)
    assert mention.place is not None and mention.place.name == town


def test_a_first_name_that_is_also_a_town_is_a_person() -> None:
    mention = _main("Удар по Одесі: загинули 3 людини, заявив Володимир Зеленський.", "uk")
    assert mention.place is not None and mention.place.name == "Odesa"


@pytest.mark.parametrize(("language", "text", "day"), [
    ("uk", "У четвер, 14 липня, ракета влучила в будинок у Вінниці, загинули 4 людини.", date(2022, 7, 14)),
    ("uk", "Учора ракета влучила в будинок у Вінниці, загинули 4 людини.", date(2022, 7, 15)),
    ("ru", "В ночь на пятницу ракета попала в дом в Виннице, погибли 4 человека.", date(2022, 7, 15)),
    ("ru", "14 июля ракета попала в дом в Виннице, погибли 4 человека.", date(2022, 7, 14)),
])
def test_dates_resolve_against_the_day_of_writing(language: str, text: str, day: date) -> None:
    mention = _main(text, language)
    assert (mention.date.value, mention.date.precision) == (day, "day")


def test_without_a_day_of_writing_a_day_and_month_stay_so() -> None:
    mention = _main("8 квітня ракета влучила у вокзал у Краматорську, загинули 4 людини.", "uk", published=None)
    assert mention.date.value is None and mention.date.month_day == (4, 8)


def test_the_time_of_a_count_is_not_the_day_of_the_strike() -> None:
    text = "У четвер ракета влучила в будинок у Вінниці. Станом на 16 липня відомо про 4 загиблих."
    assert _main(text, "uk").date.value == date(2022, 7, 14)


@pytest.mark.parametrize(("language", "text", "target"), [
    ("uk", "Ракета влучила в торговий центр у Кременчуці, загинули 4 людини.", "shopping centre"),
    ("ru", "Ракета попала в ТЦ в Кременчуге, погибли 4 человека.", "shopping centre"),
    ("uk", "Ракетний удар по вокзалу в Краматорську: загинули 4 людини.", "railway station"),
])
def test_targets_are_shared_english_words(language: str, text: str, target: str) -> None:
    assert _main(text, language).target.startswith(target)


def test_a_night_from_one_day_to_the_next_is_the_next_day() -> None:
    mention = _main("В ночь с четверга на пятницу ракета попала в дом в Виннице, погибли 4 человека.", "ru")
    assert mention.date.value == date(2022, 7, 15)


def test_a_word_that_may_be_a_preposition_is_no_weekday() -> None:
    # "серед" is "among" and also the genitive plural of середа (Wednesday)
    mention = _main("Ракета влучила в будинок у Вінниці, загинули 5 людей, серед них двоє дітей.", "uk",
                    published=None)
    assert mention.date.weekday is None


@pytest.mark.parametrize(("language", "text"), [
    ("ru", "КИЕВ, 9 сентября. Ракета попала в жилой дом в Днепре 8 сентября, погибли три человека, "
           "сообщил в пятницу губернатор области."),
    ("uk", "КИЇВ, 9 вересня. Ракета влучила в житловий будинок у Дніпрі 8 вересня, загинули троє людей, "
           "повідомив у п'ятницю голова області."),
])
def test_an_undated_wire_story_takes_its_year_from_the_weekday_it_was_said_on(language: str, text: str) -> None:
    # 9 September fell on a Friday in 2022 (and in 2016 and 2011 before it): the latest such year
    said = writing_day(sentences(text, language), CYRILLIC_PACKS[language], date(2026, 11, 30))
    assert said is not None and said.value == date(2022, 9, 9)
    latest_friday = max(date(y, 9, 9) for y in range(2000, date.today().year + 1)
                        if date(y, 9, 9).weekday() == 4 and date(y, 9, 9) <= date.today())
    assert _main(text, language, published=None).date.value == latest_friday - timedelta(days=1)


def test_a_dateline_without_the_weekday_it_was_said_on_fixes_no_year() -> None:
    text = "КИЕВ, 9 сентября. Ракета попала в жилой дом в Днепре 8 сентября, погибли три человека."
    assert writing_day(sentences(text, "ru"), CYRILLIC_PACKS["ru"], date(2026, 11, 30)) is None
    assert _main(text, "ru", published=None).date.value is None


def test_a_town_known_only_by_its_romanised_russian_name_is_found() -> None:
    # GeoNames knows Olenivka (Donetsk) as "Yelenovka" in Latin but not as "Еленовка"; Zorynsk,
    # renamed from Yelenovka long ago, and Sevan (Armenia), called "Еленовка", are not meant.
    mention = _main("Снаряд попал в здание колонии в Еленовке, погибли 5 человек.", "ru")
    assert mention.place is not None and mention.place.name == "Olenivka"
    assert abs(mention.place.lat - 47.83) < 0.05
