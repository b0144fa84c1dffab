"""English casualty, people and group words: what makes a figure a death or an injury count, and
whose; and the phrasings no single word carries ("lost their lives", "sustained injuries")."""

from __future__ import annotations

# Lemmas that make a figure a death or an injury count.
KILLED_WORDS = frozenset({
    "kill", "killed", "dead", "die", "died", "death", "toll", "fatality", "fatalities",
    "body", "bodies", "life", "lives", "perish", "slay", "victim", "destroy",
})
# Hospitalised people are a subset of the injured, never the injured total: not listed here.
INJURED_WORDS = frozenset({"injure", "injured", "wound", "wounded", "hurt", "injury", "injuries"})
CASUALTY_WORDS = frozenset({"casualty", "casualties"})

# (verb lemma, object lemma) -> the kind of count the phrase makes.
CASUALTY_IDIOMS: dict[tuple[str, str], str] = {
    ("lose", "life"): "killed", ("claim", "life"): "killed", ("take", "life"): "killed",
    ("cost", "life"): "killed", ("meet", "death"): "killed", ("meet", "end"): "killed",
    ("sustain", "injury"): "injured", ("suffer", "injury"): "injured", ("receive", "injury"): "injured",
    ("sustain", "wound"): "injured", ("suffer", "wound"): "injured", ("receive", "wound"): "injured",
    ("sustain", "burn"): "injured", ("suffer", "burn"): "injured",
}
# Dying verbs WordNet files under another first sense ("succumb": to give in).
EXTRA_DIE_VERBS = frozenset({"succumb"})
# Words after a verb that make its count a death count: "shot dead", "found dead", "beaten to death".
DEATH_COMPLEMENTS = frozenset({"dead", "death"})
# People nouns that name the dead themselves: "more than 100 martyrs", "the deceased".
DEAD_PEOPLE = frozenset({"martyr", "deceased", "dead"})
# Plural nouns for the people a toll counts, without a kind of their own: "among the victims".
VICTIM_NOUNS = frozenset({"victims", "fatalities"})
# Nouns for a whole conflict: as the subject of a toll they make it the war's, not an incident's.
CONFLICT_NOUNS = frozenset({"war", "conflict", "insurgency", "uprising", "crisis", "violence", "rebellion",
                            "campaign", "invasion", "occupation", "bloodshed"})
# Verbs of a toll changing: their date is when the count was updated, not when the strike was.
TOLL_CHANGE_VERBS = frozenset({"reach", "rise", "climb", "grow", "increase", "jump", "stand"})

# Words a figure may stand before its kind word in ("18 people were killed").
BRIDGE_WORDS = frozenset({"people", "persons", "person", "others", "other", "more", "were", "was",
                          "have", "has", "had", "been", "are", "is", "reportedly", "being", "further",
                          "also", "confirmed", "killed", "injured", "among", "the", "of", "them",
                          "ukrainian", "russian", "civilians", "civilian", "children", "child",
                          "soldiers", "residents", "passengers", "servicemen", "troops", "already",
                          "now", "later", "reported", "said", "believed", "thought", "known", "feared",
                          "to", "still", "previously", "initially", "so", "far", "all", "be"})
# Outcomes that are not death or injury: a figure right before them is not a toll.
OTHER_OUTCOMES = frozenset({
    "missing", "rescued", "evacuated", "hospitalized", "hospitalised", "hospitalize", "hospitalise",
    "remain", "remained", "remains", "trapped", "identified", "applied", "sought", "went", "buried",
    "require", "required", "requires", "need", "needed", "saved", "displaced", "detained",
    "arrested", "captured", "treated", "discharged", "left", "fled", "unaccounted", "freed",
})
# The same outcomes as nouns: a figure they govern counts the evacuated, not the victims.
OUTCOME_NOUNS = frozenset({"evacuation", "rescue", "displacement", "arrest", "detention", "relocation"})
# Outcomes kept as their own kinds: reported, but never a killed or injured figure.
OWN_KINDS = {"missing": "missing", "hospitalized": "hospitalised", "hospitalised": "hospitalised",
             "hospitalize": "hospitalised", "hospitalise": "hospitalised", "evacuated": "evacuated",
             "evacuate": "evacuated"}
# Articles that count one: "killing a Yemeni man" is a toll of one.
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# Words that open a subgroup of the figure before them: "including two children".
SUBGROUP_OPENERS = frozenset({"including", "incl", "among"})
# Words before "a" that open a list of single victims: "among them a policeman".
# "among them a policeman": words before "a" that open a group's one member.
MEMBER_OPENERS = SUBGROUP_OPENERS | {"them"}
LIST_OPENERS = MEMBER_OPENERS | {":", "are", "were"}
# Words before a number that make it an age: "children under 10", "aged 12".
AGE_MARKERS = frozenset({"under", "aged", "age", "ages", "over"})
# Words after "no" that make it no report, not no victims: "no reports of casualties".
ZERO_BLOCKERS = frozenset({"signs", "reports", "report", "information", "word", "data", "immediate",
                           "details", "evidence"})

