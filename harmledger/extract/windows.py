"""Long texts read in windows: pieces under limits.WINDOW_CHARS cut at paragraph breaks (else at
a line break, else at a space), each parsed and extracted alone, their mentions put back at
their offsets in the whole text. One parse never nears spaCy's max_length, memory stays that of
one window, and the passes of extraction over a whole document stay bounded."""

from __future__ import annotations

import dataclasses

from harmledger import limits
from harmledger.models import Article, Mention


def windows(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """(offset, piece) of `text` in pieces of at most `size` characters; one piece when short."""
    size = size or limits.WINDOW_CHARS
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for sep in ("\n\n", "\n", " "):
            # not in the first half, so a window is never tiny
            cut = text.rfind(sep, start + size // 2, end)
            if cut != -1:
                cut += len(sep)
                break
        cut = end if cut == -1 else cut
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def window_articles(article: Article, size: int | None = None) -> list[tuple[int, Article]]:
    """`article` as one Article per window (same id, metadata and publication date), runs of
    symbols blanked (limits.blank_symbol_runs: same length, so the offsets hold)."""
    return [(offset, dataclasses.replace(article, text=limits.blank_symbol_runs(piece)))
            for offset, piece in windows(article.text, size)]


def joined(parts: list[tuple[int, list[Mention]]]) -> list[Mention]:
    """The mentions of each window (offset, mentions) as mentions of the whole article: offsets
    shifted, positions numbered on."""
    out: list[Mention] = []
    for offset, found in parts:
        for m in found:
            claims = [dataclasses.replace(c, start=c.start + offset, end=c.end + offset) for c in m.claims]
            out.append(dataclasses.replace(m, index=len(out), start=m.start + offset, end=m.end + offset,
                                           claims=claims))
    return out
