"""Each rule is declared once: the conventions in harmledger/conventions.py, the blocking rules in
resolve/reach.py, the points in resolve/points.py, English words in the word files of lang/en/.
Other modules import them (or name them again by alias); a second literal of one of these names,
anywhere in the package (a module or a word file), fails here, and so does a literal of a name the
tables replaced (None: declared nowhere)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from harmledger.extract.lang.words import read_words

PACKAGE = Path(__file__).resolve().parents[1] / "harmledger"
# The word files: a TOML file beside the word module of its name (lang/words.py).
WORD_FILES = [p for p in PACKAGE.glob("extract/lang/*/*.toml") if p.with_suffix(".py").exists()]
HOMES: dict[str, str | None] = {
    "SAME_PLACE_KM": "conventions.py", "TOTAL_GROUPS": "conventions.py", "TOTAL_LIKE_GROUPS": "conventions.py",
    "ACLED_GEO_PRECISION": "conventions.py", "ACLED_TIME_PRECISION": "conventions.py",
    "GEO_PRECISION": None, "TIME_PRECISION": None,  # export/formats.py: ACLED's, by alias
    "NEIGHBOUR_KM": "resolve/reach.py", "DAY_WINDOW": "resolve/reach.py", "MONTH_DAY_REACH": "resolve/reach.py",
    "LOOSE_REACH": None, "MONTH_DAY_FITS": None, "PLACE_POINTS": None,  # now rows of DATE_RULES and POINTS
    "JOIN_SCORE": "resolve/points.py", "BACKGROUND_SCORE": "resolve/points.py",
    "MIN_TEXT_WITHOUT_PLACE": "resolve/points.py", "TWIN_TOWN_KM": "resolve/points.py",
    "TARGET_SYNONYMS": "extract/lang/en/events.toml",
}


def _literal_assignments(path: Path) -> set[str]:
    """Module-level names `path` assigns a value of its own (not another name: an alias is no copy)."""
    found = set()
    for stmt in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(stmt, ast.Assign) and not isinstance(stmt.value, ast.Name):
            found |= {t.id.lstrip("_") for t in stmt.targets if isinstance(t, ast.Name)}
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None \
                and not isinstance(stmt.value, ast.Name):
            found.add(stmt.target.id.lstrip("_"))
    return found


@pytest.mark.parametrize("name", sorted(HOMES))
def test_a_rule_has_one_declaration(name: str) -> None:
    declared = sorted([str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if name in _literal_assignments(p)]
                      + [str(p.relative_to(PACKAGE)) for p in WORD_FILES if name in read_words(p)])
    assert declared == [HOMES[name]] if HOMES[name] else not declared, declared
