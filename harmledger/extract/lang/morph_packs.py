"""The packs read by lemmas (`extract/morph_*.py`), by ISO 639-1 code: each language's words
from its data file, `lang/<code>/lexicon.toml`, read once per process."""

from __future__ import annotations

from harmledger.extract.lang.cyrillic import CyrillicPack, read_pack

CYRILLIC_PACKS: dict[str, CyrillicPack] = {code: read_pack(code) for code in ("uk", "ru")}
