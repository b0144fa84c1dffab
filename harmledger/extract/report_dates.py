"""Dates of the reporting, not of the event: the day a statement was made or a toll rose, or a
photo caption's date line opening an article."""

from __future__ import annotations

from spacy.tokens import Span

from harmledger.extract.dates import DateMatch
from harmledger.extract.lang.en.lexicon import TOLL_CHANGE_VERBS
from harmledger.extract.lang.en.speech import BLAME_VERBS, DENIAL_VERBS, REPORTING_VERBS, TOLL_SETTING_VERBS
from harmledger.extract.lang.en.syntax import PRESENT_TENSE_TAGS

_STATEMENT_VERBS = REPORTING_VERBS | BLAME_VERBS | DENIAL_VERBS | TOLL_SETTING_VERBS


def dates_the_report(sent: Span, match: DateMatch, index: int) -> bool:
    """True for a date of the reporting, not of the event: the day a statement was made or a toll
    rose ("Kim wrote on Telegram on Friday", "the toll reached 30 on Monday"), or the date line of
    a photo caption opening the article ("Rescuers clear the scene … on July 10, 2022.")."""
    if index == 0 and sent.root.tag_ in PRESENT_TENSE_TAGS and sent.root.lemma_ not in REPORTING_VERBS \
            and match.kind in ("mdy", "dmy") and not sent.text[match.end:].strip(" .\n"):
        return True
    span = sent.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    # a toll's date follows its verb ("reached 30 on Monday"); one before it is usually the
    # strike's, misattached by the parser ("killed when rockets struck … on Saturday night has
    # climbed past 30")
    # "accused the M23 on Thursday of massacring": an accusation or a denial is dated by its
    # making, as a statement is
    return head.lemma_ in _STATEMENT_VERBS \
        or (head.lemma_ in TOLL_CHANGE_VERBS and span.start > head.i)
