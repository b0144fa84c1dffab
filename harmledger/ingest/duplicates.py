"""Exact and near-duplicate articles (wire reprints) by MinHash/LSH from datasketch."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"  # datasketch 2 default; stored signatures must be rebuilt with the same one
THRESHOLD = 0.8  # Jaccard similarity of word 5-grams above which two texts are one story
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """MinHash of the text's word 5-grams (lower-cased, punctuation ignored)."""
    words = [w.lower() for w in _WORD.findall(text)]
    grams = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([g.encode("utf-8") for g in grams])
    return m


def to_bytes(m: MinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class DuplicateFinder:
    """Finds, for each new text, an earlier article it copies (the earliest copy is the original)."""

    def __init__(self, known: list[tuple[str, str | None, bytes | None]]) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._root: dict[str, str] = {}
        self._seen: set[str] = set()
        self.learn(known)

    def learn(self, known: list[tuple[str, str | None, bytes | None]]) -> None:
        """Take in stored articles (id, duplicate_of, minhash), e.g. those another process stored since."""
        for article_id, duplicate_of, data in known:
            self._seen.add(article_id)
            if data is None or article_id in self._root:
                continue
            self._lsh.insert(article_id, from_bytes(data))
            self._root[article_id] = duplicate_of or article_id

    def seen(self) -> set[str]:
        """The ids of every article taken in or added."""
        return self._seen

    def add(self, article_id: str, m: MinHash) -> str | None:
        """Register an article; return the id of the original it duplicates, if any."""
        matches = sorted(self._root[k] for k in self._lsh.query(m) if k in self._root)
        root = matches[0] if matches else None
        self._seen.add(article_id)
        if article_id not in self._root:
            self._lsh.insert(article_id, m)
            self._root[article_id] = root or article_id
        return root
