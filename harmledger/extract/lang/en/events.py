"""English attack words: the triggers of each event type, the nouns for what was hit, weapon names."""

from __future__ import annotations

import re

# Event type lexicon: lemma or phrase -> event type (first match in a sentence wins by order).
EVENT_TYPES: list[tuple[str, str]] = [
    ("drone", "drone_strike"),
    ("shahed", "drone_strike"),
    ("airstrike", "airstrike"),
    ("air strike", "airstrike"),
    ("air raid", "airstrike"),
    ("dropped a bomb", "airstrike"),
    ("dropped bombs", "airstrike"),
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
    # the device going off: "a bomb exploded", "an explosive device was detonated", "a bomb went
    # off" (not "bomb" alone: "bombed" says nothing of the weapon)
    ("explod", "bombing"),
    ("went off", "bombing"),
    ("detonat", "bombing"),
    ("explosive", "bombing"),
    ("grenade", "bombing"),
    ("landmine", "bombing"),
    ("shooting", "shooting"),
    ("gunman", "shooting"),
    ("gunmen", "shooting"),
    ("gunfire", "shooting"),
    ("opened fire", "shooting"),
    ("open fire", "shooting"),
    ("sniper", "shooting"),
    ("strike", "missile_strike"),
    ("struck", "missile_strike"),
    ("attack", "other"),
]
# Words that make a weak trigger ("strike", "attack") a strong one when the sentence names them.
STRENGTHENERS = re.compile(r"\b(?:missile|rocket)", re.I)

# Nouns that name what was hit (a target phrase is built around the first one found).
TARGET_NOUNS = frozenset({
    "station", "mall", "centre", "center", "building", "block", "apartment", "house", "houses",
    "dormitory", "dormitories", "hostel", "hospital", "school", "market", "theatre", "theater",
    "airport", "airfield", "depot", "plant", "factory", "convoy", "train", "bridge", "office",
    "administration", "headquarters", "base", "barracks", "church", "port", "restaurant",
    "hotel", "cafe", "shelter", "facility", "infrastructure", "village", "residential",
    "substation", "warehouse", "university", "kindergarten", "museum", "stadium", "gate",
    # gatherings and the places people crowd, hit in every war: "a funeral hall", "a wedding
    # party", "a school bus", "a mosque", "a festival crowd"
    "funeral", "wedding", "hall", "mosque", "bus", "checkpoint", "camp", "prison", "clinic",
    "bakery", "supermarket", "shop", "festival", "concert", "nightclub", "courthouse", "rally",
})
# Modifiers left out of a target phrase: whose it was is not what it was.
NOT_TARGET_MODIFIERS = ("russian", "ukrainian", "the")
# Target words that name one kind of place, for matching reports (resolve/features.target_words):
# "train" and "railway" = "station", "flats" = "apartment"; the uk/ru packs give targets in English.
TARGET_SYNONYMS = {
    "railway": "station", "train": "station", "rail": "station",
    "mall": "shopping", "centre": "shopping", "center": "shopping",
    "flats": "apartment", "block": "apartment", "residential": "apartment", "building": "apartment",
    "hostel": "dormitory", "dormitorie": "dormitory", "dorm": "dormitory",
}
# Words of a target phrase that say nothing of what was hit.
TARGET_STOP_WORDS = frozenset({"the", "a", "of", "city", "town", "local", "two", "several"})

WEAPON_WORDS = frozenset({
    "tochka-u", "tochka", "iskander", "kalibr", "kh-22", "x-22", "kh-101", "himars", "s-300",
    "grad", "smerch", "uragan", "shahed", "lancet", "cluster", "kinzhal", "oniks", "tornado",
})
# Weapon names whose variant follows them: "Tochka" then "-U" is the Tochka-U.
WEAPON_VARIANTS = {"tochka": ("-u", "Tochka-U")}
# Words whose "for"/"to" phrase names an attack as the reason for another ("in retaliation for a
# drone attack on Belgorod", "militants responsible for the rocket attack on Sderot"): that
# attack, its place and its day are not the event the sentence reports.
CAUSE_HEADS = frozenset({"retaliation", "revenge", "response", "reprisal", "responsible", "retribution"})
CAUSE_PREPOSITIONS = frozenset({"for", "to"})
