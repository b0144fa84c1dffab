"""Scores an incidents@1 export against a gold folder, with the definitions of
`shared/tools/score.py` (the reference scorer): both must print the same numbers.

Units are (article, gold incident) pairs for the gold `main` mentions; each is assigned the
system incident that mentions the article and lies within 3 days and 50 km. B³ is computed over
those units; claims match on article, kind, low, high and group.

tally() keeps the counts each metric is a ratio of; pool() adds the tallies of several corpora,
which gives micro-averages over all their units, incidents and claims.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from harmledger.extract.gazetteer import distance_km

_STOP = {"the", "a", "an", "of", "s", "and", "in", "for", "to", "on", "said", "according",
         "official", "officials"}
_ALL_GROUPS = {None, "", "all", "people", "civilians", "total", "persons"}
DAY_TOL, KM_TOL, PLACE_KM = 3, 50, 25


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _km(a_lat: float | None, a_lon: float | None, b_lat: float | None, b_lon: float | None) -> float:
    if a_lat is None or a_lon is None or b_lat is None or b_lon is None:
        return math.inf
    # The reference's haversine, bit for bit; distance_km only adds a clamp of h at 1, which
    # matters only where rounding takes it past 1 (near-antipodal points) and the reference fails.
    return distance_km(a_lat, a_lon, b_lat, b_lon)


def group_key(group: str | None) -> str:
    g = (group or "").lower().strip()
    return "all" if g in _ALL_GROUPS else g.rstrip("s")


def _tokens(s: str | None) -> set[str]:
    """Words of three letters or more, any script, cut to five letters so that inflected forms
    meet (ministry/ministries, Лисак/Лисака)."""
    return {t[:5] for t in re.findall(r"[^\W\d_]+", (s or "").lower()) if t not in _STOP and len(t) > 2}


def claimant_match(gold: str | None, system: str | None) -> bool:
    g, s = (gold or "reporter").lower().strip(), (system or "reporter").lower().strip()
    if g == s:
        return True
    if "reporter" in g or "reporter" in s:
        return ("reporter" in g) == ("reporter" in s)
    return bool(_tokens(g) & _tokens(s))


def _high_match(gold: dict[str, Any], system: dict[str, Any]) -> bool:
    """Exact on high, except that an approximate figure ("about 100") may be open or closed,
    and a gold claim marked high_any ("at least 100 dead and 300 injured") takes either."""
    if gold.get("high_any"):
        return True
    if gold.get("qualifier") in ("about", "up_to") and system.get("high") in (None, gold["low"]):
        return gold.get("high") in (None, gold["low"])
    return bool(system.get("high") == gold.get("high"))


def _day_diff(a: object, b: object) -> int | None:
    try:
        return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days)
    except ValueError:
        return None


def _source_ids(export: dict[str, Any]) -> dict[str, str]:
    out = {}
    for a in export.get("articles", []):
        src = str(a.get("source_id") or a.get("id"))
        out[a["id"]] = Path(src).stem if src.endswith((".txt", ".html")) else src
    return out


def _assign(export: dict[str, Any], sid: dict[str, str],
            gold: list[dict[str, Any]]) -> dict[tuple[str, str], str | None]:
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for inc in export["incidents"]:
        for m in inc.get("mentions", []):
            by_article[sid.get(m["article_id"], m["article_id"])].append(inc)
    assign: dict[tuple[str, str], str | None] = {}
    for g in gold:
        for m in g["mentions"]:
            if m["role"] != "main":
                continue
            best, best_key = None, None
            for inc in by_article.get(m["article_id"], []):
                dd = _day_diff(inc.get("date"), g["date"])
                p = inc.get("place") or {}
                dist = _km(p.get("lat"), p.get("lon"), g["place"]["lat"], g["place"]["lon"])
                if dd is None or dd > DAY_TOL or (dist > KM_TOL and dist != math.inf):
                    continue
                key = (dd, dist)
                if best_key is None or key < best_key:
                    best, best_key = inc, key
            assign[(m["article_id"], g["id"])] = best["id"] if best else None
    return assign


def _b_cubed_sums(assign: dict[tuple[str, str], str | None]) -> tuple[float, float]:
    """Per-unit B³ precision and recall, summed over the units (divided by their number later)."""
    units = list(assign)
    label = {u: (assign[u] if assign[u] is not None else f"__single__{i}") for i, u in enumerate(units)}
    p = r = 0.0
    for u in units:
        same_sys = [v for v in units if label[v] == label[u]]
        same_gold = [v for v in units if v[1] == u[1]]
        both = sum(1 for v in same_sys if v[1] == u[1])
        p += both / len(same_sys)
        r += both / len(same_gold)
    return p, r


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Tally:
    """The counts that every metric of one scoring is a ratio of. Tallies add up, so corpora pool
    exactly: the pooled metrics are micro-averages over all their units, incidents and claims."""

    units: int = 0
    b3_precision_sum: float = 0.0  # per-unit B³ precision summed over the units
    b3_recall_sum: float = 0.0
    incidents_gold: int = 0
    incidents_found: int = 0
    dates_exact: int = 0
    places_25km: int = 0
    killed_ranges: int = 0  # found gold incidents with a killed figure for all victims
    killed_ranges_covering: int = 0
    system_incidents: int = 0
    system_incidents_unmatched: int = 0
    units_matched: int = 0
    claims_gold: int = 0
    claims_system: int = 0
    claims_matched: int = 0
    claimants_right: int = 0
    claims_right_incident: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def scores(self) -> dict[str, Any]:
        """The reference scorer's metrics, by its names and in its order."""
        n = self.units or 1
        p, r = self.b3_precision_sum / n, self.b3_recall_sum / n
        cp = self.claims_matched / max(self.claims_system, 1)
        cr = self.claims_matched / max(self.claims_gold, 1)
        return {"units": self.units, "b3_precision": p, "b3_recall": r, "b3_f1": _f1(p, r),
                "incidents_gold": self.incidents_gold, "incidents_found": self.incidents_found,
                "date_exact": self.dates_exact / max(self.incidents_gold, 1),
                "place_25km": self.places_25km / max(self.incidents_gold, 1),
                "killed_range_covers": self.killed_ranges_covering / max(self.killed_ranges, 1),
                "system_incidents": self.system_incidents,
                "system_incidents_unmatched": self.system_incidents_unmatched,
                "units_matched": self.units_matched, "claims_gold": self.claims_gold,
                "claims_system": self.claims_system, "claims_matched": self.claims_matched,
                "claim_precision": cp, "claim_recall": cr, "claim_f1": _f1(cp, cr),
                "claimant_accuracy": self.claimants_right / max(self.claims_matched, 1),
                "claim_right_incident": self.claims_right_incident / max(self.claims_matched, 1)}


