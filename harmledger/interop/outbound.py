"""Our incidents as ACLED and UCDP GED rows: their column names and codes, one row per incident.

A column we cannot derive from news text (an armed group's ACLED actor type, UCDP's conflict and
dyad ids) is left empty rather than guessed; docs/interop.md says column by column what is filled and how.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from harmledger.extract.lang.en.speech import PRONOUNS
from harmledger.interop.codebooks import (
    ACLED_CIVILIANS,
    ACLED_COLUMNS,
    ACLED_GEO_PRECISION,
    ACLED_STATE_FORCES,
    ACLED_TIME_PRECISION,
    ACLED_TYPES,
    CIVILIAN_GROUPS,
    STATE_SOURCE_TYPES,
    SUICIDE_BOMB,
    UCDP_COLUMNS,
    UCDP_DATE_PREC,
    UCDP_WHERE_PREC,
    acled_interaction,
    country_name,
    country_number,
    date_span,
    priogrid_gid,
)
from harmledger.models import Article, ClaimKind, DatePrecision, EventType, Incident


def accused(inc: Incident) -> str:
    """The side a denial comes from (who denies was accused), the most often named; "" if none.

    A pronoun the attribution could not resolve ("It denied …") names nobody."""
    named = Counter(c.claimant for c in inc.claims if c.kind == ClaimKind.denial and c.claimant != "reporter"
                    and c.claimant.lower() not in PRONOUNS)
    return named.most_common(1)[0][0] if named else ""


def actor_type(inc: Incident, actor: str) -> int | None:
    """ACLED's inter code of the accused side `actor`: state forces when a denial of its speaks for a
    state (its military, government or police); None when the text does not tell."""
    types = {c.source_type for c in inc.claims if c.kind == ClaimKind.denial and c.claimant == actor}
    return ACLED_STATE_FORCES if types & STATE_SOURCE_TYPES else None


def _articles_of(inc: Incident, articles: dict[str, Article]) -> list[Article]:
    ids = sorted({m.article_id for m in inc.mentions})
    return [articles[a] for a in ids if a in articles]


def _outlets(cited: list[Article]) -> list[str]:
    return sorted({a.outlet or a.source_id for a in cited})


def _citation(a: Article) -> str:
    """One source as UCDP's source_article cites it: outlet, date and headline."""
    parts = [a.outlet or a.source_id, a.published.isoformat() if a.published else "", f'"{a.title}"' if a.title else ""]
    return " ".join(p for p in parts if p)


def _civilian_deaths(inc: Incident) -> int:
    """The largest civilian killed figure claimed (its low end), never above the best total."""
    found = [c.low for c in inc.claims if c.kind == ClaimKind.killed and c.group in CIVILIAN_GROUPS and c.low]
    best = inc.killed.best or 0
    return min(max(found, default=0), best)


def _notes(inc: Incident) -> str:
    """A one-sentence summary in ACLED's manner ("On 8 April 2022, …"), with our range and grade."""
    when = f"On {inc.date.value.strftime('%-d %B %Y')}" if inc.date.value else "On an unknown date"
    if inc.date.value and inc.date.precision != DatePrecision.day:
        when = f"In {inc.date.value.strftime('%B %Y')}" if inc.date.precision == DatePrecision.month else when
    place = f" in {inc.place.name}" if inc.place else ""
    details = "; ".join(f"{k}: {v}" for k, v in (("target", inc.target), ("weapon", inc.weapon)) if v)
    k = inc.killed
    killed = "" if k.low is None else (
        f" Killed: {k.low}" + (f" to {k.high}" if k.high not in (None, k.low) else "")
        + (" or more" if k.high is None else "") + " according to the sources.")
    return (f"{when}, {inc.event_type.replace('_', ' ')}{place}" + (f" ({details})" if details else "")
            + f".{killed} Grade: {inc.grade}.")


