"""English words are data: each word module of lang/en/ serves the tables of the TOML file beside it,
read by one loader (lang/words.py) whose sections say what each table becomes."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmledger.extract.lang.en import lexicon, places, syntax
from harmledger.extract.lang.words import module_words, read_words, word_file

WORD_MODULES = sorted(p for p in word_file(lexicon.__file__).parent.glob("*.toml") if p.name != "sources.toml")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "words.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_section_gives_its_shape(tmp_path: Path) -> None:
    tables = read_words(_write(tmp_path, '''
[words]
dead = ["dead", "killed", "dead"]
[ordered]
openers = [["according", "to"], ["citing"]]
[tables.scale]
dozen = 12
[tables.variants]
tochka = ["-u", "Tochka-U"]
[pairs.idioms]
"lose life" = "killed"
'''))
    assert tables == {"DEAD": frozenset({"dead", "killed"}), "OPENERS": (("according", "to"), ("citing",)),
                      "SCALE": {"dozen": 12}, "VARIANTS": {"tochka": ("-u", "Tochka-U")},
                      "IDIOMS": {("lose", "life"): "killed"}}


def test_an_at_name_item_stands_for_every_word_of_that_array(tmp_path: Path) -> None:
    tables = read_words(_write(tmp_path, '''
[words]
openers = ["including", "among"]
members = ["@openers", "them"]
lists = ["@members", ":"]
'''))
    assert tables["LISTS"] == frozenset({"including", "among", "them", ":"})


@pytest.mark.parametrize("text", [
    '[words]\nlists = ["@nowhere"]\n',  # names no array
    '[words]\nlists = ["@lists"]\n',  # names itself
    '[sets]\nlists = ["a"]\n',  # a section the loader does not know
    '[words]\nscale = ["a"]\n[tables.scale]\na = 1\n',  # one name, two tables
])
def test_a_file_the_loader_cannot_read_as_written_is_refused_with_its_name(tmp_path: Path, text: str) -> None:
    with pytest.raises(ValueError, match="words.toml"):
        read_words(_write(tmp_path, text))


def test_a_module_serves_its_tables_by_their_names_in_upper_case() -> None:
    assert "killed" in lexicon.KILLED_WORDS and syntax.ANY_SUBJECT == syntax.SUBJECT | syntax.PASSIVE_SUBJECT
    assert places.LOCATIVE >= places.PARTS  # "@parts": the part words are locative words too
    with pytest.raises(AttributeError, match="killed_verbs"):
        _ = lexicon.KILLED_VERBS


def test_a_module_without_a_file_has_no_word_file() -> None:
    with pytest.raises(ValueError):
        module_words(None)


@pytest.mark.parametrize("path", WORD_MODULES, ids=lambda p: p.name)
def test_every_english_word_file_is_served_by_the_module_of_its_name(path: Path) -> None:
    assert path.with_suffix(".py").exists() and read_words(path)
