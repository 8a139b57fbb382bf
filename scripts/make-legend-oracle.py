#!/usr/bin/env python3
"""Reference land classes in an evidence map frame (shared/domain/evidence/map-legend.spec.ts).

Run: /usr/bin/python3 scripts/make-legend-oracle.py   (writes tests/oracles/legend-banzhucun.json)

Independent of our TypeScript: GDAL's ogr2ogr reads the real banzhucun layer (10 653 parcels of 三调 land classes,
CGCS2000 3° GK zone 35 with the zone prefix; LANDPATROL_REAL_DATA, default ../shared/data/real) into GeoJSON, and
GEOS (shapely) lists the DLMC values of the parcels that intersect each frame's ground rectangle. A frame is the
A4-portrait map frame (170 × 130 mm, legend at the bottom) at 1:1,000 centred on a point: 170 × 130 m of ground.
"""
import json
import os
import subprocess
import tempfile

from shapely.geometry import box, shape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.environ.get('LANDPATROL_REAL_DATA', os.path.join(ROOT, '..', 'shared', 'data', 'real'))
SHP = os.path.join(REAL, 'banzhucun', '斑竹村10000.shp')
OUT = os.path.join(ROOT, 'tests', 'oracles', 'legend-banzhucun.json')

# (name, centre E with prefix, centre N): found by scanning the village in 100 m steps for 7 and 8 classes in a frame.
FRAMES = [('seven', 35609725.0, 3276105.0), ('eight', 35611725.0, 3275605.0)]
HALF_W, HALF_H = 85.0, 65.0

with tempfile.TemporaryDirectory() as tmp:
    gj = os.path.join(tmp, 'bz.geojson')
    subprocess.run(['ogr2ogr', '-f', 'GeoJSON', gj, SHP], check=True)
    with open(gj, encoding='utf-8') as f:
        data = json.load(f)

parcels = [(shape(f['geometry']), f['properties']['DLMC']) for f in data['features']]
out = {'source': 'banzhucun/斑竹村10000.shp', 'layerClasses': sorted({n for _, n in parcels}), 'frames': []}
for name, cx, cy in FRAMES:
    b = box(cx - HALF_W, cy - HALF_H, cx + HALF_W, cy + HALF_H)
    inside = sorted({n for g, n in parcels if g.intersects(b)})
    out['frames'].append({'name': name, 'centre': [cx, cy], 'extent': [cx - HALF_W, cy - HALF_H, cx + HALF_W, cy + HALF_H], 'classes': inside})
with open(OUT, 'w', encoding='utf-8') as f:
    json.dump(out, f, ensure_ascii=False, indent=1)
print(json.dumps(out, ensure_ascii=False))
