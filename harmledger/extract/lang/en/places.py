"""English words around place names: locative prepositions, settlement, region and institution
words, compass and distance words, and the patterns of districts and headline places."""

from __future__ import annotations

import re

from harmledger.extract.lang.en.dates import MONTH_NAMES, WEEKDAY_NAMES
from harmledger.extract.lang.words import module_words

# Every table of places.toml, by its name in upper case (LOCATIVE is its `locative`).
__getattr__ = module_words(__file__)

# Capitalised calendar words that are never a place ("May", "Sunday").
CALENDAR = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES)
# "… shelling of regional administration building in Mykolaiv - Kim": a headline's place.
TITLE_PLACE = re.compile(r"\b(?:in|near|at|on|outside|hits?|strikes?|struck)\s+((?:[A-Z][\w'’-]+\s?){1,3})")

# "in the Slobidsky district of Kharkiv", "in Saltivka district".
DISTRICT = re.compile(
    r"\b([A-Z][a-zA-Z'’-]+)\s+(?:district|neighbou?rhood|micro-?district)\b(?!s)"
    r"|\b(?:district|neighbou?rhood)\s+of\s+([A-Z][a-zA-Z'’-]+)")
