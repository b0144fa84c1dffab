"""English number words, qualifier phrases and vague quantities: what the number parser reads."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
}
# Words that multiply the number before them ("two hundred", "a dozen").
SCALE: dict[str, int] = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
# Standalone words that count only when they clearly stand for a number of people.
WEAK_WORDS = frozenset({"a", "an", "no", "single", "several"})
# Weak vague words that are a count before these words: "several others were wounded", "several
# other injuries" add to a toll (ACLED's 3), where "several bodies" or "several victims" count nothing.
COUNTED_BEFORE: dict[str, frozenset[str]] = {"several": frozenset({"other", "others"})}

# Words for a vague quantity -> its concept; the value per concept is ACLED's
# (`harmledger.conventions.VAGUE_QUANTITIES`).
VAGUE_WORDS: dict[str, str] = {
    "dozens": "dozens",
    "dozen": "dozens",
    "tens": "tens",
    "hundreds": "hundreds",
    "scores": "scores",
    "thousands": "thousands",
    "several": "several",
}
# Words before a vague quantity that belong to its figure ("several dozen", "many hundreds").
VAGUE_PREMODIFIERS = ("several", "many", "few")

# Words before a figure and the qualifier they give it (codes: `harmledger.conventions.QUALIFIER_CODES`).
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

# Words that make a following number something other than a head count.
NOT_COUNTS = frozenset({
    "year", "years", "old", "km", "kilometres", "kilometers", "miles", "metres", "meters", "m",
    "hours", "hour", "minutes", "days", "weeks", "months", "percent", "%", "per", "times",
    "missiles", "missile", "rockets", "drones", "shells", "buildings", "houses", "homes",
    "million", "billion", "tonnes", "tons", "kg", "am", "pm", "a.m.", "p.m.", "storey",
    "floors", "floor", "apartments", "cars", "vehicles", "trains", "st", "th", "nd", "rd",
})

# Ranges: "between 20 and 25", "20 to 25", "20 or 25" ("from 20 to 25" is a change, not a range).
RANGE_OPENERS = frozenset({"between"})
BETWEEN_JOINERS = frozenset({"and"})
RANGE_JOINERS = frozenset({"to", "or", "\u2013"})
# Words before a number that make it a label: "No. 5", "hostel 2".
NUMBER_LABELS = frozenset({"no.", "number", "#", "hostel", "no"})
# Between the days of a span of a month: "June 4-5", "June 4 and 5".
DAY_SPAN_JOINERS = frozenset({"-", "\u2013", "and", "to"})
# "a 9-year-old", "a 16-storey block", "a 2-hour siege": a measure, not a count.
MEASURE_UNITS = frozenset({"year", "years", "month", "storey", "hour"})
# Words inside a number's words that add nothing: "two hundred and five", "twenty-one".
NUMBER_FILLERS = frozenset({"and", "-"})
# "a hundred", "a thousand": the article that counts one of a scale word.
ONE_ARTICLES = frozenset({"a", "an"})
