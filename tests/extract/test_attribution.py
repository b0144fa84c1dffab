"""Who speaks for a figure across an article, on texts we wrote (published on a Saturday)."""

from __future__ import annotations

from datetime import date

import pytest

from harmledger.extract.article import extract_mentions
from harmledger.models import Article


@pytest.fixture()
def claimants(nlp, gazetteer):
    def run(text: str, outlet: str = "") -> dict[tuple[str, int | None], str]:
        article = Article(id="a", source_id="a.txt", text=text, published=date(2022, 4, 9),
                          outlet=outlet)
        return {(c.kind, c.low): c.claimant for m in extract_mentions(article, nlp(text), gazetteer)
                for c in m.claims if c.is_figure}
    return run


def test_speaker_in_context_speaks_for_the_next_sentence_of_the_paragraph(claimants) -> None:
    text = ("A missile hit a depot in Sumy on Friday. The mayor of Sumy said the blaze was out. "
            "Four workers were hurt.")
    assert claimants(text)[("injured", 4)] == "mayor of Sumy"


def test_a_new_paragraph_is_the_reporters_voice_again(claimants) -> None:
    text = ("A missile hit a depot in Sumy on Friday.\n\nThe mayor of Sumy said the blaze was out.\n\n"
            "Four workers were hurt.")
    assert claimants(text)[("injured", 4)] == "reporter"


def test_a_figure_inside_a_quotation_belongs_to_whoever_closes_it(claimants) -> None:
    text = ("A drone hit a depot in Sumy on Friday.\n\n“The blaze is out. Three people were hurt. "
            "Crews are clearing the site,” the regional governor said.")
    assert claimants(text)[("injured", 3)] == "regional governor"


def test_a_quotation_that_closes_without_a_speaker_names_nobody(claimants) -> None:
    text = ("A drone hit a depot in Sumy on Friday.\n\"Three people were hurt. The blaze is out.\"\n"
            "The air force said it shot down two drones.")
    assert claimants(text)[("injured", 3)] == "reporter"


def test_the_official_an_article_relays_speaks_for_its_lead(claimants) -> None:
    text = ("A missile struck a school in Sumy on Friday.\n\nThis was reported by the head of the "
            "regional administration.\n\nThe building burned for hours.\n\nSix people were killed.")
    assert claimants(text)[("killed", 6)] == "head of the regional administration"


def test_a_recap_is_not_the_relayed_officials(claimants) -> None:
    text = ("A missile struck a school in Sumy on Friday.\n\nThis was reported by the head of the "
            "regional administration.\n\nAs reported earlier, the strike came at dawn. "
            "Six people were killed.")
    assert claimants(text)[("killed", 6)] == "reporter"


def test_an_official_quoted_about_something_else_does_not_relay_the_article(claimants) -> None:
    text = ("A missile struck a school in Sumy on Friday.\n\nThe mayor said the town had no "
            "air defence.\n\nSix people were killed.")
    assert claimants(text)[("killed", 6)] == "reporter"


def test_a_repeated_figure_takes_its_named_source(claimants) -> None:
    text = ("Five people were killed in a strike on a bakery in Sumy on Friday.\n\n"
            "“Five people were killed,” the regional prosecutor said.")
    assert claimants(text) == {("killed", 5): "regional prosecutor"}


def test_a_named_source_refines_nameless_officials(claimants) -> None:
    text = ("Five people were killed in a strike on a bakery in Sumy on Friday, officials said.\n\n"
            "The Sumy police said five people were killed.")
    assert claimants(text) == {("killed", 5): "Sumy police"}


def test_the_outlet_reporting_is_the_reporter(claimants) -> None:
    text = "Morning Ledger reports: a missile killed four people in Sumy on Friday."
    assert claimants(text, outlet="The Morning Ledger")[("killed", 4)] == "reporter"


def test_and_said_shares_the_subject_of_the_clause_before_it(claimants) -> None:
    text = ("Missiles hit Sumy on Friday in an attack which local officials condemned and said "
            "had killed seven people.")
    assert claimants(text)[("killed", 7)] == "local officials"


def test_a_statement_saying_speaks_for_whoever_issued_it(claimants) -> None:
    text = "A missile hit Sumy on Friday. The army issued a statement saying seven people died."
    assert claimants(text)[("killed", 7)] == "army"


def test_a_relative_clause_describes_the_speaker_without_naming_them(claimants) -> None:
    text = ("A missile hit Sumy on Friday. Two children were among the dead, said officials, who "
            "added that four missiles had been fired.")
    assert claimants(text)[("killed", 2)] == "officials"


def test_a_relative_pronoun_speaks_for_its_noun(claimants) -> None:
    text = ("A missile hit Sumy on Friday. The toll rose after a report from the city police, "
            "which said two people had died.")
    assert claimants(text)[("killed", 2)] == "city police"


def _figures_by(nlp, gazetteer, text: str, published: date) -> list[tuple[int | None, str]]:
    """Each claim of an article's mentions as (low figure, claimant)."""
    article = Article(id="a", source_id="a.txt", text=text, published=published)
    return [(c.low, c.claimant) for m in extract_mentions(article, nlp(text), gazetteer) for c in m.claims]


def test_the_official_is_the_local_official_the_article_first_named(nlp, gazetteer) -> None:
    text = ("Gunmen raided villages near Tillia on Sunday, a local official told reporters. "
            "The official said at least 40 people had died.")
    assert _figures_by(nlp, gazetteer, text, date(2021, 3, 23)) == [(40, "local official")]


def test_an_acronym_is_written_out_as_the_article_names_the_source(nlp, gazetteer) -> None:
    text = ("The Syrian Observatory for Human Rights (SOHR) monitors the war. "
            "A bomb in Afrin killed 20 people on Tuesday, SOHR said.")
    assert _figures_by(nlp, gazetteer, text, date(2020, 4, 29)) == [(20, "Syrian Observatory for Human Rights")]
