"""Toll history: a rising toll is a revision, sides that disagree are a dispute, a belligerent's
count of enemy combatants is its own claim, an early partial toll never sets the figures."""

from __future__ import annotations

from datetime import date

from harmledger.models import (
    Article,
    Claim,
    ClaimKind,
    DatePrecision,
    EventDate,
    EventType,
    Incident,
    Mention,
    Qualifier,
    Role,
)
from harmledger.reconcile.incident import reconcile

ARTICLES = {aid: Article(aid, aid, "", outlet=f"Outlet {aid}", published=date(2023, 5, day))
            for aid, day in (("a", 1), ("b", 1), ("c", 2), ("d", 3))}


def said(aid: str, who: str, low: int, high: int | None = None, group: str = "all", kind: str = "killed",
         start: int = 0) -> Claim:
    high = low if high is None else high
    return Claim(ClaimKind(kind), who, "", start, start + 10, low, high if high >= 0 else None,
                 Qualifier.exact if high == low else Qualifier.at_least, group, aid)


def reconciled(*claims: Claim) -> Incident:
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    mentions = [Mention(aid, 0, Role.main, EventType.missile_strike, EventDate(date(2023, 5, 1), DatePrecision.day),
                        None, "", "", "",
                        0, 0, cs) for aid, cs in by_article.items()]
    return reconcile(Incident("I1", EventType.missile_strike, EventDate(date(2023, 5, 1), DatePrecision.day), None,
                              "", "", mentions),
                     ARTICLES)


def test_a_toll_that_only_rises_is_a_revision_not_a_dispute() -> None:
    inc = reconciled(said("a", "Governor Petro Ivanenko", 3), said("c", "regional governor Petro Ivanenko", 9),
                     said("d", "Governor Petro Ivanenko", 14), said("d", "the emergency service", 14))
    assert inc.figure_status == "revised"
    assert inc.grade == "corroborated"
    assert any(c.kind == "revision" and "3 → 9 → 14" in c.description for c in inc.contradictions)


def test_an_early_partial_toll_is_a_marked_outlier_never_the_conservative_figure() -> None:
    inc = reconciled(said("a", "Mayor Olha Hrytsenko", 2, -1), said("c", "Mayor Olha Hrytsenko", 20),
                     said("d", "city hospital", 21))
    assert (inc.killed.low, inc.killed.conservative, inc.killed.best) == (2, 20, 21)
    assert 0 in inc.killed.basis["outliers"]


def test_figures_from_opposing_sides_are_a_dispute() -> None:
    blame = Claim(ClaimKind.blame, "Ukraine's foreign ministry", "", 0, 5, article_id="a", accused="Russia")
    inc = reconciled(blame, said("a", "regional governor", 12, start=20),
                     said("b", "Russia's defence ministry", 0, start=20))
    assert inc.figure_status == "contested"
    assert inc.grade == "disputed"


def test_a_belligerents_count_of_enemy_combatants_is_never_the_toll() -> None:
    inc = reconciled(said("a", "Russian Defence Ministry", 300, group="foreign mercenaries"),
                     said("b", "regional military administration", 4), said("c", "local residents", 4))
    assert (inc.killed.low, inc.killed.best, inc.killed.high) == (4, 4, 4)
    assert inc.figure_status == "contested"
    assert any("300 foreign mercenaries (Russian Defence Ministry" in c.description for c in inc.contradictions)


def test_a_denial_names_who_denies_and_who_is_accused() -> None:
    blame = Claim(ClaimKind.blame, "the Ukrainian government", "", 0, 5, article_id="a", accused="Russia")
    denial = Claim(ClaimKind.denial, "the Kremlin", "", 6, 9, article_id="b", accused="the Kremlin")
    inc = reconciled(blame, denial, said("a", "reporter", 5, start=20), said("b", "reporter", 5, start=20))
    assert inc.denied_by == ["the Kremlin"]
    assert inc.grade == "disputed"
    assert inc.figure_status == "consistent"
    text = next(c.description for c in inc.contradictions if c.kind == "denial")
    assert "the Kremlin (accused side) denies" in text and "accuses Russia" in text


def test_independent_sources_that_differ_in_one_sentence_are_a_dispute() -> None:
    inc = reconciled(said("a", "city hospital", 10), said("a", "UN monitors", 40))
    assert inc.figure_status == "contested"


def test_a_higher_figure_later_in_the_same_report_is_the_toll_rising() -> None:
    inc = reconciled(said("a", "regional governor", 23), said("a", "national police chief", 30, start=40))
    assert inc.figure_status == "revised"


def test_a_higher_figure_from_another_source_later_that_day_is_no_dispute() -> None:
    inc = reconciled(said("a", "city hospital", 10), said("b", "UN monitors", 40))
    assert inc.figure_status == "revised"


def test_an_open_lower_bound_from_a_party_does_not_contradict_a_higher_toll() -> None:
    denial = Claim(ClaimKind.denial, "the Kremlin", "", 0, 5, article_id="a", accused="the Kremlin")
    inc = reconciled(denial, said("a", "Kremlin spokesman", 12, -1, start=20), said("b", "reporter", 50))
    assert inc.figure_status != "contested"
    assert inc.grade == "disputed"  # the denial disputes it, the figures do not
