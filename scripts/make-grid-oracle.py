#!/usr/bin/env python3
"""Reference figures for the grid (shared/domain/grid/generate.spec.ts and topology.spec.ts).

Run: /usr/bin/python3 scripts/make-grid-oracle.py   (writes tests/oracles/grid.json)

Independent engines, none of them our TypeScript: PROJ via pyproj (CGCS2000 lon/lat EPSG:4490 <-> the CGCS2000
3-degree Gauss-Kruger zone 39 without prefix, EPSG:4548, CM 117E), GEOS via shapely (clipping, union, difference,
planar areas, shared border lengths) and GeographicLib via pyproj.Geod(ellps='GRS80') (ellipsoidal areas).

The shapes are made up, not surveyed: a village of about 2.3 x 1.7 km near Jinan (36.6N) with an irregular boundary
and a reservoir cut out as a hole, and a township's three village polygons drawn with one deliberate overlap and one
deliberate gap. They are written in GK metres here and stored as lon/lat (what the app stores), so both sides start
from the same lon/lat input.

The cell lattice is rebuilt here from the rules in generate.ts's header (north-west origin, lines at
min + i*size with the outer lines pushed 1 m out, pointy-top hexagons on a (W/2, R/2) vertex lattice, slivers under
5 % of a whole cell merged into the whole cell they share the longest border with), with shapely doing every
geometric step.
"""
import json
import math
import os

import pyproj
import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import Polygon, box, mapping
from shapely.ops import unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles', 'grid.json')
GEOD = Geod(ellps='GRS80')
TO_LL = Transformer.from_crs(CRS.from_epsg(4548), CRS.from_epsg(4490), always_xy=True)
TO_GK = Transformer.from_crs(CRS.from_epsg(4490), CRS.from_epsg(4548), always_xy=True)
PAD = 1.0


def ring_ll(ring_gk):
    return [list(TO_LL.transform(x, y)) for x, y in ring_gk]


def poly_gk_from_ll(rings_ll):
    rings = [[TO_GK.transform(lon, lat) for lon, lat in r] for r in rings_ll]
    return Polygon(rings[0], rings[1:])


def polygons_of(g):
    """The polygons of a shapely result (an intersection may also hold the lines where two shapes only touch)."""
    if g.is_empty:
        return []
    if g.geom_type == 'Polygon':
        return [g]
    if g.geom_type in ('MultiPolygon', 'GeometryCollection'):
        return [p for part in g.geoms for p in polygons_of(part)]
    return []


def geod_area(geom_gk):
    """Ellipsoidal area (GeographicLib) of a GK geometry's polygons, their vertices taken back to lon/lat."""
    total = 0.0
    for p in polygons_of(geom_gk):
        for i, ring in enumerate([p.exterior] + list(p.interiors)):
            lons, lats = zip(*[TO_LL.transform(x, y) for x, y in ring.coords])
            a, _ = GEOD.polygon_area_perimeter(lons, lats)
            total += abs(a) if i == 0 else -abs(a)
    return total


# A village near Jinan: zone 39 (CM 117E), easting ~ 508 km, northing ~ 4 051 km, with a reservoir hole.
E0, N0 = 508_000.0, 4_051_000.0
VILLAGE_OUTER = [(E0 + dx, N0 + dy) for dx, dy in [
    (0, 0), (620, -85), (1310, -40), (1905, 130), (2290, 505), (2240, 1080), (1960, 1540), (1380, 1710),
    (760, 1655), (310, 1400), (-60, 980), (-140, 430), (0, 0)]]
RESERVOIR = [(E0 + dx, N0 + dy) for dx, dy in [(900, 600), (1150, 640), (1230, 860), (1010, 960), (860, 820), (900, 600)]]
VILLAGE_LL = [ring_ll(VILLAGE_OUTER), ring_ll(RESERVOIR)]


