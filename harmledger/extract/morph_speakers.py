"""Who gave a figure, read by lemmas: the subject of a reporting verb ("повідомив X", "X сообщил"),
"за даними X" / "по словам X", the speaker after a closing quotation ("», – написав він"), a
pronoun's last named speaker, and "Про це повідомив X" for the figures told just before it.

Claimants stay in the article's words (as the labels do); `reporter` when none is named.
"""

from __future__ import annotations

from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.lang.grammemes import (
    ABBREVIATION,
    FULL_ADJECTIVE,
    FULL_PARTICIPLE,
    LATIN,
    NOMINATIVE,
)
from harmledger.extract.morph import Sentence, Tok
from harmledger.models import Claim, ClaimKind

_MAX_WORDS = 9  # a speaker phrase longer than this has run into the rest of the sentence
_OPEN_QUOTES = "«“„"
_CLOSE_QUOTES = "»”"
_NOT_NAMES = frozenset({"PREP", "CONJ", "ADVB", "PRCL", "INTJ", "PRED", "COMP"})


def _phrase(toks: tuple[Tok, ...], start: int, step: int, pack: CyrillicPack) -> list[Tok]:
    """The run of name-like words from `start` in direction `step` (1 forward, -1 backward)."""
    out: list[Tok] = []
    i = start
    while 0 <= i < len(toks) and len(out) < _MAX_WORDS:
        t = toks[i]
        if t.text in "«»\"“”" and out:
            i += step
            continue
        if step < 0 and t.is_word and t.low in pack.locatives and out:
            out = []  # "Зеленський у своєму зверненні повідомив": past the place of saying
            i += step
            continue
        if not t.is_word or t.low in pack.speaker_stops or t.has(pack.reporting_verbs) or \
                (t.verb and not t.capital) or t.has(pack.according_heads) and not out or \
                t.low in pack.months or (t.pos & _NOT_NAMES and not t.pos & {"NOUN"}):
            break
        if not t.nominal:
            break
        out.append(t)
        i += step
    return out if step > 0 else out[::-1]


def _text(words: list[Tok]) -> str:
    return " ".join(t.text for t in words).strip(" -–—")


def _nominative(words: list[Tok]) -> bool:
    """A subject phrase has a word that can be nominative (its head: "Министерство обороны России")
    or one with no case at all (an abbreviation)."""
    return any(not t.cases or NOMINATIVE in t.cases for t in words)


def _useful(words: list[Tok], pack: CyrillicPack) -> bool:
    """A speaker phrase names someone: not empty, not an adverb ("також", "раніше") alone."""
    return bool(words) and any(t.capital or "NOUN" in t.pos or ABBREVIATION in t.pos for t in words)


def speaker_in(toks: tuple[Tok, ...], pack: CyrillicPack) -> str | None:
    """The speaker a span of tokens names: "за даними X", or the subject of its reporting verb
    (after the verb when it leads, "Про це повідомив X"; else before it, "X заявив"); a pronoun
    as its own text (resolved by the caller)."""
    for i, t in enumerate(toks):
        if t.is_word and t.low in pack.according_prepositions:
            j = i + 1
            while j < len(toks) and toks[j].is_word and not toks[j].has(pack.according_heads) and \
                    (FULL_ADJECTIVE in toks[j].pos or FULL_PARTICIPLE in toks[j].pos) and j - i < 4:
                j += 1
            if j < len(toks) and toks[j].has(pack.according_heads) and toks[j].low not in pack.speaker_stops:
                words = _phrase(toks, j + 1, 1, pack)
                if _useful(words, pack):
                    return _text(words)
    for i, t in enumerate(toks):
        if not (t.is_word and t.has(pack.reporting_verbs) and t.verb):
            continue
        before = _phrase(toks, i - 1, -1, pack)
        after = _phrase(toks, i + 1, 1, pack)
        if after and after[0].low in pack.pronouns:
            return after[0].low
        if before and before[-1].low in pack.pronouns:
            return before[-1].low
        # a subject stands in the nominative ("у своєму ТГ-каналі сказав X": the channel is not)
        if _useful(before, pack) and _nominative(before):
            return _text(before)
        if _useful(after, pack):
            return _text(after)
        # "сообщается в Telegram-канале штаба", "в ГСЧС сообщали": the body that put it out
        for j in (i + 1, i + 2):
            if j < len(toks) and toks[j].is_word and toks[j].has(pack.locatives):
                channel = _phrase(toks, j + 1, 1, pack)
                while len(channel) > 1 and LATIN in channel[0].pos:
                    channel = channel[1:]  # "у Telegram міський голова": the speaker after the channel
                if _useful(channel, pack):
                    return _text(channel)
        # "в ГСЧС сообщали", "У Повітряних силах ЗСУ повідомили": the body where it was said
        body = _place_of_saying(toks, i, pack)
        if body:
            return _text(body)
    return None


