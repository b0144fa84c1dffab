"""Field conventions in one documented table: vague quantities, lexicons and grades.

ACLED codes vague quantities as fixed numbers ("dozens" = 12, "tens" = 10, "hundreds" = 100,
"scores" = 40); UCDP keeps low / best / high. Both conventions are encoded here only.
"""

from __future__ import annotations

# ACLED's coding of vague quantities (low figure, qualifier "about", open high).
VAGUE_QUANTITIES: dict[str, int] = {
    "dozens": 12,
    "dozen": 12,
    "tens": 10,
    "hundreds": 100,
    "scores": 40,
    "thousands": 1000,
    "several": 3,
}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
}

# Words before a figure and the qualifier they give it.
QUALIFIERS: dict[str, str] = {
    "at least": "at_least",
    "a minimum of": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "nearly": "about",
    "almost": "about",
    "close to": "about",
    "an estimated": "about",
    "estimated": "about",
    "up to": "up_to",
    "as many as": "up_to",
}

# Lemmas that make a figure a death or an injury count.
KILLED_WORDS = frozenset({
    "kill", "killed", "dead", "die", "died", "death", "toll", "fatality", "fatalities",
    "body", "bodies", "life", "lives", "perish", "slay", "victim", "destroy",
})
# Hospitalised people are a subset of the injured, never the injured total: not listed here.
INJURED_WORDS = frozenset({"injure", "injured", "wound", "wounded", "hurt", "injury", "injuries"})
CASUALTY_WORDS = frozenset({"casualty", "casualties"})

# Nouns naming a subgroup of victims, and the group they stand for.
GROUPS: dict[str, str] = {
    "child": "children", "children": "children", "kid": "children", "minor": "children",
    "boy": "children", "girl": "children", "teenager": "children", "infant": "children",
    "baby": "children",
    "civilian": "civilians",
    "soldier": "soldiers", "serviceman": "soldiers", "servicemen": "soldiers",
    "troop": "soldiers", "servicemember": "soldiers", "fighter": "soldiers",
    "militant": "soldiers", "marine": "soldiers", "military": "soldiers", "personnel": "soldiers",
    "woman": "women", "women": "women",
    "police": "police officers", "policeman": "police officers", "officer": "police officers",
    "rescuer": "rescuers", "firefighter": "rescuers",
    "attacker": "attackers", "assailant": "attackers", "gunman": "attackers", "gunmen": "attackers",
    "bomber": "attackers", "shooter": "attackers",
    "teacher": "teachers", "student": "students", "pupil": "students", "schoolchild": "children",
    "journalist": "journalists", "reporter": "journalists", "farmer": "farmers",
    "person": "all", "people": "all", "resident": "all", "passenger": "all", "folk": "all",
    "folks": "all", "individual": "all",
}

# Nouns for people that name their own group ("180 foreign mercenaries", "12 service members").
PEOPLE_NOUNS = frozenset({
    "mercenary", "member", "worker", "employee", "journalist", "volunteer", "medic", "doctor",
    "nurse", "student", "pupil", "miner", "farmer", "prisoner", "detainee", "refugee", "evacuee",
    "pilot", "sailor", "guard", "staff", "official", "diplomat", "peacekeeper", "instructor",
})

# Event type lexicon: lemma or phrase -> event type (first match in a sentence wins by order).
EVENT_TYPES: list[tuple[str, str]] = [
    ("drone", "drone_strike"),
    ("shahed", "drone_strike"),
    ("airstrike", "airstrike"),
    ("air strike", "airstrike"),
    ("air raid", "airstrike"),
    ("bombardment", "shelling"),
    ("missile", "missile_strike"),
    ("rocket", "missile_strike"),
    ("shelling", "shelling"),
    ("shell", "shelling"),
    ("artillery", "shelling"),
    ("mortar", "shelling"),
    ("suicide bomb", "bombing"),
    ("car bomb", "bombing"),
    ("bombing", "bombing"),
    ("explosion", "bombing"),
    ("blast", "bombing"),
    ("shooting", "shooting"),
    ("gunman", "shooting"),
    ("gunmen", "shooting"),
    ("gunfire", "shooting"),
    ("opened fire", "shooting"),
    ("strike", "missile_strike"),
    ("struck", "missile_strike"),
    ("attack", "other"),
]

# Nouns that name what was hit (a target phrase is built around the first one found).
TARGET_NOUNS = frozenset({
    "station", "mall", "centre", "center", "building", "block", "apartment", "house", "houses",
    "dormitory", "dormitories", "hostel", "hospital", "school", "market", "theatre", "theater",
    "airport", "airfield", "depot", "plant", "factory", "convoy", "train", "bridge", "office",
    "administration", "headquarters", "base", "barracks", "church", "port", "restaurant",
    "hotel", "cafe", "shelter", "facility", "infrastructure", "village", "residential",
    "substation", "warehouse", "university", "kindergarten", "museum", "stadium", "gate",
})

WEAPON_WORDS = frozenset({
    "tochka-u", "tochka", "iskander", "kalibr", "kh-22", "x-22", "kh-101", "himars", "s-300",
    "grad", "smerch", "uragan", "shahed", "lancet", "cluster", "kinzhal", "oniks", "tornado",
})

REPORTING_VERBS = frozenset({
    "say", "tell", "report", "state", "write", "announce", "confirm", "claim", "add", "declare",
    "post", "note", "insist", "assert", "estimate", "put", "update", "publish", "quote",
    "comment", "explain", "warn", "allege", "acknowledge", "admit", "record",
    "reveal", "disclose", "inform", "tweet", "specify", "clarify", "recount", "relay", "indicate",
})
# Nameless collective sources ("officials said"): a named source for the same figure refines them.
GENERIC_SOURCES = frozenset({"officials", "authorities", "sources", "officers", "reports"})
# Openers of the recap paragraph news sites add under a story ("As reported earlier, …"):
# figures there are the reporter's summary, not the relayed official's.
RECAP_OPENERS = ("as reported", "as previously reported", "it will be recalled", "recall that",
                 "as a reminder", "we remind", "context")
BLAME_VERBS = frozenset({"accuse", "blame"})
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})

GRADES = ("single_source", "corroborated", "disputed")
