"""Rich tables for the terminal: the incident list and one incident's claim table."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from harmledger.models import Article, DatePrecision, Figures, Incident
from harmledger.resolve.explain import Membership


def _range(f: Figures) -> str:
    if f.low is None:
        return "–"
    return f"{f.low}" if f.low == f.high else f"{f.low}–{f.high}"


def incident_table(incidents: list[Incident]) -> Table:
    """Date, place, type, killed low–high, injured, sources, grade — one row per incident."""
    table = Table(title=f"{len(incidents)} incidents", title_justify="left")
    for column in ("id", "date", "place", "type", "target", "killed", "injured", "sources", "grade"):
        table.add_column(column, overflow="fold")
    for inc in incidents:
        place = inc.place.name if inc.place else "?"
        if inc.place and inc.place.country_code:
            place = f"{place}, {inc.place.country_code}"
        when = inc.date.value.isoformat() if inc.date.value else "unknown"
        if inc.date.value and inc.date.precision != DatePrecision.day:
            when += f" ({inc.date.precision})"
        grade = inc.grade + (" (background only)" if inc.background_only else "")
        table.add_row(inc.id, when, place, inc.event_type, inc.target, _range(inc.killed),
                      _range(inc.injured), f"{inc.independent}/{inc.articles}", grade)
    return table


def region_table(rows: list[dict[str, Any]], by: str) -> Table:
    """Totals per region (or country): incidents, killed and injured as best (low–high sums)."""
    table = Table(title=f"{len(rows)} {'regions' if by == 'region' else 'countries'}", title_justify="left",
                  caption="sums of the incidents' figures; – where no report gave one", caption_justify="left")
    table.add_column("country")
    if by == "region":
        table.add_column("region")
    for column in ("incidents", "killed", "injured"):
        table.add_column(column, justify="right")

    def figures(f: dict[str, int]) -> str:
        if not f["incidents_with_figure"]:
            return "–"
        return f"{f['best']}" if f["low"] == f["high"] else f"{f['best']} ({f['low']}–{f['high']})"

    for r in rows:
        place = [r["country_code"] or "?"] + ([r.get("admin1") or "?"] if by == "region" else [])
        table.add_row(*place, str(r["incidents"]), figures(r["killed"]), figures(r["injured"]))
    return table


def claim_table(incident: Incident, articles: dict[str, Article]) -> Table:
    """Every claim of one incident: figure, qualifier, group, claimant, article, evidence."""
    table = Table(title="claims", title_justify="left")
    for column in ("#", "kind", "figure", "qualifier", "group", "claimant", "article", "evidence"):
        table.add_column(column, overflow="fold")
    for i, c in enumerate(incident.claims):
        figure = "" if c.low is None else (f"{c.low}+" if c.high is None else
                                           (f"{c.low}" if c.low == c.high else f"{c.low}–{c.high}"))
        a = articles.get(c.article_id)
        source = (a.outlet or a.source_id) if a else c.article_id
        role = next((m.role for m in incident.mentions if m.article_id == c.article_id), "")
        evidence = c.evidence if len(c.evidence) < 160 else c.evidence[:157] + "…"
        table.add_row(str(i), c.kind, figure, c.qualifier or "", c.group, c.claimant,
                      f"{source}{' (background)' if role == 'background' else ''}", evidence)
    return table


BASELINE_METRICS = ("claim_precision", "claim_recall", "claim_f1", "claimant_accuracy", "date_exact",
                    "place_25km")


def baseline_table(ours: dict[str, Any], baselines: dict[str, dict[str, Any]]) -> Table:
    """Our scores in one row, each baseline in its own, on the metrics it competes on."""
    table = _baseline_columns()
    _baseline_rows(table, [], ours, baselines)
    return table


def corpus_baseline_table(corpora: dict[str, tuple[dict[str, Any], dict[str, dict[str, Any]]]],
                          pooled: tuple[dict[str, Any], dict[str, dict[str, Any]]]) -> Table:
    """The baseline table's rows for each corpus (name -> our scores, baselines' scores), then pooled."""
    table = _baseline_columns(first="corpus")
    for name, (ours, baselines) in [*corpora.items(), ("pooled", pooled)]:
        _baseline_rows(table, [name], ours, baselines)
        table.add_section()
    return table


def _baseline_columns(first: str | None = None) -> Table:
    table = Table(title="harmledger vs baselines (each swaps one component into our export)",
                  title_justify="left")
    if first:
        table.add_column(first)
    table.add_column("system")
    for metric in BASELINE_METRICS:
        table.add_column(metric, justify="right")
    return table


def _baseline_rows(table: Table, first: list[str], ours: dict[str, Any], baselines: dict[str, dict[str, Any]]) -> None:
    table.add_row(*first, "harmledger", *(f"{ours[m]:.3f}" for m in BASELINE_METRICS))
    for name, scores in baselines.items():
        table.add_row(*first, name, *(f"{scores[m]:.3f}" if m in scores else "–" for m in BASELINE_METRICS))


# (header, metric) of the several-corpora table: the reference scorer's ratios; headers are broken
# by hand so that all fifteen columns fit the 150 columns a pipe gets without rich cutting words
CORPUS_METRICS = (("claim\nP", "claim_precision"), ("claim\nR", "claim_recall"), ("claim\nF1", "claim_f1"),
                  ("claimant\naccuracy", "claimant_accuracy"), ("date\nexact", "date_exact"),
                  ("place\n≤25 km", "place_25km"), ("B³\nP", "b3_precision"), ("B³\nR", "b3_recall"),
                  ("B³\nF1", "b3_f1"), ("killed\nrange\ncovers", "killed_range_covers"),
                  ("claims on\nright\nincident", "claim_right_incident"))


def corpus_table(corpora: dict[str, tuple[dict[str, Any], int]], pooled: tuple[dict[str, Any], int]) -> Table:
    """One row per corpus (name -> scores, same_town_other_day_merged), then the pooled row."""
    table = Table(title="harmledger eval: one row per corpus, then all of them pooled", title_justify="left",
                  caption="pooled: every unit, incident and claim of the corpora counted once (micro-averages)",
                  caption_justify="left")
    table.add_column("corpus")
    for header in ("incidents\nfound", "claims\nmatched", *(h for h, _ in CORPUS_METRICS),
                   "same_town_\nother_day_\nmerged"):
        table.add_column(header, justify="right")
    for name, row in corpora.items():
        table.add_row(*_corpus_cells(name, *row))
    table.add_section()
    table.add_row(*_corpus_cells("pooled", *pooled))
    return table


def _corpus_cells(name: str, scores: dict[str, Any], merged: int) -> list[str]:
    return [name, f"{scores['incidents_found']}/{scores['incidents_gold']}",
            f"{scores['claims_matched']}/{scores['claims_gold']}",
            *(f"{scores[m]:.3f}" for _, m in CORPUS_METRICS), str(merged)]


def membership_table(rows: list[Membership], articles: dict[str, Article]) -> Table:
    """Why each mention joined: the decision, its feature scores, distance, days, date basis."""
    table = Table(title="why each article is here (feature points; join at ≥ 4, recalled events ≥ 5)",
                  title_justify="left")
    for column in ("article", "role", "decision", "place", "date", "type", "target", "weapon", "text (cos)",
                   "km", "days", "district", "date read from"):
        table.add_column(column, overflow="fold")
    for r in rows:
        a = articles.get(r.article_id)
        points = [f"{r.scores[k]:+g}" if k in r.scores else "–" for k in ("place", "date", "type", "target", "weapon")]
        text = "–" if "text" not in r.scores else f"{r.scores['text']:+g}" + (
            f" ({r.cosine:.2f})" if r.cosine is not None else "")
        table.add_row((a.outlet or a.source_id) if a else r.article_id, r.role, r.decision, *points, text,
                      "–" if r.km is None else f"{r.km:g}", "–" if r.days is None else str(r.days), r.district or "–",
                      r.date_basis)
    return table
