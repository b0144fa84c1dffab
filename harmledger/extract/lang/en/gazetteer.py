"""English names in the gazetteer: everyday words that are also towns, region words, and the names
English news gives countries and regions; part of the gazetteer index's build inputs."""

from __future__ import annotations

from harmledger.extract.lang.words import module_words

# Every table of gazetteer.toml, by its name in upper case (COMMON_WORDS is its `common_words`).
__getattr__ = module_words(__file__)
