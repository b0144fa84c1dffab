"""The points a mention scores against an incident, per feature and case: one table, as data.

features.py scores by it, and the table in docs/reconciliation.md (section 6) is generated from
it, between the markers below (a test fails when the two differ):

    python -m harmledger.resolve.points --markdown              # print the table
    python -m harmledger.resolve.points --update docs/reconciliation.md
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from harmledger.conventions import SAME_PLACE_KM
from harmledger.resolve.reach import DATE_RULE, NEIGHBOUR_KM

JOIN_SCORE = 4.0  # a main mention joins the best incident scoring at least this
BACKGROUND_SCORE = 5.0  # a recalled event needs more: its date is usually vague
TWIN_TOWN_KM = 8.0  # two towns further apart than this are two places, however near
MIN_TEXT_WITHOUT_PLACE = 0.6  # cosine a mention with no place needs to join anything
NEIGHBOUR_MIN_DATE = 1.5  # date points a town nearby needs: the same day, both dated
# The text feature: TEXT_SCALE × (cosine − TEXT_CENTRE), clipped to [TEXT_MIN, TEXT_MAX].
# On the dev corpus, reports of one incident have a median cosine of 0.71, of different ones 0.51.
TEXT_SCALE, TEXT_CENTRE, TEXT_MIN, TEXT_MAX = 5.0, 0.55, -1.5, 2.0


@dataclass(frozen=True)
class Points:
    """What one case of a feature is worth; None is a veto (they cannot be one event)."""

    feature: str
    case: str  # the name features.py reads it by
    points: float | None
    says: str  # the case in words for the docs; {points} and the names of TERMS are filled in


POINTS: tuple[Points, ...] = (
    Points("place", "same_town", 3.0,
           "same town (≤ {same_place_km} km): {points} − km/{same_place_km}, but two towns of their own names "
           "more than {twin_town_km} km apart (Makiivka and Donetsk, 15 km) only with the same day on both "
           "sides, else **veto**"),
    Points("place", "region", 1.5, "region containing the town: {points}"),
    Points("place", "country", 1.0, "same country at country precision: {points}"),
    Points("place", "neighbour", 1.5,
           "a town of the same region within {neighbour_km} km: {points}, only when both are dated and the "
           "dates agree ({neighbour_min_date} points or more) and one of them is the region's city or they "
           "share a target word"),
    Points("place", "unknown", -1.0,
           "no place on one side: {points}, and then the text must be alike (cosine ≥ {min_text}) and both "
           "dates must be days at most a day apart"),
    Points("place", "other", None, "otherwise **veto**"),
    Points("date", "same_day", 3.0, "same day {points}"),
    Points("date", "day_apart", 2.0, "one day apart {points}, more: **veto**"),
    Points("date", "week_day", 1.5, "a \"reported by this day\" week within a day {points}"),
    Points("date", "week", 1.0, "within {week_days} days {points}"),
    Points("date", "same_month", 1.0, "same month {points}"),
    Points("date", "same_year", 0.5, "same year {points}"),
    Points("date", "month_day", 2.5, "a day without a year that fits {points}"),
    Points("date", "weekday", 1.5, "a weekday on its own that names the day {points}"),
    Points("date", "weekday_near", 0.5,
           "the day after or before {points} (rescue follow-ups, \"rescuers on Sunday\"; a raid \"on Friday "
           "night\" dated by the Saturday it ran into)"),
    Points("date", "weekday_in_week", 0.5, "any day of a \"reported by this day\" week {points}"),
    Points("date", "weekdays", 1.0, "the same weekday on both sides {points}"),
    Points("date", "misfit", None, "any misfit: **veto**"),
    Points("date", "unknown", 0.0, "nothing known {points}"),
    Points("district", "other_district", None,
           "both name a district of the town (`extract/districts.py`) and they differ: **veto**; otherwise nothing"),
    Points("event type", "same", 0.5, "same {points}"),
    Points("event type", "different", -1.0, "different {points}"),
    Points("event type", "unknown", 0.0, "either unknown {points}"),
    Points("target", "shared", 1.0,
           "a shared word (stems, \"train\" = \"station\", \"flats\" = \"apartment\"): {points} + Jaccard"),
    Points("target", "none_shared", -0.5, "both named, none shared: {points}"),
    Points("weapon", "same", 0.5, "same weapon {points}"),
    Points("text", "cosine", TEXT_SCALE,
           "{points} × (cosine − {text_centre}), between {text_min} and +{text_max}, of all-MiniLM-L6-v2 "
           "embeddings (int8 ONNX, `extract/encoder.py`) of the headline and mention span against the "
           "incident's mean vector; the model reads English only, so a Ukrainian or Russian mention has no "
           "vector and this feature is 0 for it (place, date, type and target, whose words the uk/ru packs "
           "give in English, carry the join)"),
)


def points_of(feature: str) -> dict[str, float]:
    """The cases of `feature` that score, by name (vetoes are not points)."""
    return {p.case: p.points for p in POINTS if p.feature == feature and p.points is not None}


def _number(x: float) -> str:
    return f"{x:g}".replace("-", "−")


TERMS = {
    "same_place_km": _number(SAME_PLACE_KM), "twin_town_km": _number(TWIN_TOWN_KM),
    "neighbour_km": _number(NEIGHBOUR_KM), "neighbour_min_date": _number(NEIGHBOUR_MIN_DATE),
    "min_text": _number(MIN_TEXT_WITHOUT_PLACE), "week_days": _number(DATE_RULE["week"].window),
    "text_centre": _number(TEXT_CENTRE), "text_min": _number(TEXT_MIN), "text_max": _number(TEXT_MAX),
}
BEGIN = "<!-- points: generated by `python -m harmledger.resolve.points --markdown`; edit resolve/points.py -->"
END = "<!-- /points -->"


def markdown() -> str:
    """The points table as docs/reconciliation.md shows it: one row per feature."""
    rows: dict[str, list[str]] = {}
    for p in POINTS:
        says = p.says.format(points="" if p.points is None else _number(p.points), **TERMS)
        rows.setdefault(p.feature, []).append(says)
    lines = ["| feature | points |", "|---|---|"]
    lines += [f"| {feature} | {'; '.join(cases)} |" for feature, cases in rows.items()]
    lines += ["", f"A main mention joins the incident it scores best against at **{_number(JOIN_SCORE)}** or more, "
              f"a recalled (background) event at **{_number(BACKGROUND_SCORE)}** (its date is usually a month)."]
    return "\n".join(lines)


def with_table(doc: str) -> str:
    """`doc` with the text between BEGIN and END replaced by the current table."""
    head, found, rest = doc.partition(BEGIN)
    _, ended, tail = rest.partition(END)
    if not (found and ended):
        raise ValueError(f"the document has no {BEGIN!r} … {END!r} block")
    return f"{head}{BEGIN}\n{markdown()}\n{END}{tail}"


def main(argv: list[str] | None = None) -> None:
    """Print the points table, or rewrite its block in a document."""
    parser = argparse.ArgumentParser(prog="python -m harmledger.resolve.points", description=main.__doc__)
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--update", type=Path, metavar="DOC", help="rewrite the table's block in DOC")
    args = parser.parse_args(argv)
    if args.update:
        try:
            updated = with_table(args.update.read_text(encoding="utf-8"))
        except ValueError as e:
            parser.error(f"{args.update}: {e}")
        args.update.write_text(updated, encoding="utf-8")
    if args.markdown or not args.update:
        sys.stdout.write(markdown() + "\n")


if __name__ == "__main__":
    main()
