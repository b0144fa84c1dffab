"""English words of a claimant's name that are titles or fillers rather than a person's name, and
claimants that name nobody (reconcile/entities.py reads them). The cue words for a claimant's
source type and country are data, in sources.toml beside this module (lang/source_cues.py).
"""

from __future__ import annotations

from harmledger.extract.lang.words import module_words

# Every table of claimants.toml, by its name in upper case (TITLE_WORDS is its `title_words`).
__getattr__ = module_words(__file__)
