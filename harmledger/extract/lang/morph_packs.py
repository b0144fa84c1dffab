"""The packs read by lemmas (`extract/morph_*.py`), by ISO 639-1 code."""

from __future__ import annotations

from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.lang.ru.lexicon import PACK as RUSSIAN
from harmledger.extract.lang.uk.lexicon import PACK as UKRAINIAN

CYRILLIC_PACKS: dict[str, CyrillicPack] = {pack.code: pack for pack in (UKRAINIAN, RUSSIAN)}
