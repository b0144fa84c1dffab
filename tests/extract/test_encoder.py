"""The fast encoder (all-MiniLM-L6-v2 as int8 ONNX) stands in for the PyTorch model: its vectors,
and the cosines resolution compares, stay close to the model's on sentences we wrote."""

from __future__ import annotations

import numpy as np
import pytest

from harmledger.extract.embedding import DIMENSIONS, embed, embed_reference
from harmledger.resolve.features import MIN_TEXT_WITHOUT_PLACE

# Two reports of one strike, a third of another strike in the same city, and unrelated text.
SAME_STRIKE = [
    "Missile hits shopping centre in Poltava. At least 12 people were killed when a missile struck "
    "a crowded shopping centre in the city centre on Monday afternoon, the regional governor said.",
    "Rescuers search the ruins of a Poltava mall. The death toll from Monday's missile strike on a "
    "shopping centre in Poltava has risen to 12, emergency services said.",
]
OTHER_STRIKE = ("Drones hit a power station outside Poltava. Two workers were injured when drones struck "
                "a thermal power plant on the edge of the city overnight, officials said.")
UNRELATED = [
    "The city council approved a new budget for schools and road repairs on Tuesday.",
    "Heavy rain is expected across the north of the country over the weekend, forecasters said.",
    "A bomb exploded at a bus stop in the capital, wounding five passengers, police said.",
    "Gunmen opened fire on a wedding party in a village, killing three guests, a local official said.",
]
SENTENCES = SAME_STRIKE + [OTHER_STRIKE] + UNRELATED


@pytest.fixture(scope="module")
def vectors() -> tuple[np.ndarray, np.ndarray]:
    """The fast encoder's and the reference model's vectors of SENTENCES."""
    return embed(SENTENCES), embed_reference(SENTENCES)


def test_fast_vectors_are_unit_length_rows_of_the_models_size(vectors) -> None:
    fast, _ = vectors
    assert fast.shape == (len(SENTENCES), DIMENSIONS) and fast.dtype == np.float32
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)


def test_fast_vectors_are_within_0_98_cosine_of_the_reference_model(vectors) -> None:
    fast, reference = vectors
    assert np.sum(fast * reference, axis=1).min() >= 0.98


def test_cosines_between_reports_move_by_less_than_0_06(vectors) -> None:
    fast, reference = vectors
    assert np.abs(fast @ fast.T - reference @ reference.T).max() < 0.06


def test_two_reports_of_one_strike_stay_closer_than_another_strike_and_pass_the_placeless_gate(vectors) -> None:
    fast, reference = vectors
    for v in (fast, reference):
        same, other = float(v[0] @ v[1]), float(v[0] @ v[2])
        assert same >= MIN_TEXT_WITHOUT_PLACE > max(float(v[0] @ u) for u in v[3:])
        assert same > other


def test_a_text_gets_the_same_vector_alone_or_among_others() -> None:
    alone = embed([OTHER_STRIKE])[0]
    among = embed([UNRELATED[0], OTHER_STRIKE, SAME_STRIKE[0]])[1]
    assert np.array_equal(alone, among)


def test_no_texts_give_no_rows() -> None:
    assert embed([]).shape == (0, DIMENSIONS)
