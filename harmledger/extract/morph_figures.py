"""Killed and injured figures in one sentence read by lemmas: the number, its qualifier, the
casualty word of its clause, its group, and the parts of a total ("серед них троє дітей").

A figure's kind is the casualty word after it in its clause ("20 загиблих", "40 людей отримали
поранення"), else the one before it ("загинули 47 людей", "поранено щонайменше 20 людей"); a toll
that "rose to" a figure takes the kind of the toll noun ("кількість загиблих зросла до 22").
"""

from __future__ import annotations

from dataclasses import dataclass

from harmledger.conventions import VAGUE_QUANTITIES
from harmledger.extract.lang.cyrillic import CyrillicPack
from harmledger.extract.lang.grammemes import (
    FULL_ADJECTIVE,
    NOMINATIVE,
    PLURAL,
)
from harmledger.extract.morph import Sentence, Tok
from harmledger.models import Claim, ClaimKind, Qualifier

_WINDOW = 4  # words looked at on each side of a figure for its casualty word
# Punctuation that ends a clause; dashes and colons stand between a label and its figure
# ("загиблих — 50", "Результат: 40 загиблих") and do not.
_CLAUSE_END = frozenset(",.;!?()«»“”\"")


@dataclass
class Figure:
    """A number found in a sentence: token span, value (low/high), vague concept."""

    first: int
    last: int  # index of its last token
    low: int
    high: int | None
    vague: bool = False


def find_figures(toks: tuple[Tok, ...], pack: CyrillicPack) -> list[Figure]:
    """The numbers of a sentence that could count people (not times, ages, years or kilometres)."""
    out: list[Figure] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        fig: Figure | None = None
        if t.is_digit:
            j, digits = i, t.text
            # "2 729": groups of three digits after a space are one number
            while len(digits) <= 6 and j + 1 < len(toks) and toks[j + 1].is_digit and len(toks[j + 1].text) == 3 \
                    and toks[j + 1].start == toks[j].end + 1 and len(toks[i].text) <= 3:
                j += 1
                digits += toks[j].text
            fig = Figure(i, j, int(digits), int(digits))
        elif t.is_word and (counted := _counted_noun(t, pack)) is not None:
            fig = Figure(i, i, counted, counted)
        elif t.is_word and t.low in pack.vague and not _after_number(toks, i, pack):
            fig = Figure(i, i, VAGUE_QUANTITIES[pack.vague[t.low]], None, vague=True)
        elif t.is_word and (value := _number_word(t, pack)) is not None:
            j, total = i, value
            while j + 1 < len(toks) and (nxt := _number_word(toks[j + 1], pack)) is not None and nxt < total \
                    and not toks[j + 1].has(pack.scale):
                total += nxt
                j += 1
            if j + 1 < len(toks) and toks[j + 1].has(pack.scale):
                j += 1
                total *= _scale(toks[j], pack)
            fig = Figure(i, j, total, total)
        elif t.is_word and t.has(pack.vague):
            concept = next(pack.vague[lemma] for lemma in t.lemmas if lemma in pack.vague)
            fig = Figure(i, i, VAGUE_QUANTITIES[concept], None, vague=True)
        if fig is not None and not fig.vague and i > 0 and toks[i - 1].is_word and toks[i - 1].has(pack.range_openers):
            fig = _range(toks, fig, pack)
        if fig is not None and not _not_a_count(toks, fig, pack):
            out.append(fig)
        i = (fig.last if fig is not None else i) + 1
    return out


def _range(toks: tuple[Tok, ...], fig: Figure, pack: CyrillicPack) -> Figure:
    """"від 20 до 25 людей": one figure, low 20 and high 25."""
    j = fig.last + 1
    if j + 1 < len(toks) and toks[j].is_word and toks[j].has(pack.range_joiners):
        end = toks[j + 1]
        value = int(end.text) if end.is_digit else _number_word(end, pack)
        if value is not None and value > fig.low:
            return Figure(fig.first, j + 1, fig.low, value)
    return fig


def _counted_noun(t: Tok, pack: CyrillicPack) -> int | None:
    """"десяток", "сотню" in the singular: the number they name (plural, they are vague)."""
    from harmledger.extract.morph import analyser

    if not t.has(pack.counted_nouns):
        return None
    parses = [p for p in analyser(pack.code).parse(t.low) if p.normal_form in pack.counted_nouns]
    if not parses or any(PLURAL in p.tag for p in parses):
        return None
    return pack.counted_nouns[parses[0].normal_form]


def _number_word(t: Tok, pack: CyrillicPack) -> int | None:
    if not t.is_word:
        return None
    if t.low in pack.numbers:
        return pack.numbers[t.low]
    values = {pack.numbers[lemma] for lemma in t.lemmas if lemma in pack.numbers}
    if len(values) == 1 and not t.pos & {"VERB", "NOUN"} - {"NUMR"}:
        return values.pop()
    if t.has(pack.scale) and t.low not in pack.vague:
        return _scale(t, pack)
    return None


