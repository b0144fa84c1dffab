"""Roundups (our own sentences): a report of strikes in several places opens a mention per place,
and a figure summed over separate attacks is no strike's toll (a toll "across the country" can be
one coordinated attack's, so it stays)."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.models import Article, Role


def _mentions(nlp, gazetteer, text: str) -> list[tuple[str | None, date | None, list[int]]]:
    article = Article(id="r", source_id="r.txt", text=text, published=date(2023, 3, 10))
    return [(m.place.name if m.place else None, m.date.value, sorted(c.low or 0 for c in m.claims if c.is_figure))
            for m in extract_mentions(article, nlp(text), gazetteer) if m.role == Role.main]


@pytest.mark.parametrize("lead", [
    "At least nine people were killed in separate attacks on Thursday, officials said.",
    "Russian shelling killed at least nine people in two separate strikes on Thursday.",
])
def test_a_toll_summed_over_places_is_no_strikes_toll(nlp, gazetteer, lead: str) -> None:
    text = (f"{lead} In Kherson, shelling killed three people, the regional governor said. "
            "In Kharkiv, a missile hit an apartment block, killing four.")
    found = _mentions(nlp, gazetteer, text)
    assert all(9 not in lows for _, _, lows in found)
    assert [(place, lows) for place, _, lows in found] == [("Kherson", [3]), ("Kharkiv", [4])]

