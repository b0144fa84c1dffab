"""People taken to hospital (our own sentences): the injured count where the report gives no other,
a part of the hurt, kept apart, where it does."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.models import Article, ClaimKind


def _kinds(nlp, gazetteer, text: str) -> dict[int, ClaimKind]:
    article = Article(id="h", source_id="h.txt", text=text, published=date(2023, 3, 10))
    return {c.low: c.kind for m in extract_mentions(article, nlp(text), gazetteer) for c in m.claims
            if c.low is not None}


@pytest.mark.parametrize("text", [
    "A car bomb exploded at a market in Kirkuk on Friday. Thirty-one people have been hospitalized.",
    "Four people were killed and 17 were hospitalized after a gunman opened fire at a bus station in Tampa.",
])
def test_a_hospital_count_alone_is_the_injured(nlp, gazetteer, text: str) -> None:
    kinds = _kinds(nlp, gazetteer, text)
    assert ClaimKind.injured in kinds.values() and ClaimKind.hospitalised not in kinds.values()


def test_a_hospital_count_beside_the_injured_is_part_of_them(nlp, gazetteer) -> None:
    text = ("A missile struck a shopping centre in Dnipro on Friday: 9 people were killed and 40 were "
            "injured, of whom 12 were hospitalized.")
    kinds = _kinds(nlp, gazetteer, text)
    assert kinds[40] == ClaimKind.injured and kinds[12] == ClaimKind.hospitalised
