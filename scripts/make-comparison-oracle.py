#!/usr/bin/env python3
"""Reference figures for the one-click comparison (套合, shared/domain/inspection/comparison-run.spec.ts).

Run: /usr/bin/python3 scripts/make-comparison-oracle.py   (writes tests/oracles/comparison.json)

Five role layers of a synthetic township corner, drawn in CGCS2000 3° GK zone 39 without prefix (CM 117°E) and
taken to lon/lat by PROJ (pyproj): 永久基本农田 (one field with a hole, one plain), 三调地类 (100 m cells of DLBM
codes, one cell left out), 国土空间规划 (four zones, one whose name has no verdict, one strip left out), 报批 (two
batches, PZWH) and 供地 (one contract, GDBH). Plots: one with a hole, a multipart one, one across several land classes
and zones, one reaching outside every layer. Each plot is overlaid by scripts/overlay-reference.py (GEOS via shapely,
PROJ; independent of our TypeScript), and the blocks an officer reads are summed here, in Python, from its pieces:
地类 to the first level (code[:2]) with 其中耕地 and its 0101/0102/0103, the 三大类 (this script's own table), 规划 by
verdict with 符合/不符合规划, 报批/供地 per document, outside every layer. A bowtie is written too (the spec refuses it).
"""
import importlib.util
import json
import os

from shapely.geometry import Polygon, MultiPolygon, mapping
from shapely.ops import transform as shp_transform

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles', 'comparison.json')
spec = importlib.util.spec_from_file_location('overlay_reference', os.path.join(ROOT, 'scripts', 'overlay-reference.py'))
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

E0, N0 = 480_000.0, 3_870_000.0
FWD, INV = ref.gk_transformers(39)


def ll(g):
    """A GK geometry (metres from E0, N0) in lon/lat."""
    return shp_transform(lambda x, y, z=None: INV.transform([E0 + v for v in x], [N0 + v for v in y]), g)


def box(e0, n0, e1, n1, holes=()):
    return Polygon([(e0, n0), (e1, n0), (e1, n1), (e0, n1)], [list(h) for h in holes])


def coords(g):
    return mapping(g)['coordinates']


# 三调地类: 6 × 4 cells of 100 m, codes cycling; the cell (5, 3) is left out (not surveyed).
CODES = ['0101', '0102', '0103', '0201', '0301', '0702', '1003', '1101', '1202', '0404', '1104', '0601']
land = []
for r in range(4):
    for c in range(6):
        if (c, r) == (5, 3):
            continue
        land.append((box(c * 100, r * 100, c * 100 + 100, r * 100 + 100), CODES[(r * 6 + c) % len(CODES)]))

farmland = [
    (box(0, 0, 260, 220, holes=[[(60, 60), (140, 60), (140, 140), (60, 140)]]), None),
    (box(300, 250, 420, 400), None),
]
planning = [
    (box(0, 0, 200, 400), '农田保护区'),
    (box(200, 0, 400, 200), '城镇集中建设区'),
    (box(200, 200, 400, 400), '有条件建设区'),
    (box(400, 0, 560, 400), '其他规划区'),  # no verdict: 未判定
]  # 560–600 left out
approval = [(box(180, 20, 330, 180), '鲁政土字〔2024〕101号'), (box(330, 20, 450, 120), '鲁政土字〔2025〕17号')]
supply = [(box(200, 40, 300, 160), 'GD2025-008')]

LAYERS = [('farmland', farmland, None), ('landClass', land, 'DLBM'), ('planning', planning, 'GHFQMC'),
          ('approval', approval, 'PZWH'), ('supply', supply, 'GDBH')]

PLOTS = [
    ('hole', box(20, 20, 380, 260, holes=[[(120, 80), (250, 80), (250, 180), (120, 180)]])),
    ('multipart', MultiPolygon([box(30, 300, 170, 380), box(420, 40, 520, 150)])),
    ('across', Polygon([(150, 120), (470, 90), (520, 330), (260, 370), (140, 260)])),
    ('outside', Polygon([(480, 250), (700, 260), (690, 480), (470, 460)])),
    ('fits', box(215, 25, 385, 185)),  # all inside 城镇集中建设区: 符合规划
]
BOWTIE = Polygon([(100, 100), (200, 200), (200, 100), (100, 200)])  # sides 1–2 and 3–4 cross

