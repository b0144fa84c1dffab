"""English date words: month and weekday names, and the patterns of date expressions the date
resolver reads (each names its kind; `extract/dates.py` resolves a kind the same in any language)."""

from __future__ import annotations

import re

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Month by name or abbreviation ("sep", "sept"), 1-12.
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}
# Number words of "three weeks ago".
SMALL_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"])}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|" \
         r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# A date followed by one of these is a name ("the March 23 Movement", "6 April Youth Movement").
_NAME_HEADS = ("Movement", "Brigade", "Brigades", "Battalion", "Group", "Alliance", "Party", "Front",
               "Coalition", "Revolution", "Youth", "Square", "Street", "Avenue", "Bridge", "University",
               "Stadium", "Hospital", "School", "Memorial")
_NOT_A_NAME = r"(?! (?i:" + "|".join(_NAME_HEADS) + r")\b)"  # "the March 23 movement" too
# Ordered: the most specific forms first; a span taken by one is not matched again.
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A night across two days is dated by the later one, after midnight ("the night of Friday to
# Saturday", "the night of June 4-5"); a kind may have several patterns, resolved alike.
_NIGHT = r"\bnight (?:of|from) (?:the )?"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("weekday", re.compile(rf"{_NIGHT}{_WEEKDAY} (?:to|into|and) (?P<wd>{_WEEKDAY[3:-1]})\b", re.I)),
    ("weekday", re.compile(rf"\b(?:overnight|(?:in |during )?the night) (?:in)?to (?P<wd>{_WEEKDAY[3:-1]})\b",
                           re.I)),
    ("md", re.compile(rf"{_NIGHT}{_MONTH} [0-3]?\d ?(?:-|–|to|into) ?{_DAY}\b")),
    ("dm", re.compile(rf"{_NIGHT}[0-3]?\d ?(?:-|–|to|into) ?{_DAY} (?:of )?{_MONTH}\b")),
    # Days of a span are dated by the first ("on 29 and 30 November", "November 29-30"): ACLED
    # codes an event over several days by its start.
    ("dm", re.compile(rf"\b{_DAY} ?(?:-|–|and|to) ?[0-3]?\d(?:st|nd|rd|th)? (?:of )?{_MONTH}\b(?! \d)")),
    ("md", re.compile(rf"\b{_MONTH} {_DAY} ?(?:-|–|and|to) ?[0-3]?\d\b(?!,? \d)")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("dmy", re.compile(rf"\b{_DAY} (?:of )?{_MONTH},? {_YEAR}\b")),
    ("mdy", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b")),
    ("numeric", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("dm", re.compile(rf"\b{_DAY} (?:of )?{_MONTH}\b(?! \d){_NOT_A_NAME}")),
    ("md", re.compile(rf"\b{_MONTH} {_DAY}\b(?!,? \d)(?!-){_NOT_A_NAME}")),
    ("month_year", re.compile(rf"\b(?:in |of |since )?{_MONTH},? {_YEAR}\b")),
    ("weekday", re.compile(r"\b(?P<rel>last |this |next |on |early |late )?(?P<wd>Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|the (?:day before|previous day|preceding day))\b", re.I)),
    # Days after the event the story last dated ("A day later, another strike …"), not after writing.
    ("later", re.compile(r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven) days? later|"
                         r"(?:hours|an hour|minutes) later|the (?:next|following) (?:day|morning|evening|night))\b",
                         re.I)),
    ("today", re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight|"
                         r"earlier today)\b", re.I)),
    ("overnight", re.compile(r"\b(?:overnight|last night)\b", re.I)),
    ("last_month_name", re.compile(rf"\b(?P<rel>last|this|in|early|late|mid-?|since) {_MONTH}\b"
                                   r"(?! \d)")),
    ("ago", re.compile(r"\b(?:(?:less|more) than |about |some |nearly |almost )?(?P<n>\d+|a|an|one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|eleven|twelve) (?P<unit>day|week|month|year)s? "
                       r"(?:ago|earlier|before|after)\b", re.I)),
    ("last_week", re.compile(r"\b(?P<rel>last|this|earlier this|past) week(?:'s|’s)?\b", re.I)),
    ("last_month", re.compile(r"\b(?P<rel>last|this|earlier this) month(?:'s|’s)?\b", re.I)),
    ("last_year", re.compile(r"\blast year(?:'s|’s)?\b", re.I)),
    # "05/03/2023": day first or month first, as the newsroom writes; the numbers or the day of
    # writing tell which
    ("slash", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")),
]

# Words that make a date the bound of a period, not the day of an event.
PERIOD = re.compile(r"\b(?:since|as of|until|till|through|throughout)\s+(?:early |late |mid-?)?$", re.I)
# An opening that makes a date the start of a count ("since March 2015"), not an event's day.
SINCE = "since"

# Figures over a period, a war or separate attacks ("since March 2015", "in 24 hours", "so far
# this year", "in separate attacks") are not one incident's toll.
_MONTH_WORDS = "January|February|March|April|May|June|July|August|September|October|November|December"
AGGREGATE = re.compile(
    rf"\bsince (?:the |early |late |mid-?)?(?:start|beginning|outbreak|war|invasion|conflict|fighting|"
    rf"insurgency|uprising|{_MONTH_WORDS}|(?:19|20)\d\d|Russia launched)"
    r"|\b(?:in|over|within|during) (?:the )?(?:past |last |previous |first )?"
    r"(?:\d+|one|two|three|four|six|twelve|a|24|48) (?:hours|days|weeks|months|years|month|year)\b"
    r"|\bover the (?:past|last) (?:day|week|month|year|24)"
    r"|\bso far this|\bthis year\b|\bin total since|\bduring the war|\bper day\b|\bsince 20\d\d"
    # "in recent months", "the airstrikes, which began in March 2015", "for more than 30 years"
    r"|\bin recent (?:days|weeks|months|years)\b|\b(?:which|that) began in\b"
    r"|\bfor (?:more than |nearly |almost |over )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:decades|years)\b"
    # figures summed over separate events ("killed in separate attacks"); a toll "across the
    # country" or "in three cities" can be one coordinated attack's (Easter 2019 in Sri Lanka)
    r"|\bin (?:two |three |several |)separate (?:attacks|incidents|strikes|raids|assaults)\b", re.I)

# Words of a relative date's "rel" group, by what they mean.
NEXT_WORDS = frozenset({"next"})  # "next Friday": no past event
LAST_WORDS = frozenset({"last"})  # "last Friday": a week back on a Friday
BACK_WORDS = frozenset({"last", "past"})  # "last week", "the past week"
ONE_ARTICLES = frozenset({"a", "an"})  # "a week ago"
LATER = "later"  # "hours later" (no count of days): the same day
# Units of "three weeks ago", as the unit codes the resolver counts in.
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
