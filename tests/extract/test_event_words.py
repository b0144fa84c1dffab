"""Attack words (our own sentences): a sentence that names the device going off, a bomb dropped
from the air, or a sniper, is an attack, so its day dates the event even when the figures come in
the next sentence."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.models import Article, EventType, Role

PUBLISHED = date(2023, 3, 10)  # a Friday


@pytest.mark.parametrize(("text", "kind"), [
    ("A bomb exploded at a bus station in Kano on Monday. At least 30 people were killed.", EventType.bombing),
    ("An explosive device went off near a market in Kano on Monday. Nine people died.", EventType.bombing),
    ("Militants detonated a device outside a mosque in Kano on Monday. Twelve worshippers were killed.",
     EventType.bombing),
    ("A grenade was thrown into a bar in Kano on Monday. Four people were wounded.", EventType.bombing),
    ("A sniper fired on a crowd in Kano on Monday. Two protesters were killed.", EventType.shooting),
    ("A bomb went off on a bus in Kano on Monday. Six passengers died.", EventType.bombing),
    ("A warplane dropped a bomb on a school in Kano on Monday. Seven pupils were killed.", EventType.airstrike),
])
def test_the_attack_sentence_dates_the_figures_after_it(nlp, gazetteer, text: str, kind: EventType) -> None:
    article = Article(id="w", source_id="w.txt", text=text, published=PUBLISHED)
    main = next(m for m in extract_mentions(article, nlp(text), gazetteer) if m.role == Role.main)
    assert (main.date.value, main.event_type) == (date(2023, 3, 6), kind)