def lattice(layout, minx, miny, maxx, maxy):
    """(row, col, shapely polygon, whole-cell area) in row-major order from the north-west, as generate.ts builds it."""
    w, h = maxx - minx, maxy - miny
    if layout['kind'] in ('square', 'rowsCols'):
        if layout['kind'] == 'square':
            dx = dy = layout['sizeMetres']
            cols = max(1, math.ceil(w / dx - 1e-9))
            rows = max(1, math.ceil(h / dy - 1e-9))
        else:
            rows, cols = layout['rows'], layout['cols']
            dx, dy = w / cols, h / rows

        def x_at(i):
            return minx - PAD if i == 0 else (minx + cols * dx + PAD if i == cols else minx + i * dx)

        def y_at(j):
            return maxy + PAD if j == 0 else (maxy - rows * dy - PAD if j == rows else maxy - j * dy)

        slots = [(r, c, box(x_at(c), y_at(r + 1), x_at(c + 1), y_at(r))) for r in range(rows) for c in range(cols)]
        return slots, dx * dy
    W = layout['sizeMetres']
    R = W / math.sqrt(3)
    rows = math.ceil(h / (1.5 * R)) + 1
    cols = math.ceil(w / W) + 2

    def X(m):
        return minx + m * (W / 2)

    def Y(q):
        return maxy + q * (R / 2)

    slots = []
    for r in range(rows):
        for c in range(cols):
            m = 2 * (c - 1) + (r % 2)
            q = -3 * r
            slots.append((r, c, Polygon([(X(m), Y(q - 2)), (X(m + 1), Y(q - 1)), (X(m + 1), Y(q + 1)), (X(m), Y(q + 2)), (X(m - 1), Y(q + 1)), (X(m - 1), Y(q - 1))])))
    return slots, 1.5 * math.sqrt(3) * R * R


def generate(name, layout):
    parent = poly_gk_from_ll(VILLAGE_LL)
    slots, cell_m2 = lattice(layout, *parent.bounds)
    sliver_m2 = cell_m2 * 0.05
    pieces = []
    for r, c, cell in slots:
        piece = cell.intersection(parent)
        if piece.is_empty or piece.area <= 0:
            continue
        pieces.append({'row': r, 'col': c, 'geom': piece})
    whole = [p for p in pieces if p['geom'].area >= sliver_m2]
    small = [p for p in pieces if p['geom'].area < sliver_m2]
    merged = {}
    slivers = []
    for s in small:
        best, best_len = None, 0.0
        for k in whole:
            length = s['geom'].boundary.intersection(k['geom'].boundary).length
            if length > best_len:
                best, best_len = k, length
        slivers.append((s, best))
        if best is not None:
            merged.setdefault((best['row'], best['col']), []).append(s)
    cells = sorted(whole + [s for s, b in slivers if b is None], key=lambda p: (p['row'], p['col']))
    names = {}
    out_cells = []
    for i, p in enumerate(cells):
        label = f'{name}-{i + 1:02d}'
        names[(p['row'], p['col'])] = label
        geom = unary_union([p['geom']] + [s['geom'] for s in merged.get((p['row'], p['col']), [])])
        out_cells.append({'name': label, 'row': p['row'], 'col': p['col'], 'planarM2': geom.area, 'ellipsoidalM2': geod_area(geom),
                          'mergedSlivers': len(merged.get((p['row'], p['col']), []))})
    return {
        'layout': layout,
        'parentPlanarM2': parent.area,
        'parentEllipsoidalM2': geod_area(parent),
        'sliverM2': sliver_m2,
        'cells': out_cells,
        'slivers': [{'row': s['row'], 'col': s['col'], 'planarM2': s['geom'].area, 'action': 'merged' if b else 'kept',
                     'cell': names[(b['row'], b['col'])] if b else names[(s['row'], s['col'])]} for s, b in slivers],
    }


