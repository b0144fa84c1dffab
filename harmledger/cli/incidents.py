"""`harmledger incidents`: the list, filtered as the export is, sorted and cut to a page."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Annotated

import typer

from harmledger.cli import common as c
from harmledger.conventions import IncidentSort as SortKey
from harmledger.store.filters import Filters


@c.with_filters
def incidents(
    ctx: typer.Context,
    filters: Filters,
    background: Annotated[bool, typer.Option(help="Include background-only incidents")] = True,
    sort: Annotated[SortKey, typer.Option(
        "--sort", help="date, killed, injured or sources; '-' first for descending (--sort=-killed)")] = SortKey.date,
    limit: Annotated[int, typer.Option(min=0, help="At most N rows (0: all)")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print {total, incidents: [...]} as JSON")] = False,
) -> None:
    """List the incidents: date, place, type, killed low–high, injured, sources, grade.

    Takes the export's filters; prints the first --limit rows in --sort order and how many match.

    Example:
        harmledger --db demo.db incidents --country UA --sort=-killed --limit 5
    """
    from harmledger.cli.tables import incident_table
    from harmledger.export.formats import incident_json
    from harmledger.store.queries import count_incidents, select_incidents

    chosen = replace(filters, include_background=background)
    engine = c.engine(ctx)
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
