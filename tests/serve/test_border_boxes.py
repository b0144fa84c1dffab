"""The region-border index's boxes: a TopoJSON topology's extent, the short way round the globe."""

from __future__ import annotations

from harmledger.serve.borders import overlaps, topology_box


def test_a_quantized_topology_is_decoded_from_its_deltas() -> None:
    topology = {"type": "Topology", "transform": {"scale": [0.5, 0.25], "translate": [10, 40]},
                "arcs": [[[0, 0], [4, 4], [2, -8]]]}
    assert topology_box(topology) == (10, 39, 13, 41)


def test_a_shape_across_the_antimeridian_gets_the_narrow_box() -> None:
    topology = {"type": "Topology", "arcs": [[[178.0, -18.0], [179.9, -17.0]], [[-179.9, -16.0], [-178.5, -17.5]]]}
    box = topology_box(topology)
    assert box is not None
    west, south, east, north = box
    assert (west, east) == (178.0, -178.5) and (south, north) == (-18.0, -16.0)


def test_a_shape_on_one_side_keeps_its_plain_box() -> None:
    topology = {"type": "Topology", "arcs": [[[-74.0, -33.0], [-29.0, 5.0]]]}
    assert topology_box(topology) == (-74.0, -33.0, -29.0, 5.0)
    assert topology_box({"type": "Topology", "arcs": []}) is None


def test_boxes_meet_across_the_antimeridian() -> None:
    fiji = (174.6, -21.7, -178.2, -12.5)
    assert overlaps(fiji, (179.0, -20.0, 179.5, -15.0)) and overlaps(fiji, (-179.0, -20.0, -178.5, -15.0))
    assert overlaps((170.0, -20.0, -170.0, -15.0), fiji)
    assert not overlaps(fiji, (-170.0, -20.0, 170.0, -15.0))  # the plain box from -170 to 170 leaves Fiji out
    assert not overlaps(fiji, (0.0, -20.0, 10.0, -15.0))
    assert not overlaps(fiji, (175.0, 10.0, 176.0, 20.0))  # same longitudes, other latitudes
