"""Ukrainian and Russian figures read by lemmas: number words in every case, qualifiers, vague
words, subgroups, tolls that rose, zeros. Every sentence here is our own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harmledger.extract.morph import CYRILLIC_PACKS, sentences
from harmledger.extract.morph_figures import figure_claims

Figure = tuple[str, int, int | None, str, str]  # kind, low, high, qualifier, group

CASES: list[tuple[str, str, list[Figure]]] = [
    # digits, the casualty word before or after, people nouns between
    ("uk", "Унаслідок обстрілу загинули 7 людей.", [("killed", 7, 7, "exact", "all")]),
    ("uk", "Вранці рятувальники знайшли 12 загиблих.", [("killed", 12, 12, "exact", "all")]),
    ("ru", "При ударе погибли 9 человек, 14 человек ранены.",
     [("killed", 9, 9, "exact", "all"), ("injured", 14, 14, "exact", "all")]),
    # number words in oblique cases and collectives
    ("uk", "Медики підтвердили загибель трьох людей.", [("killed", 3, 3, "exact", "all")]),
    ("uk", "Поранення отримали п'ятеро мешканців.", [("injured", 5, 5, "exact", "all")]),
    ("ru", "Сообщается о двадцати одном раненом.", [("injured", 21, 21, "exact", "all")]),
    ("ru", "Ранения получили тридцать шесть человек.", [("injured", 36, 36, "exact", "all")]),
    ("ru", "При взрыве погибли трое рабочих.", [("killed", 3, 3, "exact", "all")]),
    # qualifiers
    ("uk", "Загинули щонайменше 8 людей.", [("killed", 8, None, "at_least", "all")]),
    ("uk", "Постраждали понад 30 людей.", [("injured", 30, None, "more_than", "all")]),
    ("uk", "Поранено близько 40 людей.", [("injured", 40, 40, "about", "all")]),
    ("ru", "Погибли не менее 6 человек.", [("killed", 6, None, "at_least", "all")]),
    ("ru", "Пострадали более 20 человек.", [("injured", 20, None, "more_than", "all")]),
    ("ru", "Ранены около 15 человек.", [("injured", 15, 15, "about", "all")]),
    # ACLED vague words, and one figure for two coordinated kinds
    ("uk", "Поліція повідомляє про десятки загиблих і поранених.",
     [("killed", 12, None, "about", "all"), ("injured", 12, None, "about", "all")]),
    ("ru", "Десятки человек получили ранения.", [("injured", 12, None, "about", "all")]),
    # a counting noun in the singular is a number, in the plural ACLED's vague figure
    ("uk", "Понад сотню людей поранено.", [("injured", 100, None, "more_than", "all")]),
    ("ru", "Погибли около десятка человек.", [("killed", 10, 10, "about", "all")]),
    ("ru", "Сотни людей пострадали.", [("injured", 100, None, "about", "all")]),
    # the wounded who died are dead
    ("ru", "В больнице скончались двое раненых.", [("killed", 2, 2, "exact", "all")]),
    # label and figure
    ("uk", "Загиблих — 12, поранених — 30.", [("killed", 12, 12, "exact", "all"), ("injured", 30, 30, "exact", "all")]),
    # subgroups inside a total, with and without a number
    ("uk", "Загинули 11 людей, серед них троє дітей.",
     [("killed", 11, 11, "exact", "all"), ("killed", 3, 3, "exact", "children")]),
    ("ru", "Ранены 17 человек, в том числе двое детей.",
     [("injured", 17, 17, "exact", "all"), ("injured", 2, 2, "exact", "children")]),
    ("ru", "Известно о трех погибших, среди которых есть девочка.",
     [("killed", 3, 3, "exact", "all"), ("killed", 1, 1, "exact", "children")]),
    ("uk", "Постраждали шестеро людей (у тому числі восьмирічний хлопчик).",
     [("injured", 6, 6, "exact", "all"), ("injured", 1, 1, "exact", "children")]),
    # one victim named with no number
    ("ru", "При обстреле погиб ребенок.", [("killed", 1, 1, "exact", "children")]),
    ("uk", "Дитина загинула на місці.", [("killed", 1, 1, "exact", "children")]),
    ("uk", "Також загинув хлопчик 11 років.", [("killed", 1, 1, "exact", "children")]),
    # digit groups
    ("ru", "Погибли 1 250 человек.", [("killed", 1250, 1250, "exact", "all")]),
    # a group of victims
    ("ru", "Погибли восемь мирных жителей.", [("killed", 8, 8, "exact", "civilians")]),
    # a toll that rose: "до" is then no "up to"
    ("uk", "Кількість загиблих унаслідок удару зросла до 14.", [("killed", 14, 14, "exact", "all")]),
    ("ru", "Число погибших при обстреле возросло до семи.", [("killed", 7, 7, "exact", "all")]),
    # nobody
    ("uk", "Ніхто з людей не постраждав.", [("injured", 0, 0, "exact", "all")]),
    ("ru", "Никто не погиб.", [("killed", 0, 0, "exact", "all")]),
    # not head counts: times, ages, distances, things, aggregates
    ("ru", "Взрыв прогремел в 21.40 в 12 километрах от города.", []),
    ("uk", "Пошкоджено 15 будинків і 4 автомобілі.", []),
    ("uk", "З початку війни загинули 300 дітей.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_figures_are_read_from_lemmas(language: str, text: str, expected: list[Figure]) -> None:
    found = [(c.kind, c.low, c.high, c.qualifier, c.group)
             for s in sentences(text, language) for c in figure_claims(s, CYRILLIC_PACKS[language])]
    assert found == expected


def test_a_claims_evidence_is_its_sentence() -> None:
    text = "Перше речення без цифр. Загинули 4 людини."
    [claim] = [c for s in sentences(text, "uk") for c in figure_claims(s, CYRILLIC_PACKS["uk"])]
    assert text[claim.start:claim.end] == claim.evidence == "Загинули 4 людини."


@pytest.mark.parametrize(("language", "text"), [
    ("uk", "Загинули від 20 до 25 людей."),
    ("ru", "Погибли от 20 до 25 человек."),
])
def test_a_range_is_one_figure_with_low_and_high(language: str, text: str) -> None:
    pack = CYRILLIC_PACKS[language]
    found = [(c.kind, c.low, c.high) for s in sentences(text, language) for c in figure_claims(s, pack)]
    assert found == [("killed", 20, 25)]


_WORDS = ["загинули", "поранено", "погибли", "ранены", "щонайменше", "более", "серед", "них", "дітей",
          "в", "том", "числе", "детей", "3", "12", "двоє", "десятки", "людей", "человек", ",", ".", "«", "»", "\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from(["uk", "ru"]))
def test_claim_spans_never_leave_the_text(words: list[str], language: str) -> None:
    text = " ".join(words)
    for s in sentences(text, language):
        for claim in figure_claims(s, CYRILLIC_PACKS[language]):
            assert text[claim.start:claim.end] == claim.evidence
            assert claim.low is not None and claim.low >= 0
            assert claim.high is None or claim.high >= claim.low
