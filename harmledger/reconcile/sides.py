"""The side each claimant speaks for, read from its incident's blame and denial structure.

"Ukraine accuses Russia" makes Ukraine the attacked side and Russia the accused one; "Moscow
denies" makes Russia the accused side. A country is on the side most of its incident's blame and
denial statements put it; an entity speaks for its country's side, else for the side its own
blame or denial shows, else (an outside body, a witness, the press) for neither.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from harmledger.models import Claim, ClaimKind, Side, SourceType
from harmledger.reconcile.entities import Entity, country_of, read

# Source types that speak for no party unless their words name one.
OUTSIDERS = frozenset({SourceType.international, SourceType.ngo, SourceType.media, SourceType.witness})


def country_sides(found: list[Claim], entities: list[Entity]) -> dict[str, Side]:
    """Each country named in a blame or denial, with the side the statements put it on."""
    accused: Counter[str] = Counter()
    attacked: Counter[str] = Counter()
    for c, e in zip(found, entities, strict=True):
        if c.kind == ClaimKind.blame:
            if e.country:
                attacked[e.country] += 1
            target = country_of(read(c.accused).words) if c.accused else ""
            if target:
                accused[target] += 1
        elif c.kind == ClaimKind.denial and e.country:
            accused[e.country] += 1
    out: dict[str, Side] = {}
    for country in set(accused) | set(attacked):
        if accused[country] > attacked[country]:
            out[country] = Side.accused
        elif attacked[country] > accused[country]:
            out[country] = Side.attacked
    return out


def sides(found: list[Claim], entities: list[Entity]) -> list[Side]:
    """The side of each claim's claimant (see the module rules)."""
    by_country = country_sides(found, entities)
    own: dict[str, Side] = {}
    for c, e in zip(found, entities, strict=True):
        if c.kind == ClaimKind.blame:
            own.setdefault(e.key, Side.attacked)
        elif c.kind == ClaimKind.denial:
            own.setdefault(e.key, Side.accused)
    out = []
    for e in entities:
        if e.country in by_country:
            out.append(by_country[e.country])
        elif e.key in own:
            out.append(own[e.key])
        elif e.source_type in OUTSIDERS and not e.country:
            out.append(Side.neither)
        else:
            out.append(Side.unknown)
    return out


def annotate(found: list[Claim], entities: list[Entity]) -> list[Claim]:
    """Each claim of `found` with its entity name, source type and side."""
    return [replace(c, entity=e.name, source_type=e.source_type.value, side=side.value)
            for c, e, side in zip(found, entities, sides(found, entities), strict=True)]
