#!/usr/bin/env python3
"""Data for the comparison section of `npm run bench` (scripts/bench/comparison.mjs), written by PROJ (pyproj) as
CGCS2000 lon/lat GeoJSON into OUT (default bench/out/comparison):

  farmland.geojson   50,000 permanent-farmland polygons (a 250 × 200 lattice of 40 m cells, each a 16-vertex
                     jittered field inside its cell), ungrouped
  landclass.geojson  10,000 land-class cells of 100 m (DLBM cycling through 三调 codes)
  planning.geojson   64 planning zones of 1.25 km (GHFQMC), 200-vertex boundaries
  approval.geojson   400 approval plots (PZWH)
  supply.geojson     200 supply plots (GDBH)
  plots.geojson      20 plots of ~300 m × 300 m, 30 vertices each, spread over the area (each compared once)

All in 3° zone 39 (CM 117°E) near 35°N. Seeded, so every machine compares the same figures.
"""
import json
import math
import os
import random
import sys

from pyproj import Transformer

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'bench', 'out', 'comparison')
os.makedirs(OUT, exist_ok=True)
INV = Transformer.from_crs('+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
                           '+proj=longlat +ellps=GRS80 +no_defs', always_xy=True)
E0, N0 = 480_000.0, 3_870_000.0
rnd = random.Random(20261201)


def ll(ring):
    xs, ys = INV.transform([E0 + p[0] for p in ring], [N0 + p[1] for p in ring])
    return [[x, y] for x, y in zip(xs, ys)]


def blob(cx, cy, r, n, jitter):
    ring = []
    for k in range(n):
        a = 2 * math.pi * k / n
        rr = r * (1 - jitter * rnd.random())
        ring.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    ring.append(ring[0])
    return ring


def rect(x0, y0, x1, y1, per_side=1):
    ring = []
    for (ax, ay), (bx, by) in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
        for k in range(per_side):
            t = k / per_side
            ring.append((ax + (bx - ax) * t, ay + (by - ay) * t))
    ring.append(ring[0])
    return ring


def write(name, feats):
    fc = {'type': 'FeatureCollection', 'features': [
        {'type': 'Feature', 'properties': props, 'geometry': {'type': 'Polygon', 'coordinates': [ll(r) for r in rings]}}
        for rings, props in feats]}
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(fc, f)


farm = [([blob(c * 40 + 20, r * 40 + 20, 19, 16, 0.25)], {'YJJBNTTBBH': f'F{r:03d}{c:03d}'}) for r in range(200) for c in range(250)]
write('farmland.geojson', farm)
codes = ['0101', '0102', '0103', '0201', '0301', '0404', '0601', '0702', '1003', '1101', '1104', '1202']
write('landclass.geojson', [([rect(c * 100, r * 100, c * 100 + 100, r * 100 + 100)], {'DLBM': codes[(r * 7 + c) % len(codes)]})
                            for r in range(100) for c in range(100)])
zones = ['城镇集中建设区', '村庄建设区', '有条件建设区', '农田保护区', '一般农业区', '生态保护区', '林业发展区', '其他规划区']
write('planning.geojson', [([rect(c * 1250, r * 1250, c * 1250 + 1250, r * 1250 + 1250, 50)], {'GHFQMC': zones[(r + c * 3) % len(zones)]})
                           for r in range(8) for c in range(8)])
write('approval.geojson', [([rect(x, y, x + rnd.uniform(80, 250), y + rnd.uniform(80, 250))], {'PZWH': f'鲁政土字〔2024〕{k + 1}号'})
                           for k, (x, y) in enumerate((rnd.uniform(0, 9800), rnd.uniform(0, 7800)) for _ in range(400))])
write('supply.geojson', [([rect(x, y, x + rnd.uniform(60, 200), y + rnd.uniform(60, 200))], {'GDBH': f'GD2025{k + 1:04d}'})
                         for k, (x, y) in enumerate((rnd.uniform(0, 9800), rnd.uniform(0, 7800)) for _ in range(200))])
write('plots.geojson', [([blob(1000 + (k % 5) * 1900, 1000 + (k // 5) * 1900, 170, 30, 0.3)], {'id': f'P{k + 1:02d}'}) for k in range(20)])
print(f'comparison bench data in {OUT}: farmland 50,000 polygons × 16 vertices, 10,000 land-class cells, 64 zones, 400 approval, 200 supply, 20 plots')
