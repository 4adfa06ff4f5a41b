from __future__ import annotations

import pytest

from services.extractor.places.region_points import (
    Point,
    representative_point,
    representative_points,
)


def test_no_city_no_point() -> None:
    assert representative_point([]) is None
    assert representative_points({"AQ": [], "VA": [(41.90, 12.45)]}) == {"VA": (41.90, 12.45)}


def test_one_city_is_the_point() -> None:
    assert representative_point([(41.90236, 12.45332)]) == (41.90236, 12.45332)


def test_a_metropolis_counts_as_one_cell() -> None:
    # A metropolis listed as a hundred rows in one corner, and four towns strung eastwards: the
    # centre of the five occupied cells lies near the middle town, not in the metropolis.
    # Weighted by rows, the mean (near longitude 0.25) would have stayed by the metropolis.
    metropolis = [(0.1 + i / 1000, 0.1 + i / 1000) for i in range(100)]
    towns = [(0.2, 1.2), (0.2, 2.2), (0.2, 3.2), (0.2, 4.2)]
    assert representative_point(metropolis + towns) == (0.2, 2.2)


def test_the_point_is_always_one_of_the_cities() -> None:
    # A "C" of towns around an empty middle (a bay, or a neighbour): the centre of the cells
    # falls in the empty middle, the point moves to the nearest town.
    ring = [(5.0, 0.0), (4.0, -3.0), (0.0, -5.0), (-4.0, -3.0), (-5.0, 0.0)]
    point = representative_point(ring)
    assert point == (0.0, -5.0)


def test_across_the_antimeridian() -> None:
    # Towns either side of 180 degrees: a mean of longitudes would put the point near 0.
    fiji_like: list[Point] = [(-17.6, 177.4), (-16.5, 179.4), (-16.8, -179.9), (-18.1, 178.4)]
    point = representative_point(fiji_like)
    assert point is not None
    assert point in fiji_like
    assert abs(point[1]) > 177


@pytest.mark.parametrize("lon", [-180.0, 0.0, 179.999])
def test_cells_at_edges_are_fine(lon: float) -> None:
    assert representative_point([(89.9, lon), (-89.9, lon)]) in {(89.9, lon), (-89.9, lon)}
