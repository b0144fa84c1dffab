"""Fill an incident's figures, sources, grade and contradictions from its claims."""

from __future__ import annotations

from dataclasses import replace

from harmledger.models import Article, Incident, Role
from harmledger.reconcile.entities import resolve_entities
from harmledger.reconcile.figures import reconcile_figures
from harmledger.reconcile.grade import attributions, denied_by, grade, independent_sources, stances
from harmledger.reconcile.history import disputes, revisions, series, status
from harmledger.reconcile.sides import annotate


def reconcile(incident: Incident, articles: dict[str, Article]) -> Incident:
    """Return `incident` with its claimants resolved and its figures, sources, grade and
    contradictions set."""
    found = annotate(incident.claims, resolve_entities(incident.claims, articles))
    incident.put_claims(found)
    main = {m.article_id for m in incident.mentions if m.role == Role.main}
    counts = [series(found, kind, articles) for kind in ("killed", "injured")]
    incident.killed, incident.injured = (reconcile_figures(s, found, main, articles) for s in counts)
    ids = {m.article_id for m in incident.mentions}
    incident.articles = len(ids)
    incident.independent = independent_sources(ids, articles)
    contested = [c for s in counts for c in disputes(s, found, articles)]
    made = contested + [c for s in counts for c in revisions(s, found, articles)] + stances(found) \
        + attributions(found)
    cited = incident.claim_ids
    incident.contradictions = [replace(c, claim_ids=[cited[i] for i in c.claims]) for c in made]
    incident.figure_status = status(counts, contested).value
    incident.denied_by = denied_by(found)
    incident.grade = grade(incident)
    return incident
