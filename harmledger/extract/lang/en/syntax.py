"""The English parser's dependency labels (spaCy's ClearNLP scheme), grouped into the roles the
extract stages ask about, so a stage names a role ("a subject") and never a parser's label."""

from __future__ import annotations

SUBJECT = frozenset({"nsubj"})
PASSIVE_SUBJECT = frozenset({"nsubjpass"})
ANY_SUBJECT = SUBJECT | PASSIVE_SUBJECT
OBJECT = frozenset({"dobj"})
PREPOSITION_OBJECT = frozenset({"pobj"})
PREPOSITION = frozenset({"prep"})
AGENT = frozenset({"agent"})  # "by X" after a passive verb
PASSIVE_AUX = frozenset({"auxpass"})
CONJUNCT = frozenset({"conj"})
RELATIVE_CLAUSE = frozenset({"relcl"})
CLAUSE_MODIFIER = frozenset({"acl"})
ROOT = frozenset({"ROOT"})
ADJECTIVE_MODIFIER = frozenset({"amod"})
COMPOUND = frozenset({"compound"})
NOUN_MODIFIER = frozenset({"nmod"})
NUMBER_MODIFIER = frozenset({"nummod"})
QUANTITY_MODIFIER = frozenset({"quantmod"})
ADVERB_MODIFIER = frozenset({"advmod"})
ATTRIBUTE = frozenset({"attr"})  # "the toll is 12"
ADJECTIVE_COMPLEMENT = frozenset({"acomp"})
OBJECT_PREDICATE = frozenset({"oprd"})  # "left 12 dead"
OPEN_COMPLEMENT = frozenset({"xcomp"})
CLAUSAL_COMPLEMENT = frozenset({"ccomp"})
