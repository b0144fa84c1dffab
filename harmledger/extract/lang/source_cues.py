"""Cue words for what kind of source a claimant is and which country it speaks for: one shape,
declared here, with each language's words in its data file, `lang/<code>/sources.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable

from harmledger.models import SourceType


@dataclass(frozen=True)
class SourceCues:
    """One language's cue tables (reconcile/entities.py matches them against claimant words)."""

    code: str
    # Cue (words; "defen*" matches any word it begins) -> the source type it gives. The longest
    # cue found decides; on a tie the earlier in this order, so the order is part of the rule.
    source_cues: tuple[tuple[str, SourceType], ...]
    # Words that name the country a claimant speaks for -> ISO 3166 code ("moscow" -> RU).
    country_words: dict[str, str]


def read_cues(code: str, source: Traversable | None = None) -> SourceCues:
    """The cue tables of language `code` from `lang/<code>/sources.toml` (or `source`), in the
    file's order."""
    source = source or files(f"harmledger.extract.lang.{code}").joinpath("sources.toml")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    if set(data) != {"source_cues", "country_words"}:
        raise ValueError(f"{source}: expected the tables [source_cues] and [country_words], found {sorted(data)}")
    try:
        cues = tuple((cue, SourceType(kind)) for cue, kind in data["source_cues"].items())
    except ValueError as exc:
        raise ValueError(f"{source}: {exc} (the source types are those of models.SourceType)") from None
    return SourceCues(code, cues, dict(data["country_words"]))
