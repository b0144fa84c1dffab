"""Each language's words are a data file read against one declared shape (lang/cyrillic.py,
lang/source_cues.py): a file that misses a table, or names one the shape lacks, is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmledger.extract.lang.cyrillic import read_pack
from harmledger.extract.lang.morph_packs import CYRILLIC_PACKS
from harmledger.extract.lang.source_cues import read_cues
from harmledger.models import SourceType

LANG = Path(__file__).resolve().parents[2] / "harmledger" / "extract" / "lang"


def test_the_ukrainian_and_russian_packs_are_read_from_their_files() -> None:
    assert CYRILLIC_PACKS["uk"].numbers["п'ятеро"] == 5 and CYRILLIC_PACKS["ru"].numbers["пятеро"] == 5
    assert "загиблий" in CYRILLIC_PACKS["uk"].killed and isinstance(CYRILLIC_PACKS["uk"].killed, frozenset)
    assert CYRILLIC_PACKS["ru"].event_types[0] == ("дрон", "drone_strike")  # pairs keep the file's order
    assert CYRILLIC_PACKS["uk"].name_variants == ()


def test_a_lexicon_missing_a_table_is_refused_and_named(tmp_path: Path) -> None:
    text = (LANG / "uk" / "lexicon.toml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.toml"
    broken.write_text(text.replace("pronouns = ", "pronoun_words = "), encoding="utf-8")
    with pytest.raises(ValueError, match=r"missing: \['pronouns'\]; unknown: \['pronoun_words'\]"):
        read_pack("uk", broken)


def test_source_cues_keep_their_order_and_refuse_an_unknown_source_type(tmp_path: Path) -> None:
    cues = read_cues("en").source_cues
    assert cues[0] == ("health minist*", SourceType.health) and len(cues) == len(dict(cues))
    broken = tmp_path / "sources.toml"
    broken.write_text('[source_cues]\n"мер*" = "mayors"\n\n[country_words]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="'mayors' is not a valid SourceType"):
        read_cues("uk", broken)