def pool(tallies: Iterable[Tally]) -> Tally:
    """Several corpora as one: their counts summed. Units, incidents and claims of different
    corpora never meet, so this is scoring their union with ids kept apart by corpus."""
    return sum(tallies, Tally())


def score(export: dict[str, Any], gold_dir: Path) -> dict[str, Any]:
    """Every metric of the reference scorer, by the same names, for one export."""
    return tally(export, gold_dir).scores()


def tally(export: dict[str, Any], gold_dir: Path) -> Tally:
    """The counts behind score(): what pool() adds up across corpora."""
    sid = _source_ids(export)
    gold = read_jsonl(gold_dir / "incidents.jsonl")
    gold_articles = {a["id"] for a in read_jsonl(gold_dir / "articles.jsonl")}
    assign = _assign(export, sid, gold)
    gold_to_sys = _gold_to_system(gold, assign)
    p, r = _b_cubed_sums(assign)
    return Tally(units=len(assign), b3_precision_sum=p, b3_recall_sum=r,
                 **_incident_counts(export, gold, assign, gold_to_sys),
                 **_claim_counts(export, sid, gold, gold_articles, gold_to_sys))


def _gold_to_system(gold: list[dict[str, Any]], assign: dict[tuple[str, str], str | None]) -> dict[str, str]:
    """Each found gold incident's system incident: the one most of its main reports went to."""
    out = {}
    for g in gold:
        votes: Counter[str] = Counter()  # in first-seen order, which breaks ties as the reference does
        for m in g["mentions"]:
            sys_id = assign.get((m["article_id"], g["id"])) if m["role"] == "main" else None
            if sys_id:
                votes[sys_id] += 1
        if votes:
            out[g["id"]] = votes.most_common(1)[0][0]
    return out


