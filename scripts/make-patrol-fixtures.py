#!/usr/bin/env python3
"""Writes the patrol journey's track fixtures in tests/fixtures/patrol (see the README there).

Run: /usr/bin/python3 scripts/make-patrol-fixtures.py

Invented tracks over the synthetic sample township (shared/sample/township.ts): its lattice starts at
E 39 498 000, N 3 879 000 in CGCS2000 3-degree Gauss-Kruger zone 39 with the zone prefix (EPSG:4527, CM 117E);
青石村 is the block of 6 x 5 cells of 250 m at its south-west (E 39 498 000-39 499 500, N 3 879 000-3 880 250).
The points are laid out in that plane and taken to lon/lat (EPSG:4490) by PROJ (pyproj), rounded to 1e-8 degree.

- morning-qingshi.gpx: a handheld's GPX 1.1 track, a point every 10 s at 1.25 m/s (12.5 m per point), UTC times
  from 2026-04-20 00:30 (08:30 Beijing): north up the village's west strip at E 39 498 120 from N 3 879 040 to
  N 3 880 210, then east along N 3 880 210 to E 39 498 380. The cells of the west column are entered for
  hundreds of metres; the rest of the village is never entered.
- morning-qingshi.ovkml: the same line as an 奥维 KML LineString (no times), under 奥维's extension; NOT shifted.
- probes.json: lon/lat points inside the village, away from the track and from cell edges, with what the map must
  show there while the form is open: 'covered' in the west column of 500 m cells (the track runs 180 m west of
  each), 'open' in the east column (never entered).
- draw-points.json: where the second journey clicks a route on the map, west to east through the middles of 青石村
  (E 39 498 300 and 39 499 200) and 柳河村 (E 39 500 100 and 39 500 900; its east edge is E 39 501 000) at
  N 3 879 625: 1,200 m inside 青石村 (from the first point to its east edge at E 39 499 500) and 1,400 m inside 柳河村
  (geodesic, pyproj.Geod GRS80: 1,200.0 m and 1,400.0 m).
"""
import json
import os
from datetime import datetime, timedelta, timezone

from pyproj import Transformer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'patrol')
TO_LNGLAT = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)
T0 = datetime(2026, 4, 20, 0, 30, 0, tzinfo=timezone.utc)
STEP_M = 12.5
STEP_S = 10


def line(points):
    """Straight legs between the given (E, N) corners, one point every STEP_M metres."""
    out = []
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        d = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        n = round(d / STEP_M)
        for k in range(n):
            t = k / n
            out.append((ax + t * (bx - ax), ay + t * (by - ay)))
    out.append(points[-1])
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    pts = line([(39498120.0, 3879040.0), (39498120.0, 3880210.0), (39498380.0, 3880210.0)])
    lnglat = [TO_LNGLAT.transform(e, n) for e, n in pts]
    gpx = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx version="1.1" creator="LandPatrol fixture (handheld)" xmlns="http://www.topografix.com/GPX/1/1">',
           '  <trk><name>青石村晨巡</name><trkseg>']
    for i, (lng, lat) in enumerate(lnglat):
        when = (T0 + timedelta(seconds=STEP_S * i)).strftime('%Y-%m-%dT%H:%M:%SZ')
        gpx.append(f'    <trkpt lat="{lat:.8f}" lon="{lng:.8f}"><ele>52.0</ele><time>{when}</time></trkpt>')
    gpx += ['  </trkseg></trk>', '</gpx>', '']
    with open(os.path.join(OUT, 'morning-qingshi.gpx'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(gpx))
    coords = ' '.join(f'{lng:.8f},{lat:.8f},0' for lng, lat in lnglat)
    kml = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<!-- 奥维互动地图 exported (fixture: coordinates NOT shifted) -->',
           '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>青石村晨巡</name>',
           f'  <Placemark><name>青石村晨巡</name><LineString><coordinates>{coords}</coordinates></LineString></Placemark>',
           '</Document></kml>', '']
    with open(os.path.join(OUT, 'morning-qingshi.ovkml'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(kml))
    probes = []
    for de, dn, expect in [(300, 250, 'covered'), (300, 750, 'covered'), (1250, 250, 'open'), (1250, 750, 'open')]:
        lng, lat = TO_LNGLAT.transform(39498000.0 + de, 3879000.0 + dn)
        probes.append({'lngLat': [round(lng, 8), round(lat, 8)], 'gk': [39498000 + de, 3879000 + dn], 'expect': expect})
    with open(os.path.join(OUT, 'probes.json'), 'w', encoding='utf-8') as f:
        json.dump(probes, f, indent=1)
        f.write('\n')
    draw = [TO_LNGLAT.transform(e, 3879625.0) for e in (39498300.0, 39499200.0, 39500100.0, 39500900.0)]
    with open(os.path.join(OUT, 'draw-points.json'), 'w', encoding='utf-8') as f:
        json.dump([[round(lng, 8), round(lat, 8)] for lng, lat in draw], f)
        f.write('\n')
    print(f'{len(lnglat)} points, {(len(lnglat) - 1) * STEP_S} s; first {lnglat[0]}, last {lnglat[-1]}')


if __name__ == '__main__':
    main()
