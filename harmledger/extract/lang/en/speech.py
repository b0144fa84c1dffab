"""English words of reported speech: reporting verbs, sources, openers and the words around a
speaker's name, which attribution reads to decide who said a figure."""

from __future__ import annotations

REPORTING_VERBS = frozenset({
    "say", "tell", "report", "state", "write", "announce", "confirm", "claim", "add", "declare",
    "post", "note", "insist", "assert", "estimate", "put", "update", "publish", "quote",
    "comment", "explain", "warn", "allege", "acknowledge", "admit", "record",
    "reveal", "disclose", "inform", "tweet", "specify", "clarify", "recount", "relay", "indicate",
    "count", "tally", "list",  # "officials counted 26 dead": the counter gives the figure
})
# "police were quoted as saying by local media": the quoted gave the figure. ("The monitor,
# citing reliable sources, said …" is the monitor's: a source that cites stays the claimant.)
RELAY_VERBS = frozenset({"cite", "quote"})
# "Governor Oleh Kiper: four people were killed": the speaker before a colon, at most this far in.
COLON_REACH = 8
BLAME_VERBS = frozenset({"accuse", "blame"})
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
# Verbs whose subject acts rather than suffers: a place as their subject is an actor ("Moscow denies").
ACTOR_VERBS = REPORTING_VERBS | {"deny", "accuse", "blame", "reject", "want", "launch", "fire",
                                 "promise", "refuse", "welcome", "demand", "use", "respond"}
# Objects after which "claim", "take" … are not speech: "claimed the lives", "claimed responsibility".
NOT_SPEECH_OBJECTS = frozenset({"life", "lives", "responsibility", "toll", "victim", "victims"})
# Verbs that set a toll when their object is one ("gave a toll of 82", "raised the toll to 22").
TOLL_SETTING_VERBS = frozenset({"give", "raise", "lower", "revise", "put", "set", "bring", "place",
                                "update", "release", "issue", "publish"})
TOLL_NOUNS = frozenset({"toll", "figure", "number", "count", "total", "tally", "estimate"})
# Words that open a source after them: "according to X", "quoted from X", "citing X".
SOURCE_OPENERS: tuple[tuple[str, ...], ...] = (
    ("according", "to"), ("quoted", "from"), ("citing",), ("cited", "by"), ("as", "reported", "by"),
    ("in", "a", "statement", "by"),
)
# Nameless collective sources ("officials said"): a named source for the same figure refines them.
GENERIC_SOURCES = frozenset({"officials", "authorities", "sources", "officers", "reports"})
# Sources that are not speakers: "according to the latest data" gives way to the official in context.
WEAK_SOURCES = frozenset({"data", "information", "message", "figures", "statement", "update", "reports",
                          "total", "toll", "number", "count", "tally",
                          "estimates", "latest data", "preliminary data", "preliminary information"})
# Openers of the recap paragraph news sites add under a story ("As reported earlier, …"):
# figures there are the reporter's summary, not the relayed official's.
RECAP_OPENERS = ("as reported", "as previously reported", "it will be recalled", "recall that",
                 "as a reminder", "we remind", "context")
# Words that mark a count as an earlier one ("previously reported dead").
EARLIER = frozenset({"earlier", "initially", "previously", "first", "initial", "originally"})

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which", "this", "that", "these"})
# Words trimmed from either end of a speaker's name.
TRIM = frozenset({"the", "a", "an", ",", "'s", "’s", "-", "—", "\"", "“", "”", "also", "on", "in",
                  "at", "earlier", "later", "then"})
# Titles before a name, kept when a surname is written out in full ("Governor Vitaliy Kim").
TITLES = frozenset({"President", "Governor", "Mayor", "Minister", "Chief", "Head", "Commander",
                    "General", "Secretary", "Spokesman", "Spokeswoman", "Prosecutor", "Deputy"})
# Parts of a speaker's name that make it an office held by a person ("head of the administration").
OFFICES = ("head", "governor", "mayor", "minister", "chief", "spokes", "president", "commander",
           "service", "ministry", "administration", "police", "office", "prosecutor")
# Channels a statement is made in: "stated in the message of the State Emergency Service".
CHANNELS = frozenset({"message", "statement", "report", "post", "video", "briefing", "address",
                      "update", "telegram"})
# Subjects that cannot speak: "the missile claimed …" is no claim.
NOT_SPEAKERS = frozenset({"missile", "rocket", "strike", "attack", "shell", "drone", "bomb", "blast",
                          "explosion", "shelling", "airstrike"})
ANAPHORS = frozenset({"it", "this", "that", "so", "these"})
RELATIVES = frozenset({"which", "that", "who", "what"})
# Headings of a credit line that names the article's source ("Source: Head of the …").
SOURCE_LINE_HEADS = ("source", "sources")
# "was reported by the governor": the preposition of a passive reporting verb's speaker.
AGENT_PREPOSITIONS = frozenset({"by"})
# "A woman said", "the official": words before a title that are no part of it.
TITLE_DETERMINERS = frozenset({"a", "an", "the", "one"})
# "This was reported by the SES": a sentence that opens by pointing back.
POINTING_OPENERS = frozenset({"this", "that", "it", "these"})
# "There was talk of 30 dead": a phrase that makes a count an earlier, unattributed one.
HEARSAY_PHRASES = ("there was talk",)
