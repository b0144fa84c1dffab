"""English phrasings of casualties that no single word carries: a verb and its object together
("lost their lives", "sustained injuries"), and the objects that make a reporting verb something
else ("claimed the lives of 32", "claimed responsibility")."""

from __future__ import annotations

# (verb lemma, object lemma) -> the kind of count the phrase makes.
CASUALTY_IDIOMS: dict[tuple[str, str], str] = {
    ("lose", "life"): "killed", ("claim", "life"): "killed", ("take", "life"): "killed",
    ("cost", "life"): "killed", ("meet", "death"): "killed", ("meet", "end"): "killed",
    ("sustain", "injury"): "injured", ("suffer", "injury"): "injured", ("receive", "injury"): "injured",
    ("sustain", "wound"): "injured", ("suffer", "wound"): "injured", ("receive", "wound"): "injured",
    ("sustain", "burn"): "injured", ("suffer", "burn"): "injured",
}
# Objects after which "claim", "take" … are not speech: "claimed the lives", "claimed responsibility".
NOT_SPEECH_OBJECTS = frozenset({"life", "lives", "responsibility", "toll", "victim", "victims"})
# Dying verbs WordNet files under another first sense ("succumb": to give in).
EXTRA_DIE_VERBS = frozenset({"succumb"})
# Words after a verb that make its count a death count: "shot dead", "found dead", "beaten to death".
DEATH_COMPLEMENTS = frozenset({"dead", "death", "killed"})
# People nouns that name the dead themselves: "more than 100 martyrs", "the deceased".
DEAD_PEOPLE = frozenset({"martyr", "deceased", "dead"})
# Verbs that set a toll when their object is one ("gave a toll of 82", "raised the toll to 22").
TOLL_SETTING_VERBS = frozenset({"give", "raise", "lower", "revise", "put", "set", "bring", "place",
                                "update", "release", "issue", "publish"})
TOLL_NOUNS = frozenset({"toll", "figure", "number", "count", "total", "tally", "estimate"})
# Words that open a source after them: "according to X", "quoted from X", "citing X".
SOURCE_OPENERS: tuple[tuple[str, ...], ...] = (
    ("according", "to"), ("quoted", "from"), ("citing",), ("cited", "by"), ("as", "reported", "by"),
    ("in", "a", "statement", "by"),
)
# Nouns for a whole conflict: as the subject of a toll they make it the war's, not an incident's.
CONFLICT_NOUNS = frozenset({"war", "conflict", "insurgency", "uprising", "crisis", "violence", "rebellion",
                            "campaign", "invasion", "occupation", "bloodshed"})