def _incident_counts(export: dict[str, Any], gold: list[dict[str, Any]],
                     assign: dict[tuple[str, str], str | None], gold_to_sys: dict[str, str]) -> dict[str, int]:
    by_id = {inc["id"]: inc for inc in export["incidents"]}
    date_ok = place_ok = range_ok = range_n = 0
    for g in gold:
        if g["id"] not in gold_to_sys:
            continue
        inc = by_id[gold_to_sys[g["id"]]]
        date_ok += str(inc.get("date", ""))[:10] == g["date"]
        pl = inc.get("place") or {}
        place_ok += _km(pl.get("lat"), pl.get("lon"), g["place"]["lat"], g["place"]["lon"]) <= PLACE_KM
        figs = [c["low"] for c in g["claims"] if c["kind"] == "killed" and group_key(c.get("group")) == "all"]
        k = inc.get("killed") or {}
        if figs and k.get("low") is not None and k.get("high") is not None:
            range_n += 1
            range_ok += k["low"] <= min(figs) and k["high"] >= max(figs)
        elif figs:
            range_n += 1
    assigned = set(assign.values())
    spurious = [inc for inc in export["incidents"] if inc["id"] not in assigned
                and all(m.get("role") != "background" for m in inc.get("mentions", []))]
    return {"incidents_gold": sum(1 for g in gold if any(m["role"] == "main" for m in g["mentions"])),
            "incidents_found": len(gold_to_sys), "dates_exact": date_ok, "places_25km": place_ok,
            "killed_ranges": range_n, "killed_ranges_covering": range_ok,
            "system_incidents": len(export["incidents"]), "system_incidents_unmatched": len(spurious),
            "units_matched": len({u for u, v in assign.items() if v is not None})}


def _system_claims(export: dict[str, Any], sid: dict[str, str],
                   gold_articles: set[str]) -> list[tuple[str, dict[str, Any], str]]:
    """(source id, claim, incident id) of each killed/injured figure of a gold article; the same
    figure by the same claimant twice in one article (headline and body) counts once."""
    out: list[tuple[str, dict[str, Any], str]] = []
    seen = set()
    for inc in export["incidents"]:
        for c in inc.get("claims", []):
            if c.get("kind") in ("killed", "injured"):
                a = sid.get(c.get("article_id"), c.get("article_id"))
                key = (a, c.get("kind"), c.get("low"), c.get("high"), group_key(c.get("group")),
                       (c.get("claimant") or "").lower())
                if a in gold_articles and key not in seen:
                    seen.add(key)
                    out.append((a, c, inc["id"]))
    return out


def _claim_counts(export: dict[str, Any], sid: dict[str, str], gold: list[dict[str, Any]],
                  gold_articles: set[str], gold_to_sys: dict[str, str]) -> dict[str, int]:
    sys_claims = _system_claims(export, sid, gold_articles)
    gold_claims = [(c["article_id"], c, g["id"]) for g in gold for c in g["claims"]]
    used: set[int] = set()
    matched = claimant_ok = right_incident = 0
    for a, gc, gid in gold_claims:
        for i, (sa, sc, sinc) in enumerate(sys_claims):
            if i in used or sa != a or sc.get("kind") != gc["kind"]:
                continue
            if sc.get("low") != gc["low"] or not _high_match(gc, sc):
                continue
            if group_key(sc.get("group")) != group_key(gc.get("group")):
                continue
            used.add(i)
            matched += 1
            claimant_ok += claimant_match(gc.get("claimant"), sc.get("claimant"))
            right_incident += gold_to_sys.get(gid) == sinc
            break
    return {"claims_gold": len(gold_claims), "claims_system": len(sys_claims), "claims_matched": matched,
            "claimants_right": claimant_ok, "claims_right_incident": right_incident}


def same_town_merges(export: dict[str, Any], gold_dir: Path) -> list[tuple[str, str, str]]:
    """Issue 5's target, which the reference scorer does not print: pairs of gold incidents in one
    town (within 25 km) on different days whose reports share a system incident, with that
    incident's id."""
    gold = read_jsonl(gold_dir / "incidents.jsonl")
    by_gold: dict[str, set[str]] = defaultdict(set)
    for (_, gid), sys_id in _assign(export, _source_ids(export), gold).items():
        if sys_id is not None:
            by_gold[gid].add(sys_id)
    out = []
    for i, a in enumerate(gold):
        for b in gold[i + 1:]:
            near = _km(a["place"]["lat"], a["place"]["lon"], b["place"]["lat"], b["place"]["lon"]) <= PLACE_KM
            if near and a["date"] != b["date"]:
                out += [(a["id"], b["id"], shared) for shared in sorted(by_gold[a["id"]] & by_gold[b["id"]])]
    return out


def format_scores(scores: dict[str, Any]) -> str:
    """One line per metric, as the reference scorer prints them."""
    return "\n".join(f"{k:28s} {v:.3f}" if isinstance(v, float) else f"{k:28s} {v}"
                     for k, v in scores.items())
