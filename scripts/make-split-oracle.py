#!/usr/bin/env python3
"""Reference results for splitting and merging polygons (shared/domain/geometry/split-merge.spec.ts).

Run: /usr/bin/python3 scripts/make-split-oracle.py   (writes tests/oracles/split-merge.json)

Independent of our TypeScript: the shapes are laid out in metres in CGCS2000 3-degree GK zone 39 (EPSG:4527, with
the zone prefix) and taken to lon/lat (EPSG:4490) by PROJ (pyproj): those lon/lat coordinates are the input. As the
app does, the lon/lat vertices are projected into the GK plane of zone 39 without the prefix (EPSG:4548) by PROJ and
split (shapely.ops.split) and merged (shapely.ops.unary_union) by shapely there; the script gives each result's
planar area in m² and its vertex count.
"""
import json
import os

from pyproj import CRS, Transformer
from shapely.geometry import LineString, Polygon
from shapely.ops import split, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles', 'split-merge.json')

TO_LNGLAT = Transformer.from_crs(CRS.from_epsg(4527), CRS.from_epsg(4490), always_xy=True)
TO_GK = Transformer.from_crs(CRS.from_epsg(4490), CRS.from_epsg(4548), always_xy=True)
# Near the sample township (its lattice starts at E 39 498 000, N 3 879 000).
E0, N0 = 39_500_000.0, 3_880_000.0


def ll(points_m):
    """Metres relative to (E0, N0) -> [lon, lat] (EPSG:4527 -> EPSG:4490)."""
    return [list(TO_LNGLAT.transform(E0 + e, N0 + n)) for e, n in points_m]


def ring(points_m):
    r = ll(points_m)
    return r + [r[0]]


def gk(coords_ll):
    """lon/lat -> GK zone 39 without the prefix (EPSG:4490 -> EPSG:4548)."""
    return [TO_GK.transform(x, y) for x, y in coords_ll]


def pieces_of(geoms):
    out = [{'planarM2': g.area, 'vertices': len(g.exterior.coords) - 1} for g in geoms]
    return sorted(out, key=lambda p: -p['planarM2'])


def split_case(name, shell_m, line_m):
    shell = ring(shell_m)
    line = ll(line_m)
    poly = Polygon(gk(shell))
    parts = [g for g in split(poly, LineString(gk(line))).geoms]
    return {
        'name': name,
        'polygon': [shell],
        'line': line,
        'polygonPlanarM2': poly.area,
        # shapely hands the polygon back whole when the line does not cut it.
        'pieces': pieces_of(parts) if len(parts) > 1 else [],
    }


def merge_case(name, a_m, b_m):
    a = ring(a_m)
    b = ring(b_m)
    u = unary_union([Polygon(gk(a)), Polygon(gk(b))])
    one = u.geom_type == 'Polygon'
    return {
        'name': name,
        'a': [a],
        'b': [b],
        'merged': {'planarM2': u.area, 'holes': len(u.interiors)} if one else None,
        'parts': 1 if one else len(u.geoms),
    }


SQUARE = [(0, 0), (200, 0), (200, 200), (0, 200)]
U_SHAPE = [(0, 0), (300, 0), (300, 300), (200, 300), (200, 100), (100, 100), (100, 300), (0, 300)]
PARCEL = [(3.7, -11.2), (251.9, 8.4), (262.3, 246.8), (131.0, 259.5), (-8.8, 238.1)]

cases = {
    'split': [
        split_case('square-straight', SQUARE, [(-20, 70), (220, 130)]),
        split_case('u-shape-three-pieces', U_SHAPE, [(-20, 200), (320, 200)]),
        split_case('parcel-zigzag', PARCEL, [(120, -40), (90, 60), (160, 140), (110, 300)]),
        split_case('through-a-vertex', SQUARE, [(-50, -50), (250, 250)]),
        split_case('ends-inside', SQUARE, [(-20, 100), (120, 100)]),
        split_case('misses', SQUARE, [(-20, -20), (-10, 300)]),
    ],
    'merge': [
        merge_case('shared-edge', [(0, 0), (100, 0), (100, 100), (0, 100)], [(100, 0), (230, 0), (230, 100), (100, 100)]),
        merge_case('partial-edge', [(0, 0), (100, 0), (100, 200), (0, 200)], [(100, 50), (180, 50), (180, 120), (100, 120)]),
        merge_case('overlapping', [(0, 0), (100, 0), (100, 100), (0, 100)], [(60, 20), (160, 20), (160, 120), (60, 120)]),
        merge_case('corner-only', [(0, 0), (100, 0), (100, 100), (0, 100)], [(100, 100), (200, 100), (200, 200), (100, 200)]),
        merge_case('disjoint', [(0, 0), (100, 0), (100, 100), (0, 100)], [(150, 0), (250, 0), (250, 100), (150, 100)]),
    ],
}

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump(cases, f, indent=1)
    f.write('\n')
print(f'wrote {OUT}: {len(cases["split"])} splits, {len(cases["merge"])} merges')
