#!/usr/bin/python3
"""Generate the patrol benchmark's data with PROJ (pyproj), not our code: a township's grid and a year of patrols.

- cells.geojson: 5,000 square cells of 200 m (100 columns x 50 rows) in CGCS2000 3-degree GK zone 39 (EPSG:4527),
  each ring densified to 4 vertices a side, taken to lon/lat (EPSG:4490) by PROJ; ids C00000…, names 网格-0001….
- track.gpx: one handheld track of 20,000 points, 5 s apart (~28 h: longer than a day's patrol, but the issue's size), a random walk with drift at 1.2-1.8 m/s over the grid, GPX 1.1 with times.
- year.json: a year of patrols for the compliance bench: 3 per working day by a township officer over 10-40 cells
  each, 2 a month by the county brigade over 200 cells, 1 a quarter by a leader over 500 cells; 60 key-area cells and
  20 stop-notice sites; rules as the app's defaults.

Usage: /usr/bin/python3 scripts/bench/make-patrol-data.py OUT_DIR     (deterministic, seeded)
"""
import json
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

from pyproj import Transformer

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
to_ll = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)
X0, Y0, SIZE, COLS, ROWS = 39_480_000.0, 3_870_000.0, 200.0, 100, 50

features = []
for r in range(ROWS):
    for c in range(COLS):
        x, y = X0 + c * SIZE, Y0 + r * SIZE
        ring = []
        for (ax, ay), (bx, by) in [((x, y), (x + SIZE, y)), ((x + SIZE, y), (x + SIZE, y + SIZE)),
                                   ((x + SIZE, y + SIZE), (x, y + SIZE)), ((x, y + SIZE), (x, y))]:
            for k in range(4):
                ring.append(to_ll.transform(ax + (bx - ax) * k / 4, ay + (by - ay) * k / 4))
        ring.append(ring[0])
        i = r * COLS + c
        features.append({'type': 'Feature', 'id': f'C{i:05d}', 'properties': {'id': f'C{i:05d}', 'name': f'网格-{i + 1:04d}'},
                         'geometry': {'type': 'Polygon', 'coordinates': [[[round(a, 9), round(b, 9)] for a, b in ring]]}})
with open(os.path.join(out, 'cells.geojson'), 'w', encoding='utf-8') as f:
    json.dump({'type': 'FeatureCollection', 'features': features}, f, ensure_ascii=False)

rng = random.Random(10)
x, y, heading = X0 + 300.0, Y0 + 300.0, 0.3
t = datetime(2026, 4, 20, 0, 0, 0, tzinfo=timezone.utc)
pts = []
for i in range(20_000):
    heading += rng.gauss(0, 0.25)
    speed = rng.uniform(1.2, 1.8) * 5
    nx, ny = x + math.cos(heading) * speed, y + math.sin(heading) * speed
    if X0 + 20 < nx < X0 + COLS * SIZE - 20 and Y0 + 20 < ny < Y0 + ROWS * SIZE - 20:
        x, y = nx, ny
    else:
        heading += math.pi / 2  # at the grid's edge: turn, and this point repeats the last (the walker stood still)
    lon, lat = to_ll.transform(x, y)
    pts.append(f'<trkpt lat="{lat:.8f}" lon="{lon:.8f}"><time>{(t + timedelta(seconds=5 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")}</time></trkpt>')
with open(os.path.join(out, 'track.gpx'), 'w', encoding='utf-8') as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1">'
            '<trk><name>bench</name><trkseg>' + ''.join(pts) + '</trkseg></trk></gpx>\n')

rng = random.Random(11)
n = COLS * ROWS
ids = [f'C{i:05d}' for i in range(n)]
areas = []
for i, a in enumerate(ids):
    rules = ['default.township-weekly', 'default.county-monthly', 'default.leader-quarterly']
    area = {'id': a, 'ruleIds': rules}
    if i % 83 == 0:
        area['ruleIds'] = rules + ['default.key-area-weekly']
    if i % 250 == 7:
        area['ruleIds'] = rules + ['default.stop-notice-follow-up']
        area['stopNotice'] = {'noticeDate': f'2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}', 'closedDate': None}
    areas.append(area)
patrols = []
day0 = datetime(2026, 1, 1, 1, 0, tzinfo=timezone.utc)  # 09:00 China time
for d in range(365):
    day = day0 + timedelta(days=d)
    if day.weekday() < 5:
        for k in range(3):
            start = rng.randrange(n - 40)
            patrols.append({'startedAt': int((day + timedelta(hours=k)).timestamp() * 1000), 'officers': [{'name': '张三', 'certNo': 'T1'}],
                            'areaIds': ids[start:start + rng.randint(10, 40)], 'deletedAt': None})
    if day.day in (8, 22):
        start = rng.randrange(n - 200)
        patrols.append({'startedAt': int(day.timestamp() * 1000), 'officers': [{'name': '李四', 'certNo': 'C1'}], 'areaIds': ids[start:start + 200], 'deletedAt': None})
    if day.month in (2, 5, 8, 11) and day.day == 15:
        start = rng.randrange(n - 500)
        patrols.append({'startedAt': int(day.timestamp() * 1000), 'officers': [{'name': '王五', 'certNo': 'L1'}], 'areaIds': ids[start:start + 500], 'deletedAt': None})
with open(os.path.join(out, 'year.json'), 'w', encoding='utf-8') as f:
    json.dump({'from': '2026-01-01', 'to': '2026-12-31', 'asOf': '2026-12-01', 'roles': {'张三': 'township', '李四': 'county', '王五': 'leader'},
               'areas': areas, 'patrols': patrols}, f, ensure_ascii=False)
print(f'{n} cells, {len(pts)} track points, {len(patrols)} patrols in {out}')
