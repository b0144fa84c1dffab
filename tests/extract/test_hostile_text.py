"""Figures, dates and texts that an attacker (or a broken scraper) can put in an article stay
inside the limits of harmledger.limits: refused as implausible, unknown, or parsed in windows."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger import limits
from harmledger.extract.article import extract_mentions
from harmledger.extract.dates import find_dates
from harmledger.extract.windows import window_articles, windows
from harmledger.models import Article

BASE = "Two people were killed when a shell hit a bakery in Kharkiv on 3 May 2022, officials said."


def _mentions(text: str, nlp, gazetteer):  # type: ignore[no-untyped-def]
    from harmledger.app.extraction import parse_and_extract

    article = Article("a1", "s1", text, published=date(2022, 5, 4))
    return parse_and_extract(article, nlp, gazetteer)


def test_figures_above_the_ceiling_are_not_claims(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    for figure in ("10000000000000000000", "9" * 5000, "3000000000"):
        text = f"{figure} people were killed when a shell hit a bakery in Kharkiv on 3 May 2022."
        found = _mentions(text, nlp, gazetteer)
        figures = [c.low for m in found for c in m.claims if c.low is not None]
        assert all(f <= limits.MAX_FIGURE for f in figures), figures


def test_dates_in_year_1_or_9999_are_not_dates() -> None:
    assert find_dates("It happened on 1 January 0001 and on 31 December 9999.", None) == []
    assert [d.date.value for d in find_dates("On 3 May 2022.", None)] == [date(2022, 5, 3)]


def _windowed(text: str, nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = _mentions(text, nlp, gazetteer)
    for m in found:
        assert m.evidence in text[m.start:m.end + 1]
        for c in m.claims:
            assert c.evidence in text[max(0, c.start - 1):c.end + 1]
    assert {c.low for m in found for c in m.claims if c.kind == "killed"} >= {2, 3}
    assert [m.index for m in found] == list(range(len(found)))


def test_windows_keep_offsets_into_the_whole_text(nlp, gazetteer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(limits, "WINDOW_CHARS", 300)
    filler = "The council met to discuss the budget for the new school year.\n\n" * 8
    _windowed(BASE + "\n\n" + filler + BASE.replace("Two", "Three").replace("3 May", "5 May"), nlp, gazetteer)


def test_cuts_fall_at_paragraphs_and_lose_nothing() -> None:
    text = ("word " * 30 + "\n\n") * 20 + "x" * 1000
    pieces = windows(text, 400)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 400 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:5])


@pytest.mark.slow
def test_a_text_over_spacys_limit_is_read_in_windows(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    filler = "The council met to discuss the budget for the new school year.\n\n" * 17_000
    text = BASE + "\n\n" + filler + BASE.replace("Two", "Three").replace("3 May", "5 May")
    assert len(text) > 1_000_000
    _windowed(text, nlp, gazetteer)


def test_extract_mentions_reads_one_window_alone(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    article = Article("a1", "s1", BASE, published=date(2022, 5, 4))
    assert extract_mentions(article, nlp(BASE), gazetteer)


def test_runs_of_symbols_are_blanked_for_the_parser_at_the_same_length() -> None:
    run = "\U0001f525" * 3000  # spaCy would make each emoji a token of its own
    text = BASE + " " + run + "\n\n" + "a -- b ... !!!! x"
    [(offset, piece)] = window_articles(Article("a1", "s1", text, published=date(2022, 5, 4)))
    assert offset == 0 and len(piece.text) == len(text)
    assert "\U0001f525" not in piece.text
    assert piece.text.startswith(BASE + " ") and piece.text.endswith("a -- b ... !!!! x")  # short ones kept
    assert limits.blank_symbol_runs("=" * (limits.MAX_SYMBOL_RUN - 1)) == "=" * (limits.MAX_SYMBOL_RUN - 1)


def test_figures_around_a_run_of_emoji_keep_their_offsets(nlp, gazetteer) -> None:  # type: ignore[no-untyped-def]
    run = " ".join(["\U0001f525" * limits.MAX_RUN] * 20)  # as limits.cut_runs leaves a long run
    _windowed(BASE + " " + run + "\n\n" + BASE.replace("Two", "Three").replace("3 May", "5 May"), nlp, gazetteer)
