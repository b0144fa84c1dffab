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

# Fine-grained (Penn Treebank) tags the stages ask about.
PRESENT_TENSE_TAGS = frozenset({"VBZ", "VBP"})  # "Rescuers clear the scene …": a caption's verb
GERUND_TAGS = frozenset({"VBG"})  # "… issued a statement saying"
ACTIVE_PAST_TAGS = frozenset({"VBD"})  # "the gunman shot and killed 14"
SINGULAR_NOUN_TAGS = frozenset({"NN"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
PLURAL_PROPER_NOUN_TAGS = frozenset({"NNPS"})  # "Britons", left unlemmatised by the tagger

# The English model's named-entity labels (OntoNotes).
TIME_ENTITIES = frozenset({"DATE", "TIME"})
PERSON_ENTITIES = frozenset({"PERSON"})
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG"})
NATIONALITY_ENTITIES = frozenset({"NORP"})
PLACE_NAME_ENTITIES = frozenset({"GPE"})  # a country, city or state: a place's own name
# Entities that name places, and those that never do.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
NON_PLACE_ENTITIES = frozenset({"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                                "PERCENT", "QUANTITY", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})
DETERMINER = frozenset({"det"})  # "a" in "a three-year-old girl"
