"""`harmledger compare FILE`: an ACLED or UCDP GED export lined up against our incidents."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from harmledger.cli import common as c
from harmledger.interop.compare import DEFAULT_DAYS, DEFAULT_KM, REPORT_COLUMNS, report_row

if TYPE_CHECKING:
    from harmledger.interop.compare import Comparison

# A year-precision incident spans its whole year: look that far back for incidents to compare.
_WIDEST_SPAN = timedelta(days=366)
STATUS_STYLE = {"both": "green", "only_theirs": "yellow", "only_ours": "cyan"}
STATUS_SHOWN = {"both": "both", "only_theirs": "theirs only", "only_ours": "ours only"}


def compare(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="ACLED or UCDP GED export (.csv)")],
    days: Annotated[int, typer.Option(min=0, max=60, help="Dates may differ by this many days")] = DEFAULT_DAYS,
    km: Annotated[float, typer.Option(min=0.1, max=500, help="Places may lie this far apart")] = DEFAULT_KM,
    any_type: Annotated[bool, typer.Option(
        "--any-type", help="Match events of any type (default: one family: remote, explosive, shooting)")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Also write the rows as CSV")] = None,
) -> None:
    """Match an ACLED or UCDP GED export to our incidents: date window, distance, type.

    Reports events only they have, incidents only we have (in their countries and dates) and the
    fatality differences of the matched pairs. The dataset is told by the CSV header.

    Example:
        harmledger --db demo.db compare acled-ukraine-2022.csv --days 1 --km 25 -o out/compare.csv
    """
    from harmledger.interop.compare import compare as run_compare
    from harmledger.interop.inbound import read_export_file
    from harmledger.store.filters import Filters
    from harmledger.store.queries import select_incidents

    dataset, events = read_export_file(file)
    engine = c.engine(ctx)
    ours = []
    if events:
        first, last = min(e.start for e in events), max(e.end for e in events)
        window = timedelta(days=days)
        ours = select_incidents(engine, Filters(since=first - window - _WIDEST_SPAN, until=last + window))
        ours += select_incidents(engine, Filters(date_precision="unknown"))  # counted as not comparable
    result = run_compare(dataset, events, ours, days=days, km=km, any_type=any_type)
    c.out.print(summary(result, file.name), markup=False, highlight=False)
    c.out.print(comparison_table(result))
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=REPORT_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(report_row(r) for r in result.rows)
        c.err.print(f"wrote {len(result.rows)} rows to {output}")


def summary(result: Comparison, name: str) -> str:
    """Two lines: what was compared, and the counts."""
    span = f"{result.first} to {result.last}" if result.first else "no events"
    where = ", ".join(result.countries) or "every country"
    return (f"{name}: {result.dataset.upper()}, {result.count('both') + result.count('only_theirs')} events, "
            f"{span}, {where}\n"
            f"matched {result.count('both')} · only theirs {result.count('only_theirs')} · only ours "
            f"{result.count('only_ours')} · fatalities differ {result.figures_differ} "
            f"({result.outside_our_range} outside our low–high) · ours without date or place "
            f"{result.not_comparable}")


def comparison_table(result: Comparison) -> Table:
    """One row per pair or unmatched side: ids, dates, places, types and the figures side by side."""
    table = Table(title=f"{len(result.rows)} rows ('!': their figure lies outside our low–high)",
                  title_justify="left")
    for column in ("status", "ids (theirs, ours)", "date", "place", "type (theirs, ours)", "their killed",
                   "our killed (best)", "diff", "apart"):
        table.add_column(column, overflow="fold")
    for r in result.rows:
        row = report_row(r)
        diff = "" if row["difference"] in ("", 0) else f"{row['difference']:+}"
        if row["within_our_range"] == "no":
            diff = f"[bold]{diff} ![/bold]"
        apart = "" if r.km is None else f"{r.km} km, {r.days} d"
        table.add_row(f"[{STATUS_STYLE[r.status]}]{STATUS_SHOWN[r.status]}[/]",
                      "\n".join(str(i) for i in (row["their_id"], row["our_id"]) if i),
                      str(row["their_date"] or row["our_date"]), str(row["their_place"] or row["our_place"]),
                      "\n".join(str(t) for t in (row["their_type"], row["our_type"]) if t),
                      str(row["their_fatalities"]), "" if r.incident is None else _range(row), diff, apart)
    return table


def _range(row: dict[str, object]) -> str:
    low, best, high = row["our_killed_low"], row["our_killed_best"], row["our_killed_high"]
    if low == "":
        return "–"
    top = "+" if high == "" else (f"–{high}" if high != low else "")
    return f"{low}{top} ({best})" if best not in ("", low) or top else f"{low}"