def _scale(t: Tok, pack: CyrillicPack) -> int:
    return next(pack.scale[lemma] for lemma in t.lemmas if lemma in pack.scale)


def _after_number(toks: tuple[Tok, ...], i: int, pack: CyrillicPack) -> bool:
    """"дві тисячі": a scale word after a number is part of it, not a vague quantity."""
    return i > 0 and (toks[i - 1].is_digit or _number_word(toks[i - 1], pack) is not None)


def _not_a_count(toks: tuple[Tok, ...], fig: Figure, pack: CyrillicPack) -> bool:
    """Times, ages ("10-річний"), years, distances and things counted are no head counts."""
    first = toks[fig.first]
    if first.is_digit and len(first.text) == 4 and 1900 < fig.low < 2100:
        return True
    if "-" in first.text or (fig.last + 1 < len(toks) and toks[fig.last + 1].text in "-–" and fig.last + 2 < len(toks)
                             and toks[fig.last + 2].is_word and _is_age(toks[fig.last + 2], pack)):
        return True
    if fig.first > 0 and toks[fig.first - 1].text in "№#":
        return True
    nxt = toks[fig.last + 1] if fig.last + 1 < len(toks) else None
    if nxt is not None and (nxt.text in "%" or (nxt.is_word and (nxt.has(pack.not_counts) or nxt.low in pack.months)
                                                 and not nxt.has(pack.people))):
        return True
    return nxt is not None and nxt.text in ".:" and fig.last + 2 < len(toks) and toks[fig.last + 2].is_digit


def _age_not_count(toks: tuple[Tok, ...], fig: Figure, pack: CyrillicPack) -> bool:
    """A digit of five or more before a singular nominative noun is an age, not a count: counted
    nouns after such numbers stand in the genitive plural ("11 хлопчиків")."""
    if not toks[fig.first].is_digit or fig.low < 5 or fig.last + 1 >= len(toks):
        return False
    from harmledger.extract.morph import analyser

    parses = analyser(pack.code).parse(toks[fig.last + 1].low)
    nouns = [p for p in parses if p.tag.POS == "NOUN"]
    return bool(nouns) and all(NOMINATIVE in p.tag and PLURAL not in p.tag for p in nouns)


def _is_age(t: Tok, pack: CyrillicPack) -> bool:
    return any(lemma.endswith(pack.age_endings) for lemma in t.lemmas)


def _kind(t: Tok, pack: CyrillicPack) -> str | None:
    if t.has(pack.killed):
        return "killed"
    if t.has(pack.injured):
        return "injured"
    return None


def _group(t: Tok, pack: CyrillicPack) -> str | None:
    if t.low in pack.groups:
        return pack.groups[t.low]
    found = [pack.groups[lemma] for lemma in sorted(t.lemmas) if lemma in pack.groups]
    return found[0] if found else None


def _phrase_at(toks: tuple[Tok, ...], i: int, phrases: tuple[str, ...] | dict[str, str]) -> int:
    """The number of tokens of the longest phrase of `phrases` that starts at token `i` (0: none)."""
    best = 0
    for phrase in phrases:
        words = phrase.split()
        if len(words) > best and all(i + k < len(toks) and toks[i + k].low == w for k, w in enumerate(words)):
            best = len(words)
    return best


def _phrase_ending(toks: tuple[Tok, ...], end: int, phrases: dict[str, str]) -> tuple[str, int] | None:
    """The longest phrase of `phrases` ending just before token `end`: (its value, its length)."""
    best: tuple[str, int] | None = None
    for phrase, value in phrases.items():
        words = phrase.split()
        n = len(words)
        if end - n >= 0 and all(toks[end - n + k].low == w for k, w in enumerate(words)):
            if best is None or n > best[1]:
                best = (value, n)
    return best


@dataclass
class _Found:
    claim: Claim
    first: int
    last: int