def _place_of_saying(toks: tuple[Tok, ...], verb: int, pack: CyrillicPack) -> list[Tok]:
    """The capitalised phrase after a locative preposition just before a reporting verb."""
    k = verb - 1
    while k >= 0 and toks[k].is_word and toks[k].low not in pack.locatives and verb - k <= _MAX_WORDS:
        k -= 1
    if k < 0 or not toks[k].is_word or toks[k].low not in pack.locatives:
        return []
    words = [t for t in toks[k + 1:verb] if t.is_word]
    if not words or not any(t.capital for t in words) or any(t.verb and not t.capital for t in words):
        return []
    return words


def stance_claims(sent: Sentence, pack: CyrillicPack) -> list[Claim]:
    """Blame ("Україна звинуватила Росію") and denial ("Украина отрицает обвинения") statements,
    credited to the subject before the verb; none when no subject is named ("звинуватили")."""
    out: list[Claim] = []
    for i, t in enumerate(sent.tokens):
        if not (t.is_word and t.verb):
            continue
        kind = "blame" if t.has(pack.blame_verbs) else "denial" if t.has(pack.denial_verbs) else None
        if kind is None:
            continue
        who = _phrase(sent.tokens, i - 1, -1, pack)
        if _useful(who, pack) and _nominative(who):
            # a blame names whom it accuses after its verb ("звинуватила Росію"); a denial, its speaker
            target = _phrase(sent.tokens, i + 1, 1, pack) if kind == ClaimKind.blame else who
            out.append(Claim(kind=ClaimKind(kind), claimant=_text(who), evidence=sent.text, start=sent.start,
                             end=sent.end,
                             accused=_text(target) if target else ""))
    return out


def _quote_span(text: str, at: int) -> tuple[int, int] | None:
    """The quotation (open, close offsets in `text`) that character `at` stands inside, if any."""
    depth_open = -1
    for i in range(at, -1, -1):
        if (text[i] in _CLOSE_QUOTES and i != at) or text[i] == "\n":
            return None
        if text[i] in _OPEN_QUOTES:
            depth_open = i
            break
    if depth_open < 0:
        return None
    close = next((i for i in range(at, len(text)) if text[i] in _CLOSE_QUOTES), -1)
    return (depth_open, close) if close > 0 else None


class Voices:
    """Claimants for the figures of one article, sentence by sentence."""

    def __init__(self, text: str, sents: list[Sentence], pack: CyrillicPack, language: str) -> None:
        self.text = text
        self.sents = sents
        self.pack = pack
        self.language = language
        self.last_named: str | None = None
        self.own = [self._resolve(speaker_in(s.tokens, pack)) for s in sents]

    def _resolve(self, found: str | None) -> str | None:
        if found is None:
            return None
        if found in self.pack.pronouns:
            return self.last_named
        self.last_named = found
        return found

    def claimant(self, index: int, char: int) -> str:
        """Who gave a figure at character `char` of sentence `index`."""
        quote = _quote_span(self.text, char - 1 if char > 0 else 0)
        if quote is not None:
            said = self._speaker_of_quote(quote)
            if said:
                return said
        return self.own[index] or "reporter"

    def _speaker_of_quote(self, quote: tuple[int, int]) -> str | None:
        """The speaker named right after a quotation closes ("», – заявив Зеленський") or in
        the clause that opens it ("Гладков заявив: «…")."""
        from harmledger.extract.morph import tokens

        open_at, close_at = quote
        end = self.text.find("\n", close_at)
        after = self.text[close_at + 1:end if end > 0 else len(self.text)]
        cut = min((i for i in (after.find(". "), after.find(".\n")) if i >= 0), default=len(after))
        found = speaker_in(tokens(after[:cut], self.language), self.pack)
        if found is None:
            start = self.text.rfind("\n", 0, open_at) + 1
            found = speaker_in(tokens(self.text[start:open_at], self.language), self.pack)
        if found in self.pack.pronouns:
            index = next((i for i, s in enumerate(self.sents) if s.start > close_at), len(self.sents))
            return next((o for o in reversed(self.own[:index]) if o), None)
        return found

    def about_this(self, index: int) -> bool:
        """True when sentence `index` opens with "Про це повідомив …" (hands its speaker back)."""
        toks = self.sents[index].tokens
        for phrase in self.pack.about_this:
            words = phrase.split()
            if len(toks) > len(words) and all(toks[k].low == w for k, w in enumerate(words)) and \
                    any(t.has(self.pack.reporting_verbs) and t.verb for t in toks[len(words):]):
                return True
        return False
