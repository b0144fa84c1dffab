"""Corrections by hand move mentions after the rules have grouped them, in the order made."""

from __future__ import annotations

from harmledger.models import UNKNOWN_DATE, Action, Decision, EventType, Mention, Role
from harmledger.resolve.decisions import honour, part_id


def _m(article: str) -> Mention:
    return Mention(article, 0, Role.main, EventType.shelling, UNKNOWN_DATE, None, "", "", "", 0, 0)


A, B, C, D = (_m(x) for x in "abcd")


def _groups(result: dict[str, list[Mention]]) -> set[frozenset[str]]:
    return {frozenset(m.article_id for m in ms) for ms in result.values()}


def test_a_split_moves_its_mentions_out_under_an_id_of_their_own() -> None:
    split = Decision(Action.SPLIT, "I1", apart=(B.id,), others=(A.id,))
    groups, changed = honour({"I1": [A, B, C]}, [split])
    assert _groups(groups) == {frozenset("ac"), frozenset("b")}
    new_id = part_id("I1", "split", [B])
    assert groups[new_id] == [B] and changed == {"I1", new_id}


def test_a_split_already_kept_changes_nothing() -> None:
    split = Decision(Action.SPLIT, "I1", apart=(B.id,), others=(A.id,))
    groups, changed = honour({"I1": [A, C], "I2": [B]}, [split])
    assert groups == {"I1": [A, C], "I2": [B]} and changed == set()


def test_a_detach_keeps_an_article_apart_from_every_other_mention() -> None:
    detach = Decision(Action.DETACH, "I1", apart=(C.id,))
    groups, _ = honour({"I1": [A, C], "I2": [B, D]}, [detach])
    assert _groups(groups) == {frozenset("a"), frozenset("c"), frozenset("bd")}


def test_a_merge_unites_the_incidents_holding_its_mentions_under_the_id_named() -> None:
    merge = Decision(Action.MERGE, "I2", together=(A.id, B.id))
    groups, changed = honour({"I1": [A], "I2": [B], "I3": [C]}, [merge])
    assert set(groups) == {"I2", "I3"} and _groups(groups) == {frozenset("ab"), frozenset("c")}
    assert changed == {"I2"}


def test_a_later_decision_overrides_an_earlier_one() -> None:
    merge = Decision(Action.MERGE, "I1", together=(A.id, B.id))
    split = Decision(Action.SPLIT, "I1", apart=(B.id,), others=(A.id,))
    assert _groups(honour({"I1": [A], "I2": [B]}, [merge, split])[0]) == {frozenset("a"), frozenset("b")}
    assert _groups(honour({"I1": [A, B]}, [split, merge])[0]) == {frozenset("ab")}


def test_an_ingest_honours_splits_but_never_reaches_for_a_merge() -> None:
    merge = Decision(Action.MERGE, "I1", together=(A.id, B.id))
    split = Decision(Action.SPLIT, "I1", apart=(C.id,), others=(A.id,))
    groups, _ = honour({"I1": [A, C], "I2": [B]}, [merge, split], together=False)
    assert _groups(groups) == {frozenset("a"), frozenset("c"), frozenset("b")}


def test_mentions_that_no_longer_exist_are_ignored() -> None:
    gone = Decision(Action.SPLIT, "I1", apart=("zzz:0",), others=(A.id,))
    assert honour({"I1": [A, B]}, [gone]) == ({"I1": [A, B]}, set())
