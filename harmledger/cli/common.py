"""What the CLI's commands share: the consoles, the database, and the filter options of the
incident list and the export (one definition, so both accept and reject the same values)."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from harmledger.models import DatePrecision, EventType, Grade, PlacePrecision

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from harmledger.store.filters import Filters

# Pipes and CI logs get a wide table instead of the 80-column fallback.
out = Console(width=None if sys.stdout.isatty() else 150)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# The closed vocabularies (conventions.py) are the options' types: Typer rejects anything else
# with exit status 2 and lists the choices.


def engine(ctx: typer.Context, create: bool = False) -> Engine:
    """The database of --db; only a command that stores data (`create`) may make a new one."""
    from harmledger.store.database import open_database

    return open_database(ctx.obj, create=create)


Since = Annotated[str | None, typer.Option(help="Only incidents on or after YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option(help="Only incidents on or before YYYY-MM-DD")]
Country = Annotated[str | None, typer.Option(help="ISO country code, e.g. UA")]
Admin1 = Annotated[str | None, typer.Option(help="Region (admin1) name, e.g. Donetsk")]
Bbox = Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")]
TypeOpt = Annotated[EventType | None, typer.Option("--type", help="Event type")]
GradeOpt = Annotated[Grade | None, typer.Option("--grade", help="Grade of the incident")]
MinKilled = Annotated[int | None, typer.Option(min=0, help="Only incidents with best killed ≥ N")]
Query = Annotated[str | None, typer.Option("--q", help="Text in place, type, target, weapon, claimant or evidence")]
Claimant = Annotated[str | None, typer.Option(help="Part of a claimant's name, e.g. 'defence ministry'")]
Actor = Annotated[str | None, typer.Option(help="The accused side: part of the name of who issued a denial")]
VictimGroup = Annotated[str | None, typer.Option(help="A group named in a killed or injured figure, e.g. children")]
Outlet = Annotated[str | None, typer.Option(help="Part of an outlet's name")]
Language = Annotated[str | None, typer.Option(help="Language of an article, e.g. en")]
DatePrec = Annotated[DatePrecision | None, typer.Option("--date-precision", help="How exactly the date is known")]
PlacePrec = Annotated[PlacePrecision | None, typer.Option("--place-precision", help="How exactly the place is known")]


def build_filters(since: str | None, until: str | None, country: str | None, admin1: str | None,
                  bbox: str | None, event_type: StrEnum | None, grade: StrEnum | None, min_killed: int | None,
                  q: str | None, date_precision: StrEnum | None = None, place_precision: StrEnum | None = None,
                  include_background: bool = True, **through: str | None) -> Filters:
    """The filter options, checked: a bad day or box is a usage error naming the option;
    `through` are the claim and source filters (claimant, actor, victim_group, outlet, language)."""
    from harmledger.store.filters import Filters, parse_bbox

    try:
        box = parse_bbox(bbox) if bbox else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--bbox") from None
    first, last = day(since, "--since"), day(until, "--until")
    if first and last and first > last:
        raise typer.BadParameter(f"{first} is after --until {last}", param_hint="--since")
    return Filters(since=first, until=last, country=country, admin1=admin1, bbox=box,
                   event_type=event_type.value if event_type else None, grade=grade.value if grade else None,
                   min_killed=min_killed, q=q, include_background=include_background,
                   date_precision=date_precision.value if date_precision else None,
                   place_precision=place_precision.value if place_precision else None,
                   **through)  # claimant, actor, victim_group, outlet, language


def day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value; a usage error naming the option otherwise."""
    from harmledger.store.filters import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
