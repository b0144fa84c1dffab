"""Sums over the filtered view: casualties per week or month (split by event type or grade) and
incidents and casualties per country and region. Their size is bounded by the calendar and the
map, never by the number of incidents."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Engine, func, select

from harmledger.models import EventType, Grade
from harmledger.store.queries import _conditions
from harmledger.store.schema import incidents

if TYPE_CHECKING:
    from harmledger.store.filters import Filters

WEEKS_UP_TO_DAYS = 183  # a view spanning up to half a year is counted per week, a longer one per month
SPLITS = {"type": (incidents.c.event_type, [e.value for e in EventType]),
          "grade": (incidents.c.grade, [g.value for g in Grade])}


def period_for(first: date, last: date) -> str:
    """`week` for a span of up to half a year, else `month`."""
    return "week" if (last - first).days <= WEEKS_UP_TO_DAYS else "month"


def period_start(day: date, period: str) -> date:
    """The Monday of `day`'s week, or the first of its month."""
    return day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def _next(start: date, period: str) -> date:
    if period == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def casualty_series(engine: Engine, filters: Filters, by: str, period: str | None = None) -> dict[str, Any]:
    """Killed and injured (best) and incidents per period of the dated incidents the filters keep,
    one series per event type or grade (`by`); every period from the first to the last is listed,
    empty ones as zeros. `period` is week or month, else chosen from the span."""
    c = incidents.c
    key, order = SPLITS[by]
    query = (select(c.date, key.label("key"), func.count().label("n"),
                    func.sum(func.coalesce(c.killed_best, 0)).label("killed"),
                    func.sum(func.coalesce(c.injured_best, 0)).label("injured"))
             .where(c.date.is_not(None), *_conditions(filters)).group_by(c.date, key))
    undated_query = select(func.count()).select_from(incidents).where(c.date.is_(None), *_conditions(filters))
    with engine.connect() as conn:
        rows = list(conn.execute(query))
        undated = int(conn.execute(undated_query).scalar_one())
    if not rows:
        return {"period": period or "week", "by": by, "periods": [], "series": [], "undated": undated}
    days = [r.date for r in rows]
    chosen = period or period_for(min(days), max(days))
    periods: list[date] = []
    start, last = period_start(min(days), chosen), period_start(max(days), chosen)
    while start <= last:
        periods.append(start)
        start = _next(start, chosen)
    index = {p: i for i, p in enumerate(periods)}
    sums: dict[str, dict[str, list[int]]] = {}
    for r in rows:
        series = sums.setdefault(r.key, {m: [0] * len(periods) for m in ("incidents", "killed", "injured")})
        at = index[period_start(r.date, chosen)]
        series["incidents"][at] += int(r.n)
        series["killed"][at] += int(r.killed or 0)
        series["injured"][at] += int(r.injured or 0)
    keys = sorted(sums, key=lambda k: (order.index(k) if k in order else len(order), k))
    return {"period": chosen, "by": by, "periods": [p.isoformat() for p in periods],
            "series": [{"key": k, **sums[k]} for k in keys], "undated": undated}


def _sum(column: ColumnElement[Any]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(column), 0)


def region_totals(engine: Engine, filters: Filters, by: str = "region", sort: str = "-killed") -> list[dict[str, Any]]:
    """Incidents, killed and injured (best, and the sums of low and high) per country, or per
    country and admin-1 region (`by`), of the incidents the filters keep; an incident without a
    place is counted under country and region null. An open-ended high counts as its best."""
    c = incidents.c
    groups: list[ColumnElement[Any]] = [c.country_code] + ([c.admin1] if by == "region" else [])
    measures = [func.count().label("incidents")]
    for kind in ("killed", "injured"):
        low, best, high = (getattr(c, f"{kind}_{part}") for part in ("low", "best", "high"))
        measures += [_sum(best).label(f"{kind}_best"), _sum(low).label(f"{kind}_low"),
                     _sum(func.coalesce(high, best)).label(f"{kind}_high"),
                     func.count(best).label(f"{kind}_known")]
    query = select(*groups, *measures).where(*_conditions(filters)).group_by(*groups)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
    out = [{"country_code": r["country_code"], **({"admin1": r["admin1"]} if by == "region" else {}),
            "incidents": int(r["incidents"]),
            **{kind: {"best": int(r[f"{kind}_best"]), "low": int(r[f"{kind}_low"]), "high": int(r[f"{kind}_high"]),
                      "incidents_with_figure": int(r[f"{kind}_known"])} for kind in ("killed", "injured")}}
           for r in rows]
    field = sort.lstrip("-")

    def sort_key(row: dict[str, Any]) -> Any:
        if field == "name":
            return (row["country_code"] or "~", (row.get("admin1") or "~").lower())
        return row[field] if field == "incidents" else row[field]["best"]

    # Ties and names always ascend, so a table sorted by killed lists equal regions A to Z.
    out.sort(key=lambda row: (row["country_code"] or "~", (row.get("admin1") or "~").lower()))
    out.sort(key=sort_key, reverse=sort.startswith("-"))
    return out
