"""Why each mention belongs to its incident: the features the grouping rule looked at."""

from __future__ import annotations

from dataclasses import dataclass

from harmledger.extract.gazetteer import distance_km
from harmledger.models import Incident, Mention
from harmledger.resolve.cluster import target_words


@dataclass(frozen=True)
class Membership:
    mention_id: str
    article_id: str
    role: str
    km: float | None  # from the incident's place
    days: int | None  # from the incident's date
    date_basis: str  # how the mention's date was read
    shared_target: str  # target words in common with the incident
    same_type: bool


def explain_membership(incident: Incident) -> list[Membership]:
    """One row per mention: distance, date difference, shared target words, event type."""
    out = []
    for m in incident.mentions:
        out.append(Membership(
            mention_id=m.id, article_id=m.article_id, role=m.role, km=_km(m, incident),
            days=_days(m, incident), date_basis=m.date.reason or m.date.precision,
            shared_target=" ".join(sorted(target_words(m.target) & target_words(incident.target))),
            same_type=m.event_type == incident.event_type,
        ))
    return out


def _km(m: Mention, incident: Incident) -> float | None:
    if m.place is None or incident.place is None:
        return None
    return round(distance_km(m.place.lat, m.place.lon, incident.place.lat, incident.place.lon), 1)


def _days(m: Mention, incident: Incident) -> int | None:
    if m.date.value is None or incident.date.value is None:
        return None
    return (m.date.value - incident.date.value).days
