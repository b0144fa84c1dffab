"""English number words, qualifier phrases and vague quantities: what the number parser reads."""

from __future__ import annotations

from harmledger.extract.lang.words import module_words

# Every table of numbers.toml, by its name in upper case (NUMBER_WORDS is its `number_words`).
__getattr__ = module_words(__file__)