THREE = {'0101': 'agricultural', '0102': 'agricultural', '0103': 'agricultural', '0201': 'agricultural',
         '0301': 'agricultural', '0702': 'construction', '1003': 'construction', '1101': 'unused',
         '1202': 'agricultural', '0404': 'unused', '1104': 'agricultural', '0601': 'construction'}
VERDICT = {'农田保护区': 'forbidden', '城镇集中建设区': 'allowed', '有条件建设区': 'conditional'}


def area(pl, el):
    return {'planarM2': pl, 'ellipsoidalM2': el, 'mu': pl * 0.0015}


def blocks(res):
    # Pieces below a micro-square-metre are the noise of edges that meet after projection (comparison-run.ts drops
    # them, as overlay.ts zeroes remainders below NOISE_M2).
    pieces = lambda layer: [o for o in res['overlaps'] if o['layer'] == layer and o['planarM2'] >= 1e-6]
    by = {b['layer']: b for b in res['byLayer']}

    def add(items):
        return area(sum(o['planarM2'] for o in items), sum(o['ellipsoidalM2'] for o in items))

    def in_out(layer):
        b = by[layer]
        return {'inside': add(pieces(layer)), 'outside': area(b['uncoveredPlanarM2'], b['uncoveredEllipsoidalM2'])}

    lc = pieces('landClass')
    level1 = {}
    for o in lc:
        level1.setdefault(o['group'][:2], []).append(o)
    zones = pieces('planning')
    zoned = [z for z in zones if z['planarM2'] > 0]
    verdicts = [VERDICT.get(z['group']) for z in zoned]
    fits = False if any(v in ('forbidden', 'conditional') for v in verdicts) else (None if not zoned or None in verdicts else True)
    return {
        'total': area(res['planarM2'], res['ellipsoidalM2']),
        'farmland': in_out('farmland'),
        'landClass': {
            'level1': {k: add(v) for k, v in sorted(level1.items())},
            'detail': {o['group']: area(o['planarM2'], o['ellipsoidalM2']) for o in lc},
            'cultivated': add(level1.get('01', [])),
            'three': {t: add([o for o in lc if THREE[o['group']] == t]) for t in ('agricultural', 'construction', 'unused')},
            'uncovered': area(by['landClass']['uncoveredPlanarM2'], by['landClass']['uncoveredEllipsoidalM2']),
        },
        'planning': {
            'zones': {z['group']: area(z['planarM2'], z['ellipsoidalM2']) for z in zones},
            'byVerdict': {v: add([z for z in zones if VERDICT.get(z['group']) == v]) for v in ('allowed', 'conditional', 'forbidden')}
            | {'unknown': add([z for z in zones if z['group'] not in VERDICT])},
            'uncovered': area(by['planning']['uncoveredPlanarM2'], by['planning']['uncoveredEllipsoidalM2']),
            'fits': fits,
        },
        'approval': in_out('approval') | {'documents': {o['group']: area(o['planarM2'], o['ellipsoidalM2']) for o in pieces('approval')}},
        'supply': in_out('supply') | {'documents': {o['group']: area(o['planarM2'], o['ellipsoidalM2']) for o in pieces('supply')}},
        'outsideAll': area(res['uncoveredPlanarM2'], res['uncoveredEllipsoidalM2']),
    }


def main():
    layers_ll = [(name, [(ll(g), grp) for g, grp in feats]) for name, feats, _ in LAYERS]
    plots_ll = [(pid, ll(g)) for pid, g in PLOTS]
    results = ref.overlay(plots_ll, layers_ll)
    out = {
        'zone': {'width': 3, 'zone': 39, 'centralMeridian': 117},
        'layers': [{'role': name, 'groupField': field,
                    'features': [{'geometry': coords(g), 'group': grp} for g, grp in feats]}
                   for (name, feats), (_, _, field) in zip(layers_ll, LAYERS)],
        'plots': [{'id': pid, 'type': g.geom_type, 'geometry': coords(g), 'blocks': blocks(r)}
                  for (pid, g), r in zip(plots_ll, results)],
        'bowtie': coords(ll(BOWTIE)),
    }
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write('\n')
    for p in out['plots']:
        b = p['blocks']
        print(p['id'], round(b['total']['planarM2'], 3), 'm²; farmland', round(b['farmland']['inside']['planarM2'], 3),
              '; outside all', round(b['outsideAll']['planarM2'], 3), '; fits', b['planning']['fits'])


main()
