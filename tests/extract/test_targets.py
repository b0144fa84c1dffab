"""What was hit (our own sentences): the target words resolution compares reports by, including the
gatherings and crowded places every war's reports name."""

from __future__ import annotations

import pytest

from harmledger.extract.events import target_phrase


@pytest.mark.parametrize(("text", "target"), [
    ("An airstrike hit a funeral hall in the capital, witnesses said.", "funeral hall"),
    ("Rebels said the strike on the funeral killed dozens.", "funeral"),
    ("A drone struck a wedding party in the mountains.", "wedding"),
    ("The bomb tore through a crowded mosque at Friday prayers.", "crowded mosque"),
    ("A missile hit a school bus near the market town.", "school bus"),
    ("Gunmen attacked a police checkpoint on the highway.", "police checkpoint"),
    ("Shells landed on a displacement camp overnight.", "displacement camp"),
    ("A gunman opened fire at a country music festival.", "country music festival"),
])
def test_a_place_people_gather_is_a_target(nlp, text: str, target: str) -> None:
    assert target_phrase(next(iter(nlp(text).sents))) == target
