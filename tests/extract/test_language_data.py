"""Rules as data, per language: the extract stages hold no word lists; the language packs do.

A stage module (`harmledger/extract/*.py`) reads words from a pack (`harmledger/extract/lang/<code>/`)
and never spells them out itself, so a new phrasing, or a new language, is a change to a pack's
data and not to a stage. This file reads the stage modules' source with `ast` and fails when one
defines, at module level, a collection of words (a set, frozenset, tuple, list or dict whose
strings are mostly lower-case words) or a compiled pattern that spells out words.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from harmledger.conventions import QUALIFIER_CODES, VAGUE_QUANTITIES
from harmledger.extract.lang.en.dates import PATTERNS
from harmledger.extract.lang.en.numbers import QUALIFIERS, VAGUE_WORDS
from harmledger.models import Grade

EXTRACT = Path(__file__).resolve().parents[2] / "harmledger" / "extract"
STAGE_MODULES = sorted(p for p in EXTRACT.glob("*.py") if p.name != "__init__.py")
# Names of module-level tables of codes, which are no language's words.
CODES = {
    ("dates.py", "_EXPLICIT"): "kinds of date pattern (iso, dmy …), named by the pack's PATTERNS",
    ("encoder.py", "BUILT_WITH"): "the names of the packages the encoder file is built with",
}
# A word: lower-case letters, with the hyphens, apostrophes, dots and spaces of a phrase.
_WORD = re.compile(r"[a-z][a-z'’.\- ]*[a-z.]")
# Words spelled inside a pattern: three or more lower-case letters not part of an escape.
_PATTERN_WORD = re.compile(r"(?<![\\a-zA-Z])[a-z]{3,}")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_COLLECTIONS = (ast.Set, ast.List, ast.Tuple, ast.Dict)


def _strings(node: ast.AST) -> list[str]:
    """The string literals directly inside one collection literal (a dict's keys and values)."""
    items = [*node.keys, *node.values] if isinstance(node, ast.Dict) else getattr(node, "elts", [])
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]


def is_word_list(node: ast.AST) -> bool:
    """A collection literal of at least two strings, more than half of them lower-case words."""
    strings = _strings(node)
    return len(strings) >= 2 and sum(bool(_WORD.fullmatch(s)) for s in strings) * 2 > len(strings)


