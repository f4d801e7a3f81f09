"""GeoJSON geometry without a spatial database: bounding boxes and an exact ``within``.

``zaakgeometrie`` is stored as sent (EPSG:4326 GeoJSON) with its bounding box in four
indexed columns. A ``within`` search first keeps the zaken whose box lies inside the
search area's box (SQL, indexed), then checks each candidate exactly here: every vertex
of the zaak's geometry lies inside the area (ray casting; holes count as outside) and no
edge of the geometry crosses an edge of the area. For the polygons and points the Zaken
API carries that is the OGC ``within`` predicate up to points exactly on the boundary.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

Point = tuple[float, float]
Ring = list[Point]
GEOMETRY_TYPES = {
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}


class InvalidGeometry(ValueError):
    pass


def _position(value: Any) -> Point:
    if (
        not isinstance(value, list | tuple)
        or len(value) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in value[:2])
    ):
        raise InvalidGeometry("A position is a list of two numbers.")
    return float(value[0]), float(value[1])


def _parts(geometry: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(simple type, coordinates) for each part, collections flattened."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list):
            raise InvalidGeometry("A GeometryCollection has a list of geometries.")
        for member in members:
            if not isinstance(member, dict):
                raise InvalidGeometry("Each member of a GeometryCollection is a geometry.")
            yield from _parts(member)
        return
    if kind not in GEOMETRY_TYPES:
        raise InvalidGeometry(f"Unknown geometry type {kind!r}.")
    coordinates = geometry.get("coordinates")
    if not isinstance(coordinates, list):
        raise InvalidGeometry("A geometry has a list of coordinates.")
    if kind.startswith("Multi"):
        for item in coordinates:
            yield kind.removeprefix("Multi"), item
    else:
        yield kind, coordinates


def _rings(kind: str, coordinates: Any) -> list[Ring]:
    """Points as one ring per part: a Point is [p], a LineString its points, a Polygon its
    rings (outer first)."""
    if kind == "Point":
        return [[_position(coordinates)]]
    if kind == "LineString":
        if not isinstance(coordinates, list) or len(coordinates) < 2:
            raise InvalidGeometry("A LineString has at least two positions.")
        return [[_position(p) for p in coordinates]]
    if not isinstance(coordinates, list) or not coordinates:
        raise InvalidGeometry("A Polygon has at least one ring.")
    rings = []
    for ring in coordinates:
        if not isinstance(ring, list) or len(ring) < 4:
            raise InvalidGeometry("A polygon ring has at least four positions.")
        points = [_position(p) for p in ring]
        if points[0] != points[-1]:
            raise InvalidGeometry("A polygon ring is closed (first = last position).")
        rings.append(points)
    return rings


def validate(geometry: Any) -> None:
    if not isinstance(geometry, dict):
        raise InvalidGeometry("A geometry is a GeoJSON object.")
    for kind, coordinates in _parts(geometry):
        _rings(kind, coordinates)


def bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    points = [p for kind, c in _parts(geometry) for ring in _rings(kind, c) for p in ring]
    if not points:
        raise InvalidGeometry("The geometry has no positions.")
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _inside_ring(point: Point, ring: Ring) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _inside_polygon(point: Point, rings: list[Ring]) -> bool:
    return _inside_ring(point, rings[0]) and not any(_inside_ring(point, h) for h in rings[1:])


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _edges_cross(p1: Point, p2: Point, q1: Point, q2: Point) -> bool:
    """Proper crossing (the segments' interiors intersect in one point)."""
    d1, d2 = _cross(q1, q2, p1), _cross(q1, q2, p2)
    d3, d4 = _cross(p1, p2, q1), _cross(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def within(geometry: dict[str, Any], area: dict[str, Any]) -> bool:
    """Whether ``geometry`` lies within ``area``.

    A point or line has no inside: a geometry lies within one only when each of its positions is
    one of the area's positions (a Point zaak within the same Point, as PostGIS answers)."""
    polygons = [_rings(kind, c) for kind, c in _parts(area) if kind == "Polygon"]
    if not polygons:
        corners = {p for kind, c in _parts(area) for ring in _rings(kind, c) for p in ring}
        return all(
            p in corners for kind, c in _parts(geometry) for ring in _rings(kind, c) for p in ring
        )
    area_edges = [
        (ring[i], ring[i + 1]) for rings in polygons for ring in rings for i in range(len(ring) - 1)
    ]
    for kind, coordinates in _parts(geometry):
        rings = _rings(kind, coordinates)
        for ring in rings:
            if not all(any(_inside_polygon(p, poly) for poly in polygons) for p in ring):
                return False
            for i in range(len(ring) - 1):
                if any(_edges_cross(ring[i], ring[i + 1], a, b) for a, b in area_edges):
                    return False
    return True