def figure_claims(sent: Sentence, pack: CyrillicPack) -> list[Claim]:
    """The killed/injured claims of one sentence (claimant left as "reporter")."""
    toks = sent.tokens
    if any(_phrase_at(toks, i, pack.aggregates) for i in range(len(toks))):
        return []  # "з початку війни загинули 2829 мирних жителів": not one incident's toll
    figures = find_figures(toks, pack)
    markers = _subgroup_markers(toks, pack)
    starts = {f.first for f in figures}
    found: list[_Found] = []
    for fig in figures:
        qualifier, qual_len = _qualifier(toks, fig, pack)
        kinds, group = _kinds_forward(toks, fig, pack, starts)
        if kinds == ["injured"] and _kind_backward(toks, fig.first - qual_len, pack, group)[0] == ["killed"]:
            kinds = ["killed"]  # "скончались двое раненых": the wounded who died
        rise = _toll_rise_kind(toks, fig, pack)
        if rise is not None:
            kinds, qualifier = [rise], "exact"
        if not kinds:
            kinds, group2 = _kind_backward(toks, fig.first - qual_len, pack, group)
            group = group or group2
        marker = _open_marker(markers, fig.first)
        if marker is not None and (group is not None or not kinds):
            inherited = marker[1] or _last_kind_before(found, marker[0])
            if inherited is None or group is None:
                continue  # "з них п'ятеро згоріли": a part that is no kind of victim
            kinds = [inherited]
        if not kinds:
            continue
        if group is not None and _age_not_count(toks, fig, pack):
            fig = Figure(fig.first, fig.last, 1, 1)  # "загинув 11 хлопчик": one boy of eleven
        if fig.vague:
            qualifier = "about"
        for kind in kinds:
            low, high = fig.low, fig.high
            if qualifier in ("at_least", "more_than", "up_to") or fig.vague:
                high = None
            found.append(_Found(_claim(sent, kind, low, high, qualifier, group or "all"), fig.first, fig.last))
    found += _single_parts(toks, markers, figures, found, pack, sent)
    found += _single_victims(toks, figures, found, pack, sent)
    found += _nobody(toks, pack, sent)
    return [f.claim for f in sorted(found, key=lambda f: f.first)]


def _claim(sent: Sentence, kind: str, low: int, high: int | None, qualifier: str, group: str) -> Claim:
    return Claim(kind=ClaimKind(kind), claimant="reporter", evidence=sent.text, start=sent.start, end=sent.end,
                 low=low, high=high, qualifier=Qualifier(qualifier), group=group)


def _qualifier(toks: tuple[Tok, ...], fig: Figure, pack: CyrillicPack) -> tuple[str, int]:
    """The qualifier phrase right before a figure and its length in tokens ("exact", 0 when none)."""
    found = _phrase_ending(toks, fig.first, pack.qualifiers)
    if found is None:
        return "exact", 0
    return found


def _toll_rise_kind(toks: tuple[Tok, ...], fig: Figure, pack: CyrillicPack) -> str | None:
    """"Кількість загиблих … зросла до 22": the kind of the toll noun, when a rise verb and its
    preposition stand before the figure."""
    if fig.first == 0 or not toks[fig.first - 1].has(pack.rise_prepositions):
        return None
    verb = next((i for i in range(fig.first - 2, -1, -1) if toks[i].has(pack.toll_rise_verbs)), None)
    if verb is None:
        return None
    for i, t in enumerate(toks[:fig.first]):
        if t.has(pack.toll_nouns):
            for u in toks[i + 1:fig.first]:
                if (kind := _kind(u, pack)) is not None:
                    return kind
    return None


def _kinds_forward(toks: tuple[Tok, ...], fig: Figure, pack: CyrillicPack,
                   starts: set[int]) -> tuple[list[str], str | None]:
    """Kinds named after a figure in its clause ("десятки загиблих і поранених" gives both) and
    the victim group between them ("20 мирних жителів загинули")."""
    group: str | None = None
    words = 0
    j = fig.last + 1
    while j < len(toks) and words < _WINDOW:
        t = toks[j]
        if t.text == "," and _phrase_at(toks, j + 1, pack.subgroup_markers):
            # "28 человек, в том числе дети, получили ранения": past the part to the predicate
            j = next((k for k in range(j + 1, len(toks)) if toks[k].text == ","), len(toks)) + 1
            continue
        if t.text in _CLAUSE_END or j in starts or (t.is_word and t.low in pack.clause_breaks):
            break  # the clause, or the next figure's words, begin
        if not t.is_word:
            j += 1
            continue
        kind = _kind(t, pack)
        if kind is not None and not (group is None and _group(t, pack) and words > 0):
            kinds = [kind]
            # a coordinated second kind: "загиблих і поранених"
            if j + 2 < len(toks) and toks[j + 1].low in pack.clause_breaks and \
                    (other := _kind(toks[j + 2], pack)) is not None and other != kind:
                kinds.append(other)
            return kinds, group
        g = _group(t, pack)
        if g is not None and group is None:
            group = g
        elif t.has(pack.group_adjectives) and group is None:
            group = next(pack.group_adjectives[lemma] for lemma in t.lemmas if lemma in pack.group_adjectives)
        if not (t.has(pack.people) or g is not None or t.has(pack.group_adjectives)):
            words += 1
        j += 1
    return [], group


