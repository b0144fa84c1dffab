"""The English parser's dependency labels (spaCy's ClearNLP scheme), grouped into the roles the
extract stages ask about, so a stage names a role ("a subject") and never a parser's label."""

from __future__ import annotations

from harmledger.extract.lang.words import module_words

# Every table of syntax.toml, by its name in upper case (SUBJECT is its `subject`).
__getattr__ = module_words(__file__)
