"""The nouns: a claim and a mention are frozen once made; a later stage makes new ones
(dataclasses.replace) and an incident takes its reconciled claims back onto copies of its mentions."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from harmledger.models import UNKNOWN_DATE, Claim, ClaimKind, EventType, Incident, Mention, Role


def _mention(index: int, *claims: Claim) -> Mention:
    return Mention("a1", index, Role.main, EventType.shelling, UNKNOWN_DATE, None, "", "", "e", 0, 1,
                   claims=list(claims))


def test_a_claim_and_a_mention_cannot_be_changed_once_made() -> None:
    claim = Claim(ClaimKind.killed, "governor", "3 killed", 0, 8, low=3, high=3)
    with pytest.raises(FrozenInstanceError):
        claim.claimant = "mayor"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        _mention(0, claim).joined = None  # type: ignore[misc]
    assert replace(claim, claimant="mayor").claimant == "mayor" and claim.claimant == "governor"


def test_an_incident_takes_new_claims_onto_copies_of_its_mentions_in_claim_order() -> None:
    a, b, c = (Claim(ClaimKind.killed, "reporter", "e", i, i + 1, low=i) for i in range(3))
    incident = Incident("I1", EventType.shelling, UNKNOWN_DATE, None, "", "", [_mention(0, a, b), _mention(1, c)])
    named = [replace(x, entity=f"E{i}") for i, x in enumerate(incident.claims)]
    incident.put_claims(named)
    assert [x.entity for x in incident.claims] == ["E0", "E1", "E2"]
    assert [len(m.claims) for m in incident.mentions] == [2, 1]
    with pytest.raises(ValueError, match="4 claims for the 3"):
        incident.put_claims([*named, a])
