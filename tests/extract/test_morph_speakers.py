"""Who gave a Ukrainian or Russian figure: reporting verbs before and after their subject, "за
даними X" / "по словам X", a quotation's speaker, "Про це повідомив X", and the reporter's own
voice. Our own sentences."""

from __future__ import annotations

import pytest

from harmledger.extract.gazetteer import load_gazetteer
from harmledger.extract.morph_article import extract_mentions
from harmledger.models import Article

CASES = [
    ("uk", "Мер міста Ігор Петренко повідомив, що загинули 4 людини.", "Мер міста Ігор Петренко"),
    ("uk", "Загинули 4 людини, повідомила обласна прокуратура.", "обласна прокуратура"),
    ("uk", "За даними ДСНС, загинули 4 людини.", "ДСНС"),
    ("uk", "За словами голови ОВА Олега Сидоренка, загинули 4 людини.", "голови ОВА Олега Сидоренка"),
    ("ru", "Губернатор Иван Смирнов сообщил, что погибли 4 человека.", "Губернатор Иван Смирнов"),
    ("ru", "По данным МЧС, погибли 4 человека.", "МЧС"),
    ("ru", "По словам мэра Сергея Орлова, погибли 4 человека.", "мэра Сергея Орлова"),
    ("uk", "Загинули 4 людини. Про це повідомив голова ОВА Олег Сидоренко.", "голова ОВА Олег Сидоренко"),
    ("ru", "«Погибли 4 человека», — написал Смирнов.", "Смирнов"),
    ("uk", "У Повітряних силах ЗСУ повідомили, що загинули 4 людини.", "Повітряних силах ЗСУ"),
    ("uk", "Загинули 4 людини, – написав у Telegram міський голова.", "міський голова"),
    ("ru", "Погибли 4 человека, сообщили в пресс-службе МЧС.", "пресс-службе МЧС"),
    ("uk", "Внаслідок обстрілу загинули 4 людини.", "reporter"),
]


@pytest.mark.parametrize(("language", "text", "claimant"), CASES, ids=[c[1][:40] for c in CASES])
def test_the_claimant_is_who_said_it(language: str, text: str, claimant: str) -> None:
    article = Article(id="a", source_id="a", text=text, language=language)
    claims = [c for m in extract_mentions(article, load_gazetteer()) for c in m.claims]
    assert [(c.kind, c.low, c.claimant) for c in claims] == [("killed", 4, claimant)]


def test_a_pronoun_is_the_speaker_named_before() -> None:
    text = ("Губернатор Іван Коваль розповів про наслідки удару.\n"
            "«Загинули 4 людини», - написав він.")
    article = Article(id="a", source_id="a", text=text, language="uk")
    [claim] = [c for m in extract_mentions(article, load_gazetteer()) for c in m.claims]
    assert claim.claimant == "Губернатор Іван Коваль"


@pytest.mark.parametrize(("language", "text", "stances"), [
    ("uk", "У Києві звинуватили Росію. Генштаб ЗСУ звинуватив Росію в ударі по лікарні.",
     [("blame", "Генштаб ЗСУ")]),
    ("ru", "Министерство обороны России отрицает удар по торговому центру.",
     [("denial", "Министерство обороны России")]),
])
def test_blame_and_denial_name_their_subject(language: str, text: str, stances: list[tuple[str, str]]) -> None:
    article = Article(id="a", source_id="a", text=text, language=language)
    found = [(c.kind, c.claimant) for m in extract_mentions(article, load_gazetteer()) for c in m.claims
             if not c.is_figure]
    assert found == stances


def test_figures_after_attributed_ones_keep_their_speaker() -> None:
    text = "Губернатор Смирнов сообщил о трех погибших. Еще пятеро человек пострадали."
    article = Article(id="a", source_id="a", text=text, language="ru")
    claims = [(c.kind, c.low, c.claimant) for m in extract_mentions(article, load_gazetteer()) for c in m.claims]
    assert claims == [("killed", 3, "Губернатор Смирнов"), ("injured", 5, "Губернатор Смирнов")]
