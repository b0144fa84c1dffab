"""The reconciliation rules in one table: which sources are parties, how authoritative each kind
of source is, which victim groups are combatants, and how far two figures may differ and still
agree. docs/reconciliation.md states the same rules in prose; FIGURE_RULES is what `show
--explain` and the API print beside each number."""

from __future__ import annotations

from harmledger.models import SourceType as S

# Sources that speak for a party to the conflict: their figures are claims of that party.
PARTY_TYPES = frozenset({S.national_government, S.armed_forces, S.armed_group})
# Non-party sources from the most to the least authoritative about a toll at the scene.
AUTHORITY: tuple[S, ...] = (S.health, S.emergency_service, S.local_authority, S.police, S.international,
                            S.ngo, S.media, S.witness, S.unknown)
# Victim groups that are combatants: a party's count of them is that party's claim, never a
# civilian toll (codes of extract's GROUPS, and the words of named groups such as
# "foreign mercenaries").
COMBATANT_WORDS = frozenset({"soldiers", "fighters", "mercenaries", "militants", "troops", "servicemen",
                             "combatants", "nationalists", "militia", "insurgents"})
# Two figures agree when they differ by at most this many people or this share of the larger.
TOLERANCE_ABS = 2
TOLERANCE_REL = 0.2

FIGURE_RULES: dict[str, str] = {
    "totals": "claims for all victims or all civilians (a whole class of victims when an article "
              "gives no total); never subgroups, never a party's count of enemy combatants",
    "reliable": "totals from non-party sources (not a government, armed forces or armed group, not "
                "the accused side); party totals only when no other source gives one",
    "low": "smallest total, outliers included and marked",
    "high": "largest total, outliers included and marked (an open 'at least N' counts as N)",
    "best": "latest figure of the most authoritative non-party source type among the sources "
            "reporting the incident at the latest publication date (undated counts as oldest)",
    "conservative": "smallest among the latest figures of the independent reliable sources, "
                    "never an early toll its own source superseded",
    "outliers": "marked: party claims and figures their own source revised (in low/high only); "
                "enemy-combatant counts (in none)",
}


def agree(a: int, b: int) -> bool:
    """Whether two counts agree within the tolerance."""
    return abs(a - b) <= max(TOLERANCE_ABS, TOLERANCE_REL * max(a, b))


def is_combatant_group(group: str) -> bool:
    return any(word in COMBATANT_WORDS for word in group.lower().split())


def authority(kind: str) -> int:
    """Rank of a source type (0 the most authoritative); parties rank after every other type."""
    try:
        return AUTHORITY.index(S(kind))
    except ValueError:
        return len(AUTHORITY)
