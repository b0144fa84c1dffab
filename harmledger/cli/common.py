"""What the CLI's commands share: the consoles, the database, and the filter options of the
incident list and the export (one definition, so both accept and reject the same values)."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from harmledger.models import DatePrecision, EventType, Grade, PlacePrecision

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from harmledger.store.filters import Filters

# Pipes and CI logs get a wide table instead of the 80-column fallback.
out = Console(width=None if sys.stdout.isatty() else 150)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def engine(ctx: typer.Context, create: bool = False) -> Engine:
    """The database of --db; only a command that stores data (`create`) may make a new one."""
    from harmledger.store.database import open_database

    return open_database(ctx.obj, create=create)


# The filter options of `incidents` and `export`, in --help order: each Filters field's type and
# option, one table, so both commands take, accept and reject the same values. An enum type (the
# closed vocabularies of models.py) is the option's choices: Typer rejects anything else with exit
# status 2 and lists them.
FILTER_OPTIONS: dict[str, tuple[Any, Any]] = {
    "since": (str, typer.Option(help="Only incidents on or after YYYY-MM-DD")),
    "until": (str, typer.Option(help="Only incidents on or before YYYY-MM-DD")),
    "country": (str, typer.Option(help="ISO country code, e.g. UA")),
    "admin1": (str, typer.Option(help="Region (admin1) name, e.g. Donetsk")),
    "bbox": (str, typer.Option(help="min_lon,min_lat,max_lon,max_lat")),
    "event_type": (EventType, typer.Option("--type", help="Event type")),
    "grade": (Grade, typer.Option("--grade", help="Grade of the incident")),
    "min_killed": (int, typer.Option(min=0, help="Only incidents with best killed ≥ N")),
    "q": (str, typer.Option("--q", help="Text in place, type, target, weapon, claimant or evidence")),
    "date_precision": (DatePrecision, typer.Option("--date-precision", help="How exactly the date is known")),
    "place_precision": (PlacePrecision, typer.Option("--place-precision", help="How exactly the place is known")),
    "claimant": (str, typer.Option(help="Part of a claimant's name, e.g. 'defence ministry'")),
    "actor": (str, typer.Option(help="The accused side: part of the name of who issued a denial")),
    "victim_group": (str, typer.Option(help="A group named in a killed or injured figure, e.g. children")),
    "outlet": (str, typer.Option(help="Part of an outlet's name")),
    "language": (str, typer.Option(help="Language of an article, e.g. en")),
}


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """`command` taking the filter options (FILTER_OPTIONS) where its `filters` parameter stands,
    and called with them checked and built into that one `Filters` argument."""
    own = list(inspect.signature(command, eval_str=True).parameters.values())
    at = [p.name for p in own].index("filters")
    options = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None,
                                 annotation=Annotated[kind | None, option])
               for name, (kind, option) in FILTER_OPTIONS.items()]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        chosen = {name: kwargs.pop(name, None) for name in FILTER_OPTIONS}
        command(*args, filters=build_filters(**chosen), **kwargs)

    parameters = [*own[:at], *options, *own[at + 1:]]
    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]  # what Typer reads
    # Typer also resolves the annotations by name: give it the objects, not the module's strings.
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run


def build_filters(since: str | None, until: str | None, bbox: str | None, **chosen: Any) -> Filters:
    """The filter options, checked: a bad day or box is a usage error naming the option; an enum
    option is stored as its value."""
    from harmledger.store.filters import Filters, parse_bbox

    try:
        box = parse_bbox(bbox) if bbox else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--bbox") from None
    first, last = day(since, "--since"), day(until, "--until")
    if first and last and first > last:
        raise typer.BadParameter(f"{first} is after --until {last}", param_hint="--since")
    values: dict[str, Any] = {name: v.value if isinstance(v, StrEnum) else v for name, v in chosen.items()}
    return Filters(since=first, until=last, bbox=box, **values)


def day(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option value; a usage error naming the option otherwise."""
    from harmledger.store.filters import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
