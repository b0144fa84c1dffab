"""`harmledger incidents`: the list, filtered as the export is, sorted and cut to a page."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from harmledger.cli import common as c
from harmledger.conventions import IncidentSort as SortKey
from harmledger.conventions import RegionGrouping, RegionSort
from harmledger.store.filters import Filters

if TYPE_CHECKING:
    from sqlalchemy import Engine


@c.with_filters
def incidents(
    ctx: typer.Context,
    filters: Filters,
    background: Annotated[bool, typer.Option(help="Include background-only incidents")] = True,
    sort: Annotated[SortKey, typer.Option(
        "--sort", help="date, killed, injured or sources; '-' first for descending (--sort=-killed)")] = SortKey.date,
    limit: Annotated[int, typer.Option(min=0, help="At most N rows (0: all)")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print {total, incidents: [...]} as JSON")] = False,
    by: Annotated[RegionGrouping | None, typer.Option(
        "--by", help="Instead of the list, totals per region (admin-1) or per country: incidents, killed and "
                     "injured (best, low–high sums); --sort killed or injured orders them")] = None,
) -> None:
    """List the incidents: date, place, type, killed low–high, injured, sources, grade.

    Takes the export's filters; prints the first --limit rows in --sort order and how many match.
    With --by region (or country), prints the totals of the matching incidents per region instead.

    Example:
        harmledger --db demo.db incidents --country UA --sort=-killed --limit 5
        harmledger --db demo.db incidents --by region --country UA
    """
    from harmledger.cli.tables import incident_table
    from harmledger.export.formats import incident_json
    from harmledger.store.queries import count_incidents, select_incidents

    chosen = replace(filters, include_background=background)
    engine = c.engine(ctx)
    if by is not None:
        _totals(engine, chosen, by, sort, limit, as_json)
        return
    found = select_incidents(engine, chosen, sort.value, limit=limit or None)
    total = count_incidents(engine, chosen) if limit and len(found) == limit else len(found)
    if as_json:
        rows = [{k: v for k, v in incident_json(i).items() if k not in ("mentions", "claims")} for i in found]
        payload = {"total": total, "sort": sort.value, "filters": chosen.as_dict(), "incidents": rows}
        c.out.print(json.dumps(payload, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = incident_table(found)
    if total > len(found):
        table.title = f"{len(found)} of {total} incidents (--limit 0 for all)"
    c.out.print(table)


def _region_sort(sort: SortKey) -> RegionSort:
    """The list's --sort as the totals' order: killed or injured (default: most killed first)."""
    if sort == SortKey.date:  # the list's default: the totals' own
        return RegionSort.killed_desc
    if sort.value.lstrip("-") not in ("killed", "injured"):
        raise typer.BadParameter(f"{sort.value} does not order totals; use killed, -killed, injured or -injured "
                                 "with --by", param_hint="--sort")
    return RegionSort(sort.value)


def _totals(engine: Engine, chosen: Filters, by: RegionGrouping, sort: SortKey, limit: int, as_json: bool) -> None:
    """Print the totals per region or country of the incidents `chosen` keeps."""
    from harmledger.cli.tables import region_table
    from harmledger.store.summaries import region_totals

    order = _region_sort(sort)
    rows = region_totals(engine, chosen, by.value, order.value)
    shown = rows[:limit] if limit else rows
    if as_json:
        payload = {"by": by.value, "sort": order.value, "filters": chosen.as_dict(), "total": len(rows), "rows": shown}
        c.out.print(json.dumps(payload, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = region_table(shown, by.value)
    if len(rows) > len(shown):
        table.title = f"{len(shown)} of {len(rows)} {by.value} rows (--limit 0 for all)"
    c.out.print(table)
