"""Claimant entities: spellings, transliterations and titles of one source fold into one entity."""

from __future__ import annotations

from harmledger.models import Claim, ClaimKind, Qualifier, Side, SourceType
from harmledger.reconcile.entities import resolve_entities
from harmledger.reconcile.sides import sides


def _claims(*claimants: str, kind: str = "killed") -> list[Claim]:
    return [Claim(ClaimKind(kind), who, "", 0, 0, 3, 3, Qualifier.exact, "all", "a") for who in claimants]


def test_spelling_variants_transliterations_and_titles_fold_into_one_person() -> None:
    found = _claims("Kyrylo Tymochenko", "Kyrylo Tymoshenko",
                    "Deputy Chief of Staff Kyrylo Tymoshenko, Censor", "Кирило Тимошенко")
    entities = resolve_entities(found, {})
    assert len({e.key for e in entities}) == 1
    assert entities[0].name == "Kyrylo Tymoshenko"
    assert entities[0].source_type is SourceType.national_government


def test_a_minister_named_three_ways_is_one_source() -> None:
    found = _claims("Interior Minister Ivan Petrenkov", "Minister of the Interior Ivan Petrenkovyi", "Petrenkov")
    assert len({e.key for e in resolve_entities(found, {})}) == 1


def test_different_people_stay_apart() -> None:
    found = _claims("Governor Oleh Synehubov", "Mayor Ihor Terekhov")
    entities = resolve_entities(found, {})
    assert len({e.key for e in entities}) == 2
    assert {e.source_type for e in entities} == {SourceType.local_authority}


def test_source_types_come_from_cue_words_in_each_language() -> None:
    found = _claims("the regional health ministry", "State Emergency Service", "Міноборони Росії",
                    "местные жители", "UN human rights monitors", "witnesses")
    assert [e.source_type for e in resolve_entities(found, {})] == [
        SourceType.health, SourceType.emergency_service, SourceType.armed_forces, SourceType.witness,
        SourceType.international, SourceType.witness]


def test_an_organisation_with_and_without_its_country_is_one_entity() -> None:
    found = _claims("State Emergency Service of Ukraine", "State Emergency Service")
    assert len({e.key for e in resolve_entities(found, {})}) == 1


def test_sides_follow_who_blames_and_who_denies() -> None:
    blame = Claim(ClaimKind.blame, "Ukraine's foreign ministry", "", 0, 0, article_id="a", accused="Russia")
    denial = Claim(ClaimKind.denial, "Moscow", "", 0, 0, article_id="a", accused="Moscow")
    found = [blame, denial, *_claims("Russian Defence Ministry", "Kyiv regional governor", "witnesses")]
    assert sides(found, resolve_entities(found, {})) == [
        Side.attacked, Side.accused, Side.accused, Side.attacked, Side.neither]


def test_a_pronoun_claimant_is_an_unnamed_source_not_an_entity_called_it() -> None:
    (entity,) = resolve_entities(_claims("it", kind="denial"), {})
    assert entity.name == "unnamed source" and entity.source_type is SourceType.unknown
