"""English names in the gazetteer: everyday words that are also towns, region words, and the names
English news gives countries and regions; part of the gazetteer index's build inputs."""

from __future__ import annotations

# Town names that are also everyday English words and would be found in almost every article.
COMMON_WORDS = frozenset({
    "police", "most", "reading", "mobile", "nice", "bath", "of", "said", "march", "may", "union",
    "victoria", "justice", "university", "mission", "independence", "liberty", "president",
    "ministry", "regional", "city", "centre", "center", "station", "national", "american",
    "british", "european", "eastern", "western", "northern", "southern", "central", "deputy",
    "governor", "mayor", "minister", "general", "army", "state", "republic", "council", "media",
    "telegram", "twitter", "facebook", "reuters", "kremlin", "moscow times", "ukraine", "russia",
})
# Words around an admin1 name that the news drops or translates ("Muhafazat al Hudaydah" is
# "Hudaydah", "Nord Kivu" is "North Kivu"); folded names, matched as whole words.
ADMIN_WORDS = frozenset({"muhafazat", "governorate", "province", "region", "state", "oblast",
                         "district", "department", "prefecture", "county", "division",
                         "territory", "of", "al", "the",
                         # GeoNames keeps district names in the country's language
                         "du", "de", "des", "la", "le", "sous", "municipality", "raion"})
# Names of regions larger than any country's admin1 that share a name with one ("the Sahel" is
# a belt across Africa, and a region of Burkina Faso): never read as the admin1 when bare.
SUPRANATIONAL = frozenset({"sahel", "middle east", "maghreb", "levant", "balkans", "caucasus",
                           "horn of africa", "gulf", "west", "east", "north", "south", "centre",
                           "center", "central", "western", "eastern", "northern", "southern",
                           "north west", "north east", "south west", "south east", "coast",
                           "capital", "islands", "plateau"})
# Compass words of admin1 names in other languages, as English news writes them.
COMPASS_NAMES = {"nord": "north", "sud": "south", "est": "east", "ouest": "west", "norte": "north",
                 "sur": "south", "occidental": "west", "oriental": "east"}
# Names the news gives countries besides GeoNames' own: ISO code by name (folded at build).
COUNTRY_ALIASES: dict[str, str] = {
    "dr congo": "CD", "drc": "CD", "d r congo": "CD", "democratic republic of congo": "CD",
    "congo kinshasa": "CD", "congo brazzaville": "CG", "republic of congo": "CG",
    "us": "US", "u s": "US", "usa": "US", "u s a": "US", "america": "US",
    "united states of america": "US", "uk": "GB", "u k": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB", "uae": "AE", "emirates": "AE", "ivory coast": "CI",
    "cote d'ivoire": "CI", "burma": "MM", "the gambia": "GM", "holland": "NL",
    "czechia": "CZ", "turkiye": "TR", "east timor": "TL", "swaziland": "SZ", "macedonia": "MK",
    # AP style: bare "Congo" is the Democratic Republic, "Congo Republic" the other one
    "congo": "CD", "congo republic": "CG", "u.s.": "US", "u.k.": "GB", "czech republic": "CZ",
    "netherlands": "NL", "cape verde": "CV", "palestine": "PS", "palestinian territories": "PS",
    "occupied palestinian territory": "PS",
}
# The Arabic article as English news romanises it ("Deir el-Balah", "Deir al-Balah", "Ras an
# Naqoura", "Ash Shihr"): folded to "al" in every name and every lookup, so variants meet.
ARABIC_ARTICLES = ("el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et", "ez", "en")
