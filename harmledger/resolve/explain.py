"""Why each mention belongs to its incident: the feature scores the resolver gave it."""

from __future__ import annotations

from dataclasses import dataclass

from harmledger.extract.gazetteer import distance_km
from harmledger.models import Incident, Mention


@dataclass(frozen=True)
class Membership:
    mention_id: str
    article_id: str
    role: str
    km: float | None  # from the incident's place
    days: int | None  # from the incident's date
    date_basis: str  # how the mention's date was read
    decision: str  # "founded" or "joined, score S ≥ threshold"
    scores: dict[str, float]  # feature -> points, as scored when the mention joined
    cosine: float | None  # text similarity to the incident when it joined
    shared_target: str
    district: str  # stem of the district of the town the mention names; another one is a veto


def explain_membership(incident: Incident) -> list[Membership]:
    """One row per mention: its distance and date difference now, and the scores it joined with."""
    out = []
    for m in incident.mentions:
        f = m.joined.features if m.joined else {}
        out.append(Membership(
            mention_id=m.id, article_id=m.article_id, role=m.role, km=_km(m, incident),
            days=_days(m, incident), date_basis=m.date.reason or m.date.precision,
            decision=f"joined ({f.get('relation', '')}), score {m.joined.score:g}" if m.joined else "founded",
            scores={k: float(v) for k, v in f.items() if k in _SCORED and isinstance(v, (int, float))},
            cosine=f.get("cosine") if isinstance(f.get("cosine"), float) else None,  # type: ignore[arg-type]
            shared_target=str(f.get("shared_target") or ""), district=m.district,
        ))
    return out


_SCORED = ("place", "date", "type", "target", "weapon", "text")


def _km(m: Mention, incident: Incident) -> float | None:
    if m.place is None or incident.place is None:
        return None
    return round(distance_km(m.place.lat, m.place.lon, incident.place.lat, incident.place.lon), 1)


def _days(m: Mention, incident: Incident) -> int | None:
    if m.date.value is None or incident.date.value is None:
        return None
    return (m.date.value - incident.date.value).days
