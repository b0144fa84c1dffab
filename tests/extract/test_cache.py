"""What is built once and cached (gazetteer index, WordNet classes, encoder) is filed under a hash
of its build inputs: editing a word list or the build code gives a new file, never a stale one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from harmledger.extract import encoder, gazetteer
from harmledger.extract.cache import inputs_key
from harmledger.extract.lang.en import gazetteer as english_names
from harmledger.extract.lang.en import wordnet
from harmledger.extract.lang.words import word_file


def test_editing_an_input_file_changes_the_key(tmp_path: Path) -> None:
    words = tmp_path / "words.py"
    words.write_text('COMMON_WORDS = {"may", "said"}\n', encoding="utf-8")
    before = inputs_key([words], ["numpy"])
    assert inputs_key([words], ["numpy"]) == before  # the same inputs, the same file
    words.write_text('COMMON_WORDS = {"may", "said", "will"}\n', encoding="utf-8")
    assert inputs_key([words], ["numpy"]) != before


def test_a_new_package_version_changes_the_key(tmp_path: Path) -> None:
    (tmp_path / "build.py").write_text("x = 1\n", encoding="utf-8")
    files = [tmp_path / "build.py"]
    assert inputs_key(files, ["numpy"]) != inputs_key(files, ["numpy", "no-such-package-here"])


def _edited_copy(module_file: str, tmp_path: Path) -> str:
    copy = tmp_path / Path(module_file).name
    shutil.copy(module_file, copy)
    with copy.open("a", encoding="utf-8") as fh:
        fh.write("\n# edited\n")
    return str(copy)


def test_an_edited_english_place_word_list_gives_a_new_gazetteer_file(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = gazetteer.cache_path()
    edited_words = _edited_copy(str(word_file(english_names.__file__)), tmp_path)  # gazetteer.toml
    monkeypatch.setattr(english_names, "__file__", str(Path(edited_words).with_suffix(".py")))
    assert gazetteer.cache_path() != before and gazetteer.cache_path().parent == before.parent


def test_edited_gazetteer_build_code_gives_a_new_gazetteer_file(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    before = gazetteer.cache_path()
    monkeypatch.setattr(gazetteer, "__file__", _edited_copy(gazetteer.__file__, tmp_path))
    assert gazetteer.cache_path() != before


def test_edited_encoder_code_gives_a_new_encoder_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = encoder.encoder_path()
    monkeypatch.setattr(encoder, "__file__", _edited_copy(encoder.__file__, tmp_path))
    assert encoder.encoder_path() != before


def test_edited_wordnet_roots_give_new_word_classes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = wordnet._key()
    monkeypatch.setattr(wordnet, "__file__", _edited_copy(wordnet.__file__, tmp_path))
    assert wordnet._key() != before
