"""The offline gazetteer: alternate and old names, Cyrillic, ambiguity and NER blind spots."""

from __future__ import annotations

from datetime import date

from harmledger.extract.article import extract_mentions
from harmledger.models import Article


def test_old_new_and_cyrillic_names_are_one_place(gazetteer) -> None:
    kyiv = gazetteer.towns("Kyiv")[0].geonameid
    assert gazetteer.towns("Kiev")[0].geonameid == kyiv
    assert gazetteer.towns("Краматорськ")[0].geonameid == gazetteer.towns("Kramatorsk")[0].geonameid
    assert gazetteer.towns("Artemivsk")[0].name == "Bakhmut"
    assert gazetteer.towns("Dnepr")[0].name == "Dnipro"


def _main_place(nlp, gazetteer, text: str):
    article = Article(id="p", source_id="p.txt", text=text, published=date(2022, 4, 9))
    return extract_mentions(article, nlp(text), gazetteer)[0].place


def test_kramatorsk_is_found_though_ner_calls_it_a_product(nlp, gazetteer) -> None:
    place = _main_place(nlp, gazetteer, "A missile killed 30 people at a train station in Kramatorsk.")
    assert place is not None and place.name == "Kramatorsk"
    assert place.country_code == "UA" and place.admin1 == "Donetsk" and place.precision == "town"


def test_ambiguous_name_prefers_the_story_country(nlp, gazetteer) -> None:
    place = _main_place(nlp, gazetteer, "In Ukraine, shelling of Makiivka near Donetsk killed 12 people.")
    assert place is not None and place.country_code == "UA" and place.admin1 == "Donetsk"


def test_capital_as_speaker_is_not_the_event_place(nlp, gazetteer) -> None:
    place = _main_place(nlp, gazetteer, "Moscow denied that a missile killed 20 people in Vinnytsia on Thursday.")
    assert place is not None and place.name.startswith("Vinnyts")


def test_namesake_in_the_region_the_article_names_wins(nlp, gazetteer) -> None:
    chernihiv = _main_place(nlp, gazetteer, "Shelling hit the village of Makiivka in the Chernihiv region "
                                            "of Ukraine on Friday, killing two people.")
    assert chernihiv is not None and chernihiv.admin1 == "Chernihiv"
    donetsk = _main_place(nlp, gazetteer, "Shelling of Makiivka, east of Donetsk, killed four people.")
    assert donetsk is not None and donetsk.admin1 == "Donetsk"
    olenivka = _main_place(nlp, gazetteer, "An explosion at a prison camp in Olenivka, in the Donetsk "
                                           "region of Ukraine, killed 53 prisoners of war.")
    assert olenivka is not None and olenivka.admin1 == "Donetsk"


def test_a_part_of_a_city_is_the_city_though_ner_calls_it_a_person(nlp, gazetteer) -> None:
    place = _main_place(nlp, gazetteer, "Central Kharkiv was shelled overnight and two people were wounded.")
    assert place is not None and place.name == "Kharkiv"
