"""English casualty, people and group words: what makes a figure a death or an injury count, and
whose; and the phrasings no single word carries ("lost their lives", "sustained injuries")."""

from __future__ import annotations

from harmledger.extract.lang.words import module_words

# Every table of lexicon.toml, by its name in upper case (KILLED_WORDS is its `killed_words`).
__getattr__ = module_words(__file__)
