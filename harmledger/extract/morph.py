"""Tokens, sentences and lemmas for the languages read without a parser (Ukrainian, Russian).

pymorphy3 gives every analysis of a word; a token keeps the normal forms of all of them, so
"загиблих" meets загиблий and "Харкові" meets харків even where the first guess is a surname. The
analysers load once per process (their dictionaries come from the pymorphy3-dicts-* packages).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

from harmledger.extract.lang.grammemes import (
    NOMINAL,
    WORD_MARKS,
)
from harmledger.extract.lang.morph_packs import CYRILLIC_PACKS as CYRILLIC_PACKS  # re-exported for the stages

# A number (with inner separators "21.20", "1 000" is two), a word (apostrophes and hyphens
# inside it), or one other character.
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*(?:-[^\W_]+)*|\S")
# A sentence ends after . ! ? … (and a closing quote or bracket) before a capital, a digit, a
# quotation or a dash; a line break always ends one.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\")]*\s+(?=[«“\"(\-–—\d\w])")
_POS_VERB = frozenset({"VERB", "INFN", "GRND"})
_POS_NOMINAL = NOMINAL


@dataclass(frozen=True)
class Tok:
    """One token: its text and offsets in the article, lower-case form, and every lemma."""

    text: str
    start: int
    end: int
    low: str
    lemmas: frozenset[str]
    pos: frozenset[str]  # parts of speech of its analyses
    cases: frozenset[str]

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_digit(self) -> bool:
        return self.text.isdigit()

    @property
    def capital(self) -> bool:
        return self.text[0].isupper()

    @property
    def verb(self) -> bool:
        return bool(self.pos & _POS_VERB) and not self.pos & {"NOUN"}

    @property
    def nominal(self) -> bool:
        return bool(self.pos & _POS_NOMINAL) or self.capital

    def has(self, words: Collection[str]) -> bool:
        """True when one of its lemmas (or the word itself) is in `words`."""
        return any(lemma in words for lemma in self.lemmas)


@dataclass(frozen=True)
class Sentence:
    """A sentence: its character span, paragraph number and tokens."""

    start: int
    end: int
    text: str
    paragraph: int
    tokens: tuple[Tok, ...]


@lru_cache(maxsize=2)
def analyser(language: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser of a language, loaded once per process."""
    return pymorphy3.MorphAnalyzer(lang=language)


def fold(word: str) -> str:
    """Lower case with one apostrophe and no "ё": the form the packs write their words in."""
    return word.lower().replace("’", "'").replace("ʼ", "'").replace("`", "'").replace("ё", "е")


@lru_cache(maxsize=65536)
def _analyse(language: str, word: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    parses = analyser(language).parse(word)
    lemmas = {fold(p.normal_form) for p in parses} | {word}
    pos = {str(p.tag.POS) for p in parses if p.tag.POS} | {g for p in parses for g in WORD_MARKS if g in p.tag}
    cases = {str(p.tag.case) for p in parses if p.tag.case}
    return frozenset(lemmas), frozenset(pos), frozenset(cases)


def tokens(text: str, language: str, offset: int = 0) -> tuple[Tok, ...]:
    """The tokens of `text` with their lemmas; offsets are shifted by `offset`."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        low = fold(word)
        if word[0].isalpha():
            lemmas, pos, cases = _analyse(language, low)
        else:
            lemmas, pos, cases = frozenset({low}), frozenset(), frozenset()
        out.append(Tok(word, offset + m.start(), offset + m.end(), low, lemmas, pos, cases))
    return tuple(out)


def sentences(text: str, language: str) -> list[Sentence]:
    """The sentences of `text`, paragraph by paragraph (a line break ends a paragraph)."""
    out: list[Sentence] = []
    paragraph = 0
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(line.group())] + [len(line.group())]
        for a, b in zip(cuts, cuts[1:], strict=False):
            piece = line.group()[a:b]
            if not piece.strip():
                continue
            lead = len(piece) - len(piece.lstrip())
            start = line.start() + a + lead
            body = piece.strip()
            out.append(Sentence(start, start + len(body), body, paragraph, tokens(body, language, start)))
        paragraph += 1
    return out