def acled_row(inc: Incident, articles: dict[str, Article], now: datetime) -> dict[str, Any]:
    """One incident in ACLED's columns; `fatalities` is the conservative killed figure, as ACLED codes."""
    p = inc.place
    disorder, event_type, sub_event = ACLED_TYPES.get(inc.event_type, ACLED_TYPES["other"])
    if inc.event_type == EventType.bombing and "suicide" in inc.weapon.lower():
        sub_event = SUICIDE_BOMB
    country = country_name(p.country_code) if p and p.country_code else ""
    named = accused(inc)
    actor = named or (f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group")
    civilians = any(c.group in CIVILIAN_GROUPS for c in inc.claims if c.kind in ("killed", "injured"))
    inter1 = actor_type(inc, named) if named else None
    # Civilians named among the victims are ACLED's second actor, "Civilians (Country)".
    actor2 = (f"Civilians ({country})" if country else "Civilians") if civilians else ""
    inter2 = ACLED_CIVILIANS if civilians else None
    interaction = acled_interaction(inter1, inter2)
    cited = _articles_of(inc, articles)
    day = inc.date.value
    return {
        "event_id_cnty": inc.id,
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": ACLED_TIME_PRECISION.get(inc.date.precision, "") if day else "",
        "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_event,
        "actor1": actor, "assoc_actor_1": "", "inter1": _s(inter1), "actor2": actor2, "assoc_actor_2": "",
        "inter2": _s(inter2), "interaction": _s(interaction),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": (country_number(p.country_code) or "") if p and p.country_code else "",
        "region": "", "country": country,
        "admin1": p.admin1 if p else "", "admin2": "", "admin3": "",
        "location": p.name if p else "",
        "latitude": p.lat if p else "", "longitude": p.lon if p else "",
        "geo_precision": ACLED_GEO_PRECISION.get(p.precision, 3) if p else "",
        "source": "; ".join(_outlets(cited)),
        "source_scale": "",
        "notes": _notes(inc),
        "fatalities": inc.killed.conservative or 0,
        "tags": f"harmledger grade={inc.grade}; killed low={_s(inc.killed.low)} best={_s(inc.killed.best)} "
                f"high={_s(inc.killed.high)}; independent sources={inc.independent}",
        "timestamp": int(now.timestamp()),
    }


def ucdp_row(inc: Incident, articles: dict[str, Article]) -> dict[str, Any]:
    """One incident in UCDP GED's columns: low / best / high killed, deaths split civilian / unknown."""
    p = inc.place
    first, last = date_span(inc.date.value, inc.date.precision)
    cited = _articles_of(inc, articles)
    best = inc.killed.best or 0
    low = min(inc.killed.low or 0, best)
    high = max(inc.killed.high if inc.killed.high is not None else best, best)
    civilians = _civilian_deaths(inc)
    claimants = sorted({c.claimant for c in inc.claims if c.kind == ClaimKind.killed and c.claimant != "reporter"})
    return {
        "id": inc.id, "relid": inc.id, "year": first.year if first else "", "active_year": "",
        "code_status": "", "type_of_violence": "", "conflict_dset_id": "", "conflict_new_id": "",
        "conflict_name": "", "dyad_dset_id": "", "dyad_new_id": "", "dyad_name": "",
        "side_a_dset_id": "", "side_a_new_id": "", "side_a": accused(inc), "side_b_dset_id": "",
        "side_b_new_id": "", "side_b": "",
        "number_of_sources": inc.independent,
        "source_article": "; ".join(_citation(a) for a in cited),
        "source_office": "; ".join(_outlets(cited)),
        "source_date": "; ".join(sorted({a.published.isoformat() for a in cited if a.published})),
        "source_headline": "; ".join(a.title for a in cited if a.title),
        "source_original": "; ".join(claimants),
        "where_prec": UCDP_WHERE_PREC.get(p.precision, 6) if p else "",
        "where_coordinates": p.name if p else "",
        "where_description": inc.target,
        "adm_1": p.admin1 if p else "", "adm_2": "",
        "latitude": p.lat if p else "", "longitude": p.lon if p else "",
        "geom_wkt": f"POINT ({p.lon} {p.lat})" if p else "",
        "priogrid_gid": priogrid_gid(p.lat, p.lon) if p else "",
        "country": country_name(p.country_code) if p and p.country_code else "",
        "country_id": "", "region": "", "event_clarity": "",
        "date_prec": UCDP_DATE_PREC.get(inc.date.precision, "") if first else "",
        "date_start": first.isoformat() if first else "",
        "date_end": last.isoformat() if last else "",
        "deaths_a": 0, "deaths_b": 0, "deaths_civilians": civilians, "deaths_unknown": best - civilians,
        "best": best, "high": high, "low": low, "gwnoa": "", "gwnob": "",
    }


def to_acled_csv(incidents: list[Incident], articles: dict[str, Article]) -> str:
    """ACLED's columns, header first (no comment line: tools read the header as the first line)."""
    now = datetime.now(UTC)
    return _csv(ACLED_COLUMNS, [acled_row(inc, articles, now) for inc in incidents])


def to_ucdp_csv(incidents: list[Incident], articles: dict[str, Article]) -> str:
    """UCDP GED's columns, header first."""
    return _csv(UCDP_COLUMNS, [ucdp_row(inc, articles) for inc in incidents])


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _s(v: int | None) -> str:
    return "" if v is None else str(v)
