"""Fill an incident's figures, sources, grade and contradictions from its claims."""

from __future__ import annotations

from dataclasses import replace

from harmledger.models import Article, Incident
from harmledger.reconcile.figures import reconcile_figures
from harmledger.reconcile.grade import contradictions, grade, independent_sources


def reconcile(incident: Incident, articles: dict[str, Article]) -> Incident:
    """Return `incident` with killed/injured, sources, grade and contradictions set."""
    found = incident.claims
    main = [c for m in incident.mentions if m.role == "main" for c in m.claims]
    incident.killed = reconcile_figures(found, main, "killed", articles)
    incident.injured = reconcile_figures(found, main, "injured", articles)
    ids = {m.article_id for m in incident.mentions}
    incident.articles = len(ids)
    incident.independent = independent_sources(ids, articles)
    cited = incident.claim_ids
    incident.contradictions = [replace(c, claim_ids=[cited[i] for i in c.claims]) for c in contradictions(found)]
    incident.grade = grade(incident, incident.contradictions)
    return incident
