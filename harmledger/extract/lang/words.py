"""English words as data: each word module of `lang/en/` serves the tables of the TOML file beside
it (`lexicon.py` those of `lexicon.toml`), read here, once, by one loader.

A file's tables say what each list becomes, so the file alone declares a word list and its shape:
- `[words]`: arrays of words, read as frozensets (membership; their order is the writer's). An
  item "@name" stands for every word of the array `name` of the same table, so a list that extends
  another ("them" and every subgroup opener) names it and never copies its words.
- `[ordered]`: arrays whose order is part of the rule (the first that matches wins), read as tuples,
  inner arrays as tuples.
- `[tables.NAME]`: keys to values, read as a dict (array values as tuples).
- `[pairs.NAME]`: two words, a space between, to a value, read as a dict keyed by the pair of words.

Python code names a table in upper case (`from harmledger.extract.lang.en.lexicon import
KILLED_WORDS` is lexicon.toml's `killed_words`). The Ukrainian and Russian packs, read by lemma,
have a dataclass of their own (lang/cyrillic.py).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

SECTIONS = ("words", "ordered", "tables", "pairs")


def word_file(module_file: str | None) -> Path:
    """The TOML file beside a word module (`lexicon.py` -> `lexicon.toml`): a build input of what
    is made from its words (the gazetteer index keys on it)."""
    if module_file is None:
        raise ValueError("a word module without a file has no word file beside it")
    return Path(module_file).with_suffix(".toml")


def read_words(source: Path) -> dict[str, Any]:
    """Every table of one word file by its Python name (upper case), read as its section says.
    A section this module does not know, a name given twice or an "@name" that names no array of
    `[words]` is refused with the file's name."""
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise ValueError(f"{source}: unknown sections {unknown} (known: {', '.join(SECTIONS)})")
    words = data.get("words", {})
    tables: dict[str, Any] = {}
    for section, read in (("words", lambda value: _expand(words, value, source)),
                          ("ordered", lambda value: tuple(_tuples(item) for item in value)),
                          ("tables", lambda value: {k: _tuples(v) for k, v in value.items()}),
                          ("pairs", lambda value: {tuple(k.split(" ")): v for k, v in value.items()})):
        for name, value in data.get(section, {}).items():
            if name.upper() in tables:
                raise ValueError(f"{source}: {name} is given twice")
            tables[name.upper()] = read(value)
    return tables


def _expand(words: dict[str, list[str]], items: list[str], source: Path,
            seen: tuple[str, ...] = ()) -> frozenset[str]:
    """An array of `[words]` as a frozenset, its "@name" items replaced by the words of `name`."""
    out: set[str] = set()
    for item in items:
        if not item.startswith("@"):
            out.add(item)
        elif item[1:] not in words or item[1:] in seen:
            raise ValueError(f"{source}: {item} names no array of [words] (or names itself)")
        else:
            out |= _expand(words, words[item[1:]], source, (*seen, item[1:]))
    return frozenset(out)


def _tuples(value: Any) -> Any:
    """TOML arrays as tuples, all the way down; any other value as it is."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def module_words(module_file: str | None) -> Callable[[str], Any]:
    """A word module's `__getattr__` (PEP 562): its names are the tables of the file beside it,
    read when the module is imported; a name the file lacks is an AttributeError, as for any
    module, so `from … import NAME` of a missing table fails at import."""
    tables = read_words(word_file(module_file))

    def table(name: str) -> Any:
        try:
            return tables[name]
        except KeyError:
            raise AttributeError(f"{module_file}: no table {name.lower()!r} in its word file") from None

    return table
