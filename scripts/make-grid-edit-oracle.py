#!/usr/bin/env python3
"""Reference figures for editing the grid on the map (shared/domain/grid/grid-edits.spec.ts).

Run: /usr/bin/python3 scripts/make-grid-edit-oracle.py   (writes tests/oracles/grid-edits.json)

Input: the township and its three villages of tests/oracles/grid.json's topology case (lon/lat, CGCS2000; made by
scripts/make-grid-oracle.py with one deliberate overlap 甲村/乙村, one gap, 丙村 partly outside), plus a drawn
polygon. Independent of our TypeScript: PROJ via pyproj takes lon/lat to the CGCS2000 3-degree GK zone 39 without
prefix (EPSG:4548), GEOS via shapely does every geometric step there:
- each gap: which villages border it along a line (shared border length > 1 cm) and the area of that village once
  the gap is added to it (unary_union);
- the overlap taken out of each of its two villages (difference): each one's new area;
- the drawn polygon: its part outside the township and its overlap with each village;
- a split of 乙村 along a line across it (shapely.ops.split): the pieces' areas, which add up to 乙村's.
"""
import json
import os

import shapely
from pyproj import CRS, Transformer
from shapely.geometry import LineString, Polygon
from shapely.ops import split, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'tests', 'oracles', 'grid.json')
OUT = os.path.join(ROOT, 'tests', 'oracles', 'grid-edits.json')
TO_GK = Transformer.from_crs(CRS.from_epsg(4490), CRS.from_epsg(4548), always_xy=True)
TO_LL = Transformer.from_crs(CRS.from_epsg(4548), CRS.from_epsg(4490), always_xy=True)


def gk(rings_ll):
    rings = [[TO_GK.transform(lon, lat) for lon, lat in r] for r in rings_ll]
    return Polygon(rings[0], rings[1:])


def polygons_of(g):
    if g.is_empty:
        return []
    if g.geom_type == 'Polygon':
        return [g]
    return [p for part in getattr(g, 'geoms', []) for p in polygons_of(part)]


def shared_border(a, b):
    inter = a.boundary.intersection(b.boundary)
    return inter.length


topo = json.load(open(SRC, encoding='utf-8'))['topology']
parent = gk(topo['parent']['rings'])
kids = [(c['name'], gk(c['rings'])) for c in topo['children']]
union = unary_union([g for _, g in kids])
gaps = []
for g in sorted([p for p in polygons_of(parent.difference(union)) if p.area > 0.01], key=lambda p: -p.area):
    pt = g.representative_point()
    neighbours = []
    for name, k in kids:
        m = shared_border(g, k)
        if m > 0.01:
            filled = unary_union([k, g])
            neighbours.append({'name': name, 'sharedMetres': m, 'filledPlanarM2': filled.area, 'parts': len(polygons_of(filled))})
    neighbours.sort(key=lambda n: -n['sharedMetres'])
    gaps.append({'planarM2': g.area, 'point': list(TO_LL.transform(pt.x, pt.y)), 'neighbours': neighbours})

overlaps = []
for i in range(len(kids)):
    for j in range(i + 1, len(kids)):
        (na, a), (nb, b) = kids[i], kids[j]
        inter = a.intersection(b)
        if inter.area > 0.01:
            overlaps.append({'a': na, 'b': nb, 'planarM2': inter.area,
                             'aMinusBPlanarM2': a.difference(b).area, 'bMinusAPlanarM2': b.difference(a).area})

# A drawn area: a rectangle across the township's east edge and into 乙村 (metres from the township's first vertex).
x0, y0 = list(parent.exterior.coords)[0]
minx, miny, maxx, maxy = parent.bounds
drawn_gk = Polygon([(maxx - 300, miny + 200), (maxx + 100, miny + 200), (maxx + 100, miny + 500), (maxx - 300, miny + 500)])
drawn = {'rings': [[list(TO_LL.transform(x, y)) for x, y in drawn_gk.exterior.coords]]}
drawn_poly = gk(drawn['rings'])  # the lon/lat the app gets, back in the plane
drawn['planarM2'] = drawn_poly.area
drawn['outsideM2'] = drawn_poly.difference(parent).area
drawn['overlaps'] = sorted([{'name': n, 'm2': drawn_poly.intersection(k).area} for n, k in kids if drawn_poly.intersection(k).area > 0],
                           key=lambda o: -o['m2'])

# A split of 乙村 by a north-south line through its middle, 50 m beyond it on both ends.
yi = dict(kids)['乙村']
bx0, by0, bx1, by1 = yi.bounds
mid = (bx0 + bx1) / 2
line_gk = LineString([(mid, by0 - 50), (mid + 20, by1 + 50)])
line_ll = [list(TO_LL.transform(x, y)) for x, y in line_gk.coords]
pieces = sorted([p.area for p in polygons_of(split(yi, LineString([TO_GK.transform(*p) for p in line_ll])))], reverse=True)

with open(OUT, 'w', encoding='utf-8') as f:
    json.dump({
        'madeBy': '/usr/bin/python3 scripts/make-grid-edit-oracle.py',
        'engines': {'shapely': shapely.__version__, 'GEOS': '.'.join(map(str, shapely.geos.geos_version))},
        'zone': {'width': 3, 'zone': 39, 'centralMeridian': 117, 'epsg': 4548},
        'villagePlanarM2': {n: g.area for n, g in kids},
        'gaps': gaps,
        'overlaps': overlaps,
        'drawn': drawn,
        'split': {'village': '乙村', 'line': line_ll, 'planarM2': yi.area, 'pieces': pieces},
    }, f, ensure_ascii=False, indent=1)
    f.write('\n')
print('wrote', OUT)
