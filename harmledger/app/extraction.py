"""The per-article stages of an ingest: parse, extract, embed and sign. No database, so a batch
runs here or on a Dask worker (app/distribute.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from datasketch import MinHash

from harmledger import limits
from harmledger.ingest.duplicates import signature
from harmledger.models import Article, Mention

if TYPE_CHECKING:
    from harmledger.extract.gazetteer import Gazetteer


# An article, its mentions (or why extraction failed: HL113, the article is not stored) and its
# MinHash signature.
Extracted = tuple[Article, list[Mention] | str, MinHash]


def extract_batch(batch: list[Article]) -> list[Extracted]:
    """The per-article stages for a batch: parse, extract mentions and claims, embed them, and sign
    the text for near-duplicate search. Pure (no database), so it runs here or on a Dask worker;
    the models are loaded once per process. One article that fails fails alone."""
    # Imported here, not at the top: spaCy and torch take seconds to import, and commands that
    # stop before parsing (bad input, nothing new) should not pay for them.
    from harmledger.extract.gazetteer import load_gazetteer
    from harmledger.extract.lang import pack_for
    from harmledger.extract.nlp import load_nlp

    by_parser = [a for a in batch if (pack := pack_for(a.language)) is not None and pack.reader == "spacy"]
    mentions: dict[str, list[Mention] | str] = {}
    if by_parser:  # a batch no parser reads (an upload in another language) loads no model
        nlp, gazetteer = load_nlp(), load_gazetteer()
        try:
            mentions = _extract_all(by_parser, nlp, gazetteer)
        except Exception:  # noqa: BLE001 - the parser failed inside nlp.pipe: find the article alone
            mentions = {a.id: _extract_one(a, nlp, gazetteer) for a in by_parser}
    if any((pack := pack_for(a.language)) is not None and pack.reader == "morph" for a in batch):
        mentions.update(_read_by_lemmas(batch, load_gazetteer()))
    # An article no pack reads is stored (and reported by `unreadable`) with no mentions.
    extracted: list[Extracted] = [(a, mentions.get(a.id, []), signature(a.text)) for a in batch]
    _embed_mentions(extracted)
    return extracted


def _read_by_lemmas(batch: list[Article], gazetteer: Gazetteer) -> dict[str, list[Mention] | str]:
    """Mentions of the articles whose pack reads by lemmas (Ukrainian, Russian: no parser), or
    why one failed (HL113), each article on its own."""
    from harmledger.extract.lang import pack_for
    from harmledger.extract.morph_article import extract_mentions as extract_by_lemmas

    out: dict[str, list[Mention] | str] = {}
    for a in batch:
        if (pack := pack_for(a.language)) is not None and pack.reader == "morph":
            try:
                out[a.id] = extract_by_lemmas(a, gazetteer)
            except Exception as exc:  # noqa: BLE001 - reported as HL113 with the article, never raised
                out[a.id] = failure(exc)
    return out


def parse_and_extract(article: Article, nlp: Any, gazetteer: Any) -> list[Mention]:
    """The mentions of one article, parsed in windows when long (extract/windows.py)."""
    found = _extract_all([article], nlp, gazetteer)[article.id]
    if isinstance(found, str):
        raise ValueError(found)
    return found


def _extract_all(articles: list[Article], nlp: Any, gazetteer: Any) -> dict[str, list[Mention] | str]:
    """Mentions of each article (or why it failed), all windows parsed in one nlp.pipe."""
    from harmledger.extract.article import extract_mentions
    from harmledger.extract.windows import joined, window_articles

    pieces = [(a.id, offset, piece) for a in articles for offset, piece in window_articles(a)]
    parts: dict[str, list[tuple[int, list[Mention]]] | str] = {a.id: [] for a in articles}
    for (aid, offset, piece), doc in zip(pieces, _parse(nlp, [p.text for _, _, p in pieces]), strict=True):
        done = parts[aid]
        if isinstance(done, str):
            continue
        try:
            done.append((offset, extract_mentions(piece, doc, gazetteer)))
        except Exception as exc:  # noqa: BLE001 - reported as HL113 with the article, never raised
            parts[aid] = failure(exc)
    return {aid: found if isinstance(found, str) else joined(found) for aid, found in parts.items()}


def _parse(nlp: Any, texts: list[str]) -> Iterator[Any]:
    """nlp.pipe over `texts` in groups of at most limits.PIPE_CHARS characters: spaCy parses a whole
    group as one minibatch, with working memory in proportion to its tokens, so a batch of long
    texts (windows) stays bounded in memory."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > limits.PIPE_CHARS:
            yield from nlp.pipe(group)
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group)


def _extract_one(article: Article, nlp: Any, gazetteer: Any) -> list[Mention] | str:
    try:
        return _extract_all([article], nlp, gazetteer)[article.id]
    except Exception as exc:  # noqa: BLE001 - reported as HL113 with the article, never raised
        return failure(exc)


def failure(exc: BaseException) -> str:
    """What went wrong, in one line, for HL113."""
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _embed_mentions(extracted: list[Extracted]) -> None:
    """The mentions of a whole batch in one embedding call (the encoder takes them one at a time,
    see encoder.Encoder.encode, but loads and checks once)."""
    from harmledger.extract.embedding import embed, mention_text

    # The encoder is English-only: a Ukrainian or Russian mention gets no vector, so it joins
    # an incident on place, date, type and target, never on a cosine across languages.
    slots = [(a, found, i) for a, found, _ in extracted if not isinstance(found, str) and _encodes(a.language)
             for i in range(len(found))]
    vectors = embed([mention_text(a, found[i]) for a, found, i in slots])
    for (_, found, i), vector in zip(slots, vectors, strict=True):
        found[i] = replace(found[i], vector=vector)  # in its article's list: mentions are frozen


def _encodes(language: str) -> bool:
    from harmledger.extract.lang import pack_for

    pack = pack_for(language)
    return pack is not None and pack.reader == "spacy"
