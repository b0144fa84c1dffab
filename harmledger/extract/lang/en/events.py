"""English attack words: the triggers of each event type, the nouns for what was hit, weapon names."""

from __future__ import annotations

import re

from harmledger.extract.lang.words import module_words

# Every table of events.toml, by its name in upper case (EVENT_TYPES is its `event_types`).
__getattr__ = module_words(__file__)

# Words that make a weak trigger ("strike", "attack") a strong one when the sentence names them.
STRENGTHENERS = re.compile(r"\b(?:missile|rocket)", re.I)
