#!/usr/bin/env python3
"""Reference for the comparison bench (scripts/bench/comparison.mjs): the same intersections by GEOS via shapely 1.8.5
(STRtree per layer) and PROJ (pyproj), through scripts/overlay-reference.py's overlay() — candidates from the tree,
projected to the plot's GK zone once and cached, clipped by the plot, unioned per group, earlier groups subtracted,
planar and ellipsoidal areas. The trees are built once (printed apart), then each plot is compared once, as ours.
Prints JSON: per plot its milliseconds and the figures the bench compares with ours.

Usage: /usr/bin/python3 scripts/bench/comparison-reference.py DIR
"""
import importlib.util
import json
import os
import sys
import time
import warnings

from shapely.geometry import shape

warnings.filterwarnings('ignore')
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
spec = importlib.util.spec_from_file_location('overlay_reference', os.path.join(ROOT, 'scripts', 'overlay-reference.py'))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

ROLES = [('farmland', 'farmland.geojson', None), ('landClass', 'landclass.geojson', 'DLBM'), ('planning', 'planning.geojson', 'GHFQMC'),
         ('approval', 'approval.geojson', 'PZWH'), ('supply', 'supply.geojson', 'GDBH')]
FORBIDDEN = {'限制建设区', '禁止建设区', '生态保护区', '生态保护红线', '生态控制区', '农田保护区', '永久基本农田保护区', '一般农业区', '林业发展区', '牧业发展区'}


def main(d):
    t0 = time.perf_counter()
    layers = []
    for role, f, field in ROLES:
        fc = json.load(open(os.path.join(d, f)))
        layers.append((role, [(shape(x['geometry']), (x['properties'].get(field) if field else None)) for x in fc['features']]))
    plots = [(x['properties']['id'], shape(x['geometry'])) for x in json.load(open(os.path.join(d, 'plots.geojson')))['features']]
    t1 = time.perf_counter()
    indexes = [ref.LayerIndex(name, feats) for name, feats in layers]
    t2 = time.perf_counter()
    out = []
    for pid, g in plots:
        s0 = time.perf_counter()
        r = ref.overlay([(pid, g)], None, indexes=indexes, as_command=True)[0]
        ms = (time.perf_counter() - s0) * 1000
        by = {b['layer']: b for b in r['byLayer']}
        pieces = lambda layer: [o for o in r['overlaps'] if o['layer'] == layer]
        out.append({'id': pid, 'ms': ms, 'total': r['planarM2'], 'farmland': by['farmland']['coveredPlanarM2'],
                    'cultivated': sum(o['planarM2'] for o in pieces('landClass') if o['group'].startswith('01')),
                    'planningForbidden': sum(o['planarM2'] for o in pieces('planning') if o['group'] in FORBIDDEN),
                    'approval': by['approval']['coveredPlanarM2'], 'supply': by['supply']['coveredPlanarM2'],
                    'outsideAll': max(0.0, r['uncoveredPlanarM2'])})
    print(json.dumps({'readMs': (t1 - t0) * 1000, 'indexMs': (t2 - t1) * 1000, 'plots': out}))


main(sys.argv[1])