def _kind_backward(toks: tuple[Tok, ...], end: int, pack: CyrillicPack,
                   group: str | None) -> tuple[list[str], str | None]:
    """A casualty word before a figure in its clause ("загинули 47 людей", "уничтожено 200
    военнослужащих" when the figure counts people)."""
    words = 0
    i = end - 1
    while i >= 0 and words < _WINDOW:
        t = toks[i]
        if t.text in _CLAUSE_END or t.is_digit or (t.is_word and t.low in pack.clause_breaks):
            break
        if t.is_word:
            kind = _kind(t, pack)
            if kind is not None:
                return [kind], None
            if t.has(pack.killed_if_people) and group is not None:
                return ["killed"], None
            words += 1
        i -= 1
    return [], None


def _subgroup_markers(toks: tuple[Tok, ...], pack: CyrillicPack) -> list[tuple[int, str | None, int]]:
    """Where parts of a total open: (token index after the marker, the kind the marker itself
    names — "серед загиблих" — or None, marker start)."""
    out = []
    for i in range(len(toks)):
        n = _phrase_at(toks, i, pack.subgroup_markers)
        if n:
            named = next((k for t in toks[i:i + n] if (k := _kind(t, pack)) is not None), None)
            out.append((i + n, named, i))
    return out


def _open_marker(markers: list[tuple[int, str | None, int]], index: int) -> tuple[int, str | None] | None:
    """The subgroup marker a token falls under (the last one before it), if any."""
    before = [(start, named) for after, named, start in markers if after <= index]
    return before[-1] if before else None


def _last_kind_before(found: list[_Found], index: int) -> str | None:
    """The kind of the last whole figure before token `index` (the total a part belongs to)."""
    before = [f for f in found if f.last < index]
    return before[-1].claim.kind if before else None


def _single_parts(toks: tuple[Tok, ...], markers: list[tuple[int, str | None, int]], figures: list[Figure],
                  found: list[_Found], pack: CyrillicPack, sent: Sentence) -> list[_Found]:
    """A part named without a number: "у тому числі семирічна дитина", "среди которых есть
    маленький ребенок" — one of that group."""
    out: list[_Found] = []
    for after, named, start in markers:
        kind = named or _last_kind_before(found, start)
        if kind is None:
            continue
        for j in range(after, min(after + 4, len(toks))):
            t = toks[j]
            if t.text in _CLAUSE_END - {"(", ")"} or any(f.first <= j <= f.last for f in figures):
                break
            group = _group(t, pack)
            if group is not None and PLURAL not in _numbers_of(t, pack):
                out.append(_Found(_claim(sent, kind, 1, 1, "exact", group), j, j))
                break
    return out


def _single_victims(toks: tuple[Tok, ...], figures: list[Figure], found: list[_Found], pack: CyrillicPack,
                    sent: Sentence) -> list[_Found]:
    """A casualty verb with one victim named and no number: "загинув хлопчик", "погиб ребенок",
    "дитина загинула" — one of that group."""
    out: list[_Found] = []
    taken = {i for f in figures for i in range(f.first, f.last + 1)} | {i for f in found for i in (f.first, f.last)}
    for i, t in enumerate(toks):
        if not (t.is_word and "VERB" in t.pos and (kind := _kind(t, pack)) is not None):
            continue
        # the victim after the verb, past its adjectives ("погибла 60-летняя женщина"), else just before it
        after = [j for j in range(i + 1, min(i + 4, len(toks)))]
        stop = next((k for k, j in enumerate(after) if not toks[j].is_word or _group(toks[j], pack) is not None
                     or not (FULL_ADJECTIVE in toks[j].pos or _is_age(toks[j], pack))), len(after))
        for j in after[stop:stop + 1] + [i - 1]:
            if j < 0 or j in taken or not toks[j].is_word:
                continue
            u = toks[j]
            group = _group(u, pack)
            if group is not None and PLURAL not in _numbers_of(u, pack) and NOMINATIVE in u.cases \
                    and not any(f.first <= j <= f.last + 2 for f in figures):
                out.append(_Found(_claim(sent, kind, 1, 1, "exact", group), j, j))
                break
    return out


def _numbers_of(t: Tok, pack: CyrillicPack) -> set[str]:
    """Grammatical numbers of a noun's analyses ("діти" is plural; Ukrainian marks no singular)."""
    from harmledger.extract.morph import analyser

    return {str(p.tag.number) for p in analyser(pack.code).parse(t.low) if p.tag.number}


def _nobody(toks: tuple[Tok, ...], pack: CyrillicPack, sent: Sentence) -> list[_Found]:
    """"Ніхто не загинув", "никто не пострадал": a zero of that kind."""
    out = []
    for i, t in enumerate(toks):
        if t.is_word and t.low in pack.nobody:
            for u in toks[i + 1:i + 6]:
                if (kind := _kind(u, pack)) is not None:
                    out.append(_Found(_claim(sent, kind, 0, 0, "exact", "all"), i, i))
                    break
    return out
