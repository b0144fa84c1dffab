"""English words around place names: locative prepositions, settlement, region and institution
words, compass and distance words, and the patterns of districts and headline places."""

from __future__ import annotations

import re

from harmledger.extract.lang.en.dates import MONTH_NAMES, WEEKDAY_NAMES

# "central Kharkiv", "eastern Donetsk": a part of a place is a place, whatever NER makes of it.
PARTS = frozenset({"central", "northern", "southern", "eastern", "western", "downtown"})
LOCATIVE = frozenset({"in", "near", "at", "of", "from", "outside", "on", "into", "towards",
                      "across", "around", "to", "over", "hit", "struck", "attacked", "shelled"}) | PARTS
# Prepositions that make the next capitalised word a place even when NER calls it a person.
STRONG_LOCATIVE = frozenset({"in", "near", "at", "outside", "from", "into", "towards"}) | PARTS
# Prepositions that put an attack at a place ("a missile attack on Krasnohrad").
STRUCK_AT = frozenset({"in", "on", "at", "near", "outside", "into"})
# "rockets struck Lviv": NER often calls a struck city a person; the verb says it is a place.
STRUCK = frozenset({"hit", "struck", "attacked", "shelled", "bombed", "pounded", "targeted", "bombarded"})
# "an attack on Odesa", "strikes on Kharkiv": nouns after which "on" puts the attack at a place.
ATTACKED_ON = frozenset({"attack", "strike", "airstrike", "raid", "assault", "bombardment", "shelling",
                         "offensive"})
ATTACK_PREPOSITIONS = frozenset({"on"})
# "Kharkiv regional administration" is a building in Kharkiv, so "regional" is not listed.
REGION_WORDS = frozenset({"region", "oblast", "province", "governorate", "district", "state"})
# Words for a bare region that name no place on their own.
BARE_REGION_WORDS = ("oblast", "region")
# "the town of Chasiv Yar": settlement words before "of" and a name.
SETTLEMENTS = frozenset({"town", "city", "village", "settlement", "suburb", "port", "capital"})
# Settlement words that call a place small: "the village of X" is no city of 100,000.
VILLAGE_WORDS = frozenset({"village", "hamlet"})
# "the Serhiyivka community", "Chaplyne village": settlement words after a name.
SETTLEMENTS_AFTER = frozenset({"community", "village", "town", "settlement", "hromada"})
# "the Donetsk military administration", "Kharkiv's governor": a town naming an institution.
INSTITUTIONS = frozenset({"administration", "council", "governor", "mayor", "authorities", "police",
                          "officials", "office", "prosecutor", "government", "ministry", "service",
                          "department", "military", "head", "chief", "spokesman", "spokeswoman"})
# Capitalised calendar words that are never a place ("May", "Sunday").
CALENDAR = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES)
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west"})
# Words between a preposition and the place they qualify: "in northeastern Congo", "in the far
# north-west of Syria".
AREA_WORDS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern",
                        "northwestern", "southeastern", "southwestern", "far", "-"}) | COMPASS
DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "miles", "mi", "metres", "meters"})
# "near the border with Mali": the place locates another.
BORDER_WORDS = ("border", "borders", "frontier")
# "fled to Dori", "taken to Kabul": where people went after, not the scene.
MOVEMENT_VERBS = frozenset({"flee", "take", "evacuate", "transport", "move", "rush", "bring", "send",
                            "airlift", "transfer", "relocate", "return", "escape", "travel", "drive", "fly"})
# "… shelling of regional administration building in Mykolaiv - Kim": a headline's place.
TITLE_PLACE = re.compile(r"\b(?:in|near|at|on|outside|hits?|strikes?|struck)\s+((?:[A-Z][\w'’-]+\s?){1,3})")

# "in the Slobidsky district of Kharkiv", "in Saltivka district".
DISTRICT = re.compile(
    r"\b([A-Z][a-zA-Z'’-]+)\s+(?:district|neighbou?rhood|micro-?district)\b(?!s)"
    r"|\b(?:district|neighbou?rhood)\s+of\s+([A-Z][a-zA-Z'’-]+)")
# Capitalised words before "district" that are not its name.
NOT_DISTRICT_NAMES = frozenset({"the", "a", "this", "that", "one", "same", "another", "each", "central", "city",
                                "residential", "industrial", "historic", "in", "of"})
# Words before a name that make it a place of its own, not part of a larger name ("Robb
# Elementary School in Uvalde", "Niger's Tahoua region").
OWN_NAME_OPENERS = frozenset({"'s", "’s", "in", "at", "near"})
# "in the town of Chasiv Yar", "the southern region of Odesa": the word after a settlement or region word.
PLACE_OF = frozenset({"of"})
# Lower-case articles joined by a hyphen inside Arabic place names ("Jisr al-Shughur", "Ras al-Ain",
# "Maarat al-Numan", "Deir ez-Zor"): part of the name, never its start.
NAME_PARTICLES = frozenset({"al", "el", "ash", "as", "ad", "an", "ar", "at", "az", "ath", "ez", "es", "ed", "en",
                            "er", "ul", "ud", "um"})
# "85 miles west of San Antonio", "fled from Dori": the words after a compass or distance word.
MEASURED_FROM = frozenset({"of", "from"})
# "the border with Mali"
BORDER_WITH = frozenset({"with"})
# "fled to Dori": the preposition of a movement's end.
MOVEMENT_TO = frozenset({"to"})
# "a strike on Kyiv by Moscow": prepositions after an actor verb that name an actor, not a scene.
ACTOR_PREPOSITIONS = frozenset({"on", "by"})
# "the Slobidsky district of Kharkiv" is a part of the city, not a region named after it.
CITY_PARTS = frozenset({"district"})
# "Ukraine's Interior Ministry": a possessive before an institution.
POSSESSIVES = frozenset({"'s", "’s"})
# "a Riyadh-led coalition", "Iran-backed rebels", "a UK-based monitor": a name before one of these
# (after a hyphen) is an affiliation, never the scene.
AFFILIATION_PARTICIPLES = frozenset({"led", "backed", "based", "installed", "appointed", "allied", "run",
                                     "funded", "supported", "aligned", "sponsored", "trained", "armed"})
# "the Donetsk regional governor", "the Kharkiv military administration head": a region's office,
# held by a person, names the region and never the scene ("Mariupol city officials" do name the
# city of the story; "the Kharkiv regional administration" may be the building hit).
INSTITUTION_MODIFIERS = frozenset({"regional", "oblast", "provincial", "state", "district", "military"})
OFFICE_HOLDERS = frozenset({"governor", "mayor", "officials", "official", "police", "prosecutor", "authorities",
                            "chief", "head", "spokesman", "spokeswoman"})