# Nouns naming a subgroup of victims, and the group they stand for.
GROUPS: dict[str, str] = {
    "child": "children", "children": "children", "kid": "children", "minor": "children",
    "boy": "children", "girl": "children", "teenager": "children", "infant": "children",
    "baby": "children",
    "civilian": "civilians", "citizen": "civilians",
    "soldier": "soldiers", "serviceman": "soldiers", "servicemen": "soldiers",
    "troop": "soldiers", "servicemember": "soldiers", "marine": "soldiers", "military": "soldiers",
    "personnel": "soldiers",
    # armed men who are not a state's army: rebels, militants (README's `fighters`)
    "fighter": "fighters", "militant": "fighters", "rebel": "fighters", "insurgent": "fighters",
    "jihadist": "fighters", "combatant": "fighters", "guerrilla": "fighters",
    "woman": "women", "women": "women",
    "police": "police officers", "policeman": "police officers", "officer": "police officers",
    "rescuer": "rescuers", "firefighter": "rescuers",
    "attacker": "attackers", "assailant": "attackers", "gunman": "attackers", "gunmen": "attackers",
    "bomber": "attackers", "shooter": "attackers",
    "teacher": "teachers", "student": "students", "pupil": "students", "schoolchild": "children",
    "journalist": "journalists", "reporter": "journalists", "farmer": "farmers",
    "staff": "staff", "staffer": "staff", "foreigner": "foreigners",
    "person": "all", "people": "all", "resident": "all", "passenger": "all", "folk": "all",
    "folks": "all", "individual": "all",
}

# Two-word names of a group (modifier lemma, noun lemma): "foreign nationals", "staff members".
GROUP_PHRASES: dict[tuple[str, str], str] = {
    ("foreign", "national"): "foreigners", ("foreign", "tourist"): "foreigners",
    ("foreign", "citizen"): "foreigners", ("foreign", "visitor"): "foreigners",
    ("foreign", "worker"): "foreigners",
    ("staff", "member"): "staff", ("security", "guard"): "security guards",
}
# Group nouns counted as a group only beside other groups in a breakdown ("102 men, 17 women
# and 12 children"); alone ("two men were killed") they are the whole toll.
BREAKDOWN_GROUPS: dict[str, str] = {"man": "men"}
# Determiners and possessives between "of"/"among" and the people they point at:
# "nine of the dead", "three of its staffers", "among those killed".
PARTITIVE_DETERMINERS = frozenset({"the", "those", "these", "its", "their", "his", "her", "our"})
# Pronouns after "of" that make a figure a part of one before it: "five of them", "two of whom".
PARTITIVE_PRONOUNS = frozenset({"them", "whom", "which"})

# Nouns for people that name their own group ("180 foreign mercenaries", "12 service members").
PEOPLE_NOUNS = frozenset({
    "mercenary", "member", "worker", "employee", "journalist", "volunteer", "medic", "doctor",
    "nurse", "student", "pupil", "miner", "farmer", "prisoner", "detainee", "refugee", "evacuee",
    "pilot", "sailor", "guard", "staff", "official", "diplomat", "peacekeeper", "instructor",
    "national", "tourist",
})

# Function words the figure rules look for around a number, each named for its role.
PART_OF = frozenset({"of"})  # "five of them", "one of the cities"
RANGE_FROM = frozenset({"from"})  # "from 30 to 39": the first is the old toll
RANGE_TO = frozenset({"to"})
# Between "of" and a figure that is a part of an earlier count: "of the 66 people hospitalised".
SUBSET_DETERMINERS = frozenset({"the", "those", "these"})
# After "N of": a part of another figure ("25 of them hospitalised") …
SUBSET_PRONOUNS = frozenset({"them", "whom", "which", "those"})
# … words that still count people ("dozens of them") …
COUNTED_PRONOUNS = frozenset({"them", "whom", "those"})
# … and that name the group in the next word ("five of them children").
GROUP_PRONOUNS = frozenset({"them", "whom"})
# Words that count one as a list's item: "14 students and a teacher", "one teacher".
ONE_ITEM = frozenset({"a", "an", "one"})
# Between the ages of a list of victims: "a 7-year-old boy, a 40-year-old teacher and a …".
LIST_JOINERS = frozenset({"and", ","})
AGE_UNIT = frozenset({"year"})  # "a 9-year-old"
# "were taken to hospital with injuries", "treated 31 people for shrapnel wounds": the
# prepositions that name what they suffered, and the kinds each can name ("for" only a wound:
# "detained two men for the killing" counts no dead).
CAUSE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "with": frozenset({"killed", "injured"}),
    "for": frozenset({"injured"}),
}
# "a strike on a dormitory also killed two": another strike's count.
ADDITION_WORDS = frozenset({"also"})
# "killed or wounded dozens": joiners of two kinds side by side into one figure.
ALTERNATIVE_JOINERS = frozenset({"or", "and/or"})
# "30 people were killed and injured", "the dead and wounded": a joiner that makes one figure of
# two kinds only between participles or adjectives ("shot and killed 14" is a death toll).
BOTH_JOINERS = frozenset({"and"})
# "beaten to death": the noun that makes a verb's complement a death.
DEATH_OBJECTS = frozenset({"death"})
# "No one was hurt", "nobody": the words of a zero.
NOBODY = frozenset({"nobody"})
NO_WORDS = frozenset({"no"})
ONE_WORDS = frozenset({"one"})
AMONG = frozenset({"among"})
# "three more bodies were found": words after a figure that add to a toll.
INCREMENT_WORDS = frozenset({"more", "additional", "further"})
# Verbs whose subject did the harm ("two bombers killed 20"), beside WordNet's killing and wounding.
AGENT_VERBS = frozenset({"kill", "attack", "target"})
# Nouns a figure counts people with beside the groups and kinds: "12 others", "30 dead".
PEOPLE_COUNTERS = frozenset({"other", "others", "more", "dead", "wounded"})
# "1 person died in hospital": phrases after a figure that make it an addition to a toll.
INCREMENT_PHRASES = ("died in hospital", "died in the hospital")
