"""An attack named as the reason for another (our own sentences) is not the event reported: its
place, its day and its kind of attack stay out of the mention."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.models import Article, Role


@pytest.mark.parametrize("text", [
    "In retaliation for a drone attack on Belgorod on Monday, Russian missiles hit an apartment block "
    "in Dnipro on Tuesday, killing 12 people, officials said.",
    "Russian missiles hit an apartment block in Dnipro on Tuesday, killing 12 people, in response to a "
    "drone attack on Belgorod on Monday, Moscow said.",
    "The army said it struck fighters responsible for a drone attack on Belgorod on Monday. Missiles hit "
    "an apartment block in Dnipro on Tuesday, killing 12 people, officials said.",
])
def test_the_attack_given_as_a_reason_is_not_the_event(nlp, gazetteer, text: str) -> None:
    article = Article(id="c", source_id="c.txt", text=text, published=date(2023, 3, 10))
    main = [m for m in extract_mentions(article, nlp(text), gazetteer) if m.role == Role.main]
    assert main and main[0].place is not None and main[0].place.name == "Dnipro"
    assert main[0].date.value == date(2023, 3, 7)
    assert main[0].event_type == "missile_strike"
