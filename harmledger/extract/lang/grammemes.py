"""The OpenCorpora grammemes that pymorphy3 tags Ukrainian and Russian words with: the labels the
lemma reader (`extract/morph*.py`) asks about, named once, as the English pack names its parser's
labels (`lang/en/syntax.toml`)."""

from __future__ import annotations

PLURAL = "plur"
NOMINATIVE = "nomn"
GENITIVE = "gent"
FULL_ADJECTIVE = "ADJF"
FULL_PARTICIPLE = "PRTF"
ABBREVIATION = "Abbr"
UNKNOWN_WORD = "UNKN"
LATIN = "LATN"
FIRST_NAME = "Name"
ANIMATE = "anim"
PLACE_NAME = "Geox"
PREPOSITION = "PREP"
# Parts of speech and marks of a word that can head or modify a noun phrase.
NOMINAL = frozenset({"NOUN", FULL_ADJECTIVE, "ADJS", "NPRO", FULL_PARTICIPLE, "NUMR", ABBREVIATION,
                     UNKNOWN_WORD, LATIN})
# Marks of a word that is no part of speech of its own: an abbreviation, an unknown or Latin word.
WORD_MARKS = (ABBREVIATION, UNKNOWN_WORD, LATIN)
# A person's names: first name, surname, patronymic.
PERSON_NAMES = frozenset({FIRST_NAME, "Surn", "Patr"})
