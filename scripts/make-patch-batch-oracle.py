#!/usr/bin/env python3
"""Reference boundary points for the layer batch's patch sets (renderer/features/evidence/patch-batch.logic.spec.ts).

Run: /usr/bin/python3 scripts/make-patch-batch-oracle.py   (writes tests/oracles/patch-batch.json)

The comparison oracle's plots (tests/oracles/comparison.json: lon/lat, CGCS2000 3° zone 39) taken as 卫片图斑 with no
record: each ring's vertices in the GK plane without prefix by PROJ (pyproj, scripts/overlay-reference.py's
transformers; independent of our TypeScript), to 3 decimals as the sheet prints them, ordered as the DOMAIN rule
says: clockwise (shapely's signed area < 0 in E, N) from the vertex nearest the ring's north-west bbox corner, J1…
numbered through the rings and parts in order. Each ring's planar area (shapely) is written too.
"""
import importlib.util
import json
import os

from shapely.geometry import Polygon

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, 'tests', 'oracles', 'comparison.json')
OUT = os.path.join(ROOT, 'tests', 'oracles', 'patch-batch.json')
spec = importlib.util.spec_from_file_location('overlay_reference', os.path.join(ROOT, 'scripts', 'overlay-reference.py'))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

src = json.load(open(SRC, encoding='utf-8'))
FWD, _ = ref.gk_transformers(src['zone']['zone'])


def ordered(ring_ll):
    pts = [FWD.transform(lon, lat) for lon, lat in ring_ll]
    if pts[0] == pts[-1]:
        pts = pts[:-1]
    if Polygon(pts).exterior.is_ccw:
        pts = pts[::-1]
    min_e = min(p[0] for p in pts)
    max_n = max(p[1] for p in pts)
    start = min(range(len(pts)), key=lambda i: (pts[i][0] - min_e) ** 2 + (pts[i][1] - max_n) ** 2)
    return pts[start:] + pts[:start]


plots = []
for p in src['plots']:
    polys = [p['geometry']] if p['type'] == 'Polygon' else p['geometry']
    points = []
    ring_no = 0
    for poly in polys:
        for ring in poly:
            ring_no += 1
            r = ordered(ring)
            for i, (e, n) in enumerate(r):
                q = r[(i + 1) % len(r)]
                side = ((q[0] - e) ** 2 + (q[1] - n) ** 2) ** 0.5
                points.append({'name': f'J{len(points) + 1}', 'ring': ring_no, 'x': f'{n:.3f}', 'y': f'{e:.3f}', 'side': f'{side:.2f}'})
    plots.append({'id': p['id'], 'points': points, 'total': p['blocks']['total'], 'farmlandInside': p['blocks']['farmland']['inside']})

with open(OUT, 'w', encoding='utf-8') as f:
    json.dump({'source': 'tests/oracles/comparison.json', 'zone': src['zone'], 'plots': plots}, f, ensure_ascii=False, indent=1)
print(OUT, len(plots), 'plots', sum(len(p['points']) for p in plots), 'points')
