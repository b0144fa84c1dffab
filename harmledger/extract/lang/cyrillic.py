"""The shape of a language pack read by lemmas (pymorphy3) rather than a parser: Ukrainian, Russian.

Every field is data: words as pymorphy3 normal forms (lemmas), phrases as lower-case surface
words. Each language's words are a data file, `lang/<code>/lexicon.toml`, with one key per field
below, read by `read_pack`; the shape is declared once, here, and a file missing a field or
naming one the shape lacks is refused. The stage modules `extract/morph_*.py` read these tables
and spell out no word of their own, so a phrasing or a case form is a change to a language's
file, never to a stage.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, get_origin, get_type_hints


@dataclass(frozen=True)
class CyrillicPack:
    """One language's tables for the morphological reader."""

    code: str
    # Number words by lemma ("трьох" -> три -> 3; collectives "п'ятеро" -> 5) and words that
    # multiply the number before them ("двісті" is its own lemma; "дві тисячі" -> 2 x 1000).
    numbers: dict[str, int]
    scale: dict[str, int]
    # Vague quantities by lemma -> concept of `harmledger.conventions.VAGUE_QUANTITIES`; a noun of
    # `counted_nouns` is vague only in the plural ("десятки" = dozens) and a number in the singular
    # ("близько десятка" = about 10, "понад сотню" = more than 100).
    vague: dict[str, str]
    counted_nouns: dict[str, int]
    # Phrases right before a figure -> qualifier code (longest phrase wins).
    qualifiers: dict[str, str]
    # Casualty words by lemma: the dead and the hurt.
    killed: frozenset[str]
    injured: frozenset[str]
    # Verbs that count the dead only with a person as object ("знищено 200 військових").
    killed_if_people: frozenset[str]
    # Nouns for people a figure counts ("людей", "осіб", "человек"): skipped between figure and kind.
    people: frozenset[str]
    # Victim groups by lemma ("дітей" -> дитина -> children); adjectives that make a group with a
    # following people noun ("мирних жителів" -> civilians).
    groups: dict[str, str]
    group_adjectives: dict[str, str]
    # Adjective lemma endings for an age ("семирічна", "10-летний"): one child, never a figure.
    age_endings: tuple[str, ...]
    # Phrases that open a part of the total named before them ("серед них", "в том числе").
    subgroup_markers: tuple[str, ...]
    # A toll that "rose to N": the nouns for the toll and the verbs of its change; "до" before
    # the figure is then no "up to".
    toll_nouns: frozenset[str]
    toll_rise_verbs: frozenset[str]
    rise_prepositions: frozenset[str]
    # Conjunctions that end the clause a figure's casualty word is looked for in.
    clause_breaks: frozenset[str]
    # Lemmas after a figure that make it no head count (km, hours, missiles, buildings).
    not_counts: frozenset[str]
    # Nobody ("ніхто не загинув", "никто не пострадал") gives a zero.
    nobody: frozenset[str]
    # Verbs of blaming and of denying, by lemma ("звинуватили Росію", "Москва отрицает").
    blame_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    # Words that open a range ("від 20 до 25", "от 20 до 25") and join its ends.
    range_openers: frozenset[str]
    range_joiners: frozenset[str]
    # Reporting verbs by lemma; pronouns that refer back to the last named speaker.
    reporting_verbs: frozenset[str]
    pronouns: frozenset[str]
    # "за даними X", "по словам X": a preposition and a head noun lemma, adjectives between.
    according_prepositions: frozenset[str]
    according_heads: frozenset[str]
    # Openings that hand the figures said before to the speaker of the sentence ("Про це
    # повідомив …", "Об этом сообщил …").
    about_this: tuple[str, ...]
    # Words a speaker phrase stops at (conjunctions "що"/"что", prepositions of channel).
    speaker_stops: frozenset[str]
    # Dates: month names (surface forms) -> month; weekday lemmas -> 0 (Monday) .. 6;
    # days relative to the day of writing; phrases naming the evening a night began ("в ночь с
    # пятницы на субботу": the day after "на" is the strike's, "в ночь на субботу" needs no phrase);
    # phrases before a date that make it the time of a count, not of the event.
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    night_from: tuple[str, ...]
    status_phrases: tuple[str, ...]
    # Event words by lemma -> event type (first type named in the table order wins).
    event_types: tuple[tuple[str, str], ...]
    # What was hit: lemma (or upper-case abbreviation) -> shared English target words.
    targets: dict[str, str]
    # Named weapons: a pattern over the lower-case text -> the English name.
    weapons: dict[str, str]
    # Phrases that make a sentence's figures an aggregate ("з початку війни", "с 24 февраля").
    aggregates: tuple[str, ...]
    # Words beside a name that make it a district or a street, not a town ("микрорайон Солнечный").
    district_words: frozenset[str]
    # Nouns before a name that make it a town ("у населеному пункті Оленівка", "станції Чаплине").
    town_words: frozenset[str]
    # Name endings of this language and the other's, tried when a town is not found by its own form
    # (Russian "Чаплино" is Ukrainian "Чаплине", "Сергеевка" is "Сергіївка").
    name_variants: tuple[tuple[str, str], ...]
    # The language's romanisation (BGN/PCGN-like) letter by letter, with the letters written otherwise
    # at the start of a word or after a vowel (`romanisation_initial`: Russian "Еленовка" ->
    # Yelenovka), for a town the gazetteer knows only by Latin alternate names.
    romanisation: dict[str, str]
    romanisation_initial: dict[str, str]  # "е" -> "ye"
    # Countries the news of this language is mostly set in: a prior for namesakes only.
    home_countries: tuple[str, ...]
    # Prepositions before a place where something happened.
    locatives: frozenset[str]
    # Lemmas of words before a town name that make it an actor, not the scene ("контролем Києва").
    actor_heads: frozenset[str]


def read_pack(code: str, source: Traversable | None = None) -> CyrillicPack:
    """The pack of language `code` from its data file, `lang/<code>/lexicon.toml` (or `source`)."""
    source = source or files(f"harmledger.extract.lang.{code}").joinpath("lexicon.toml")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    shape = {f.name for f in fields(CyrillicPack)} - {"code"}
    if set(data) != shape:
        missing, unknown = sorted(shape - set(data)), sorted(set(data) - shape)
        raise ValueError(f"{source}: the lexicon's tables differ from CyrillicPack's fields "
                         f"(missing: {missing or 'none'}; unknown: {unknown or 'none'})")
    types = get_type_hints(CyrillicPack)
    return CyrillicPack(code=code, **{name: _as_type(types[name], value) for name, value in data.items()})


def _as_type(kind: Any, value: Any) -> Any:
    """A TOML value as the field's type: arrays become frozensets or tuples (pairs as tuples, a
    table of pairs read in its order), tables stay dicts."""
    origin = get_origin(kind)
    if origin is frozenset:
        return frozenset(value)
    if origin is tuple and kind.__args__[0] is not str:  # pairs: event_types, name_variants
        return tuple(tuple(pair) for pair in (value.items() if isinstance(value, dict) else value))
    if origin is tuple:
        return tuple(value)
    return value
