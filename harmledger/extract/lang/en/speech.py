"""English words of reported speech: reporting verbs, sources, openers and the words around a
speaker's name, which attribution reads to decide who said a figure."""

from __future__ import annotations

from harmledger.extract.lang.words import module_words

# Every table of speech.toml, by its name in upper case (REPORTING_VERBS is its `reporting_verbs`).
__getattr__ = module_words(__file__)

# "Governor Oleh Kiper: four people were killed": the speaker before a colon, at most this far in.
COLON_REACH = 8