# Topology: a township and three villages. 甲村 and 乙村 overlap in a 40 m x 2 km strip; between 乙村 and 丙村 a
# 25 m wide gap is left; 丙村 pokes 60 m beyond the township on the east; 乙村 and 丙村 share an edge exactly except
# for that gap, and a 0.005 m^2 overlap (a 1 mm sliver over 5 m) is drawn in to be ignored.
T0E, T0N = 520_000.0, 4_060_000.0
TOWNSHIP = [(T0E, T0N), (T0E + 3000, T0N), (T0E + 3000, T0N + 2000), (T0E, T0N + 2000), (T0E, T0N)]
JIA = [(T0E, T0N), (T0E + 1240, T0N), (T0E + 1240, T0N + 300), (T0E + 1240, T0N + 2000), (T0E, T0N + 2000), (T0E, T0N)]
YI = [(T0E + 1200, T0N), (T0E + 2000, T0N), (T0E + 2000, T0N + 1000), (T0E + 2000.001, T0N + 1005), (T0E + 2000, T0N + 1010),
      (T0E + 2000, T0N + 2000), (T0E + 1200, T0N + 2000), (T0E + 1200, T0N + 300), (T0E + 1200, T0N)]
BING = [(T0E + 2025, T0N), (T0E + 3060, T0N), (T0E + 3060, T0N + 2000), (T0E + 2000, T0N + 2000), (T0E + 2000, T0N + 1010),
        (T0E + 2000, T0N + 1000), (T0E + 2025, T0N + 1000), (T0E + 2025, T0N)]


def topology():
    parent = Polygon(TOWNSHIP)
    kids = [('甲村', Polygon(JIA)), ('乙村', Polygon(YI)), ('丙村', Polygon(BING))]
    overlaps = []
    for i in range(len(kids)):
        for j in range(i + 1, len(kids)):
            inter = kids[i][1].intersection(kids[j][1])
            a = inter.area if not inter.is_empty else 0.0
            if a > 0:
                overlaps.append({'a': kids[i][0], 'b': kids[j][0], 'planarM2': a, 'ellipsoidalM2': geod_area(inter)})
    union = unary_union([k[1] for k in kids])
    gap = parent.difference(union)
    gaps = [g for g in polygons_of(gap) if g.area > 0]
    outside = [{'name': n, 'planarM2': g.difference(parent).area} for n, g in kids if g.difference(parent).area > 0]
    return {
        'parent': {'name': '青石镇', 'rings': [ring_ll(TOWNSHIP)], 'planarM2': parent.area, 'ellipsoidalM2': geod_area(parent)},
        'children': [{'name': n, 'rings': [ring_ll(list(g.exterior.coords))]} for n, g in kids],
        'overlaps': overlaps,
        'gaps': [{'planarM2': g.area, 'ellipsoidalM2': geod_area(g)} for g in sorted(gaps, key=lambda g: -g.area)],
        'gapPlanarM2': gap.area,
        'coveredPlanarM2': union.intersection(parent).area,
        'outside': outside,
    }


with open(OUT, 'w', encoding='utf-8') as f:
    json.dump({
        'madeBy': '/usr/bin/python3 scripts/make-grid-oracle.py',
        'engines': {'pyproj': pyproj.__version__, 'PROJ': pyproj.proj_version_str, 'shapely': shapely.__version__, 'GEOS': '.'.join(map(str, shapely.geos.geos_version))},
        'zone': {'width': 3, 'zone': 39, 'centralMeridian': 117, 'epsg': 4548},
        'village': {'name': '杏园村', 'rings': VILLAGE_LL},
        'generate': [generate('杏园村', {'kind': 'square', 'sizeMetres': 500}), generate('杏园村', {'kind': 'rowsCols', 'rows': 3, 'cols': 4}),
                     generate('杏园村', {'kind': 'hex', 'sizeMetres': 400})],
        'topology': topology(),
    }, f, ensure_ascii=False, indent=1)
    f.write('\n')
print('wrote', OUT)