def pattern_words(call: ast.Call) -> list[str]:
    """The words spelled out in a `re.compile(...)` call's pattern ("since", "until" …)."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "compile" and call.args):
        return []
    pattern = "".join(n.value for n in ast.walk(call.args[0])
                      if isinstance(n, ast.Constant) and isinstance(n.value, str))
    return _PATTERN_WORD.findall(_GROUP_NAME.sub("", pattern))


def module_level_word_data(source: str, filename: str) -> list[str]:
    """Names of the module-level assignments in `source` that hold a word list or a worded pattern."""
    found = []
    for stmt in ast.parse(source).body:
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        else:
            continue
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if any((filename, name) in CODES for name in names):
            continue
        nodes = list(ast.walk(value))
        if any(isinstance(n, _COLLECTIONS) and is_word_list(n) for n in nodes) or any(
                isinstance(n, ast.Call) and len(pattern_words(n)) >= 3 for n in nodes):
            found.extend(names)
    return found


@pytest.mark.parametrize("module", STAGE_MODULES, ids=lambda p: p.name)
def test_a_stage_module_defines_no_word_list(module: Path) -> None:
    found = module_level_word_data(module.read_text(encoding="utf-8"), module.name)
    assert not found, (f"{module.name} defines word data {found}: move it to the language pack "
                       f"(harmledger/extract/lang/en/) and import it from there")


def test_the_guard_catches_a_word_set_a_word_dict_and_a_worded_pattern() -> None:
    source = '''
import re
_KILLING = frozenset({"slain", "massacred", "executed"})
_OPENERS: dict[str, str] = {"according to": "source", "citing": "source"}
_UNIONED = OTHER | {"them", "are", "were"}
_PERIOD = re.compile(r"\\b(?:since|until|throughout)\\s+$")
'''
    assert module_level_word_data(source, "stage.py") == ["_KILLING", "_OPENERS", "_UNIONED", "_PERIOD"]


def test_the_guard_lets_through_codes_labels_in_capitals_and_patterns_of_digits() -> None:
    source = '''
import re
_ENTS = frozenset({"GPE", "LOC", "FAC"})
_WEAK = {"missile_strike", "other"}
_INPUTS = ("input_ids", "attention_mask")
_DIGITS = re.compile(r"^\\d{1,3}(?:[,\\u202f ]\\d{3})+$|^\\d+$")
_PLACE = re.compile(r"(?P<place>[A-Z][a-z]+)")
'''
    assert module_level_word_data(source, "stage.py") == []


def test_every_table_of_codes_let_through_still_exists() -> None:
    for filename, name in CODES:
        source = (EXTRACT / filename).read_text(encoding="utf-8")
        assert re.search(rf"^{name}\b", source, re.M), f"{filename} no longer defines {name}: drop it from CODES"


def test_the_english_vague_words_and_qualifiers_name_conventions_every_language_shares() -> None:
    assert set(VAGUE_WORDS.values()) <= set(VAGUE_QUANTITIES)
    assert set(QUALIFIERS.values()) <= set(QUALIFIER_CODES)


# Universal part-of-speech tags (universaldependencies.org/u/pos) are no language's own.
_UNIVERSAL_POS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
                  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}
# harmledger's own codes, the same in every language: qualifiers, grades, kinds of date pattern,
# kinds of place, mention roles, claim kinds, date precisions, group and event codes.
_CODES = set(QUALIFIER_CODES) | set(Grade) | {kind for kind, _ in PATTERNS} | {
    "town", "region", "country", "site", "main", "background", "killed", "injured", "casualties",
    "missing", "hospitalised", "evacuated", "all", "attackers", "day", "week", "month", "year",
    "unknown", "other", "reporter"}


def _literal_words(node: ast.AST) -> list[str]:
    """Strings with a letter in them in a literal or a literal collection (or a union of them,
    `OPENERS | {"them"}`): no code, no UPOS tag."""
    if isinstance(node, ast.BinOp):
        return _literal_words(node.left) + _literal_words(node.right)
    items = getattr(node, "elts", None) or [node]
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
            and re.search(r"[A-Za-z]", i.value) and i.value not in _UNIVERSAL_POS | _CODES]


def inline_words(source: str) -> list[str]:
    """Comparisons with words or parser labels written inline: `t.lower_ == "of"`,
    `t.dep_ in ("nsubj", "dobj")`, `rel != "last"`, `"died in hospital" in text`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            words = [w for c in [node.left, *node.comparators] for w in _literal_words(c)]
            if words:
                found.append((node.lineno, f"line {node.lineno}: {words}"))
    return [text for _, text in sorted(found)]


@pytest.mark.parametrize("module", STAGE_MODULES, ids=lambda p: p.name)
def test_a_stage_compares_with_no_word_or_label_written_inline(module: Path) -> None:
    found = inline_words(module.read_text(encoding="utf-8"))
    assert not found, (f"{module.name} compares with words or labels written inline {found}: "
                       f"name them in the language pack (harmledger/extract/lang/en/)")


def test_the_inline_guard_catches_words_labels_and_phrases_but_not_codes_or_universal_tags() -> None:
    source = '''
def f(tok, g, rel, text, m):
    a = tok.lower_ == "of"
    b = tok.dep_ in ("nsubj", "dobj")
    c = rel != "last"
    d = tok.pos_ in ("VERB", "AUX") and tok.text == "," and tok.ent_type_ == "PERSON"
    e = tok.lower_ in SUBGROUP_OPENERS and m.role == "main" and m.kind in ("killed", "injured")
    f = "died in hospital" in text
    g = tok.lower_ in OPENERS | {"them"}
'''
    assert inline_words(source) == ["line 3: ['of']", "line 4: ['nsubj', 'dobj']", "line 5: ['last']",
                                    "line 6: ['PERSON']", "line 8: ['died in hospital']", "line 9: ['them']"]
