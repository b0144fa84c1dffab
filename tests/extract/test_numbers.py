"""The number parser: digits, words, vague quantities, qualifiers and ranges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from harmledger.extract.numbers import find_figures, parse_number_words

UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    if n < 20:
        return ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"][n]
    return TENS[n // 10] + (f"-{UNITS[n % 10]}" if n % 10 else "")


@given(st.integers(min_value=1, max_value=99))
def test_spelled_numbers_parse_to_their_value(n: int) -> None:
    assert parse_number_words(spell(n).replace("-", " - ").split()) == n


def _figures(nlp, text: str) -> list[tuple[int, int | None, str]]:
    doc = nlp(text)
    return [(f.low, f.high, f.qualifier) for s in doc.sents for f in find_figures(s)]


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 39 people were killed.", [(39, None, "at_least")]),
    ("More than 600 soldiers were killed.", [(600, None, "more_than")]),
    ("About 100 people were injured.", [(100, 100, "about")]),
    ("Between 20 and 25 people were injured.", [(20, 25, "exact")]),
    ("Thirty-nine people died.", [(39, 39, "exact")]),
    ("Dozens of people were killed.", [(12, None, "about")]),
    ("Hundreds were wounded.", [(100, None, "about")]),
    ("The strike killed 1,500 people.", [(1500, 1500, "exact")]),
    ("A missile killed 4 people in 2022 at 10:25.", [(4, 4, "exact")]),
    ("An 11-year-old girl was killed.", []),
    # "several" is ACLED's 3 where it adds to a count ("several others"), nothing on its own
    ("Two people were killed and several others were wounded.", [(2, 2, "exact"), (3, None, "about")]),
    ("There were several other injuries.", [(3, None, "about")]),
    ("Photos show several bodies in the street.", []),
    ("Several dozen people were killed.", [(12, None, "about")]),
])
def test_figures_in_sentences(nlp, text: str, expected: list) -> None:
    assert _figures(nlp, text) == expected


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=2, max_value=9999))
def test_digit_figures_never_leave_the_text(nlp, n: int) -> None:
    doc = nlp(f"Officials said {n:,} people were killed in the strike.")
    for sent in doc.sents:
        for f in find_figures(sent):
            assert 0 <= f.start < f.end <= len(doc)
            assert f.low == n
