#!/usr/bin/env python3
"""Writes the track fixtures in tests/fixtures/tracks (see the README there).

Run: /usr/bin/python3 scripts/make-track-fixtures.py

Everything is invented: a grid of cells and some patrol tracks laid out in the CGCS2000 3-degree Gauss-Kruger
plane of zone 39 without the zone prefix (EPSG:4548, CM 117E), near 36.6N 116.9E, then taken to lon/lat
(EPSG:4490) by PROJ (pyproj). Track points are rounded to 1e-8 degree (about 1 mm), cell vertices to 1e-9.
The files are written by hand as text so that each format's details (namespaces, gx:Track, an encoding
declaration in GB2312, a route, waypoints) are exactly what the reader meets in the field.
"""
import json
import math
import os
import zipfile
from datetime import datetime, timedelta, timezone

from pyproj import Transformer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'tracks')
E0, N0 = 490000.0, 4050000.0  # the grid's origin in EPSG:4548
TO_LNGLAT = Transformer.from_crs('EPSG:4548', 'EPSG:4490', always_xy=True)
T0 = datetime(2026, 4, 20, 0, 30, 0, tzinfo=timezone.utc)  # 08:30 in Beijing


def lnglat(x, y, digits):
    lng, lat = TO_LNGLAT.transform(E0 + x, N0 + y)
    return [round(lng, digits), round(lat, digits)]


def ring(points, digits=9):
    pts = [lnglat(x, y, digits) for x, y in points]
    return pts + [pts[0]]


def square(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def densify(points, per_side):
    """Each side cut into per_side straight pieces: an outer ring of many edges (the reader's edge index)."""
    out = []
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1]):
        for k in range(per_side):
            t = k / per_side
            out.append((ax + t * (bx - ax), ay + t * (by - ay)))
    return out


def cells():
    features = []

    def add(code, name, coords, kind='Polygon'):
        features.append({'type': 'Feature', 'properties': {'WGBM': code, 'WGMC': name}, 'geometry': {'type': kind, 'coordinates': coords}})

    n = 0
    for r in range(2):
        for c in range(3):
            n += 1
            add(f'WG-{n:02d}', f'杏园村-{n:02d}', [ring(square(c * 400, r * 400, (c + 1) * 400, (r + 1) * 400))])
    # An industrial park (a key area) with a hole (a pond), its outer ring cut into 80 edges.
    add('WG-07', '工业园（重点区域）', [ring(densify(square(1300, 0, 1700, 400), 20)), ring(square(1450, 150, 1550, 250)[::-1])])
    # An L: a square without its north-east quarter.
    add('WG-08', '杏园村-08', [ring([(0, -500), (400, -500), (400, -300), (200, -300), (200, -100), (0, -100)])])
    # Two parts (a cell split by a road).
    add('WG-09', '杏园村-09', [[ring(square(600, -500, 800, -300))], [ring(square(900, -500, 1100, -300))]], 'MultiPolygon')
    # Never visited.
    add('WG-10', '杏园村-10', [ring(square(3000, 3000, 3400, 3400))])
    return {'type': 'FeatureCollection', 'features': features}


def walk(waypoints, step_m, step_s, t):
    """Points along straight legs every ~step_m metres, step_s seconds apart, starting at time t."""
    out = [(waypoints[0][0], waypoints[0][1], t)]
    for (ax, ay), (bx, by) in zip(waypoints, waypoints[1:]):
        n = max(1, math.ceil(math.hypot(bx - ax, by - ay) / step_m))
        for k in range(1, n + 1):
            t = t + timedelta(seconds=step_s)
            out.append((ax + (bx - ax) * k / n, ay + (by - ay) * k / n, t))
    return out, t


def stand(x, y, minutes, t):
    """Standing on site: a point every 30 s with the ~1 m jitter of a handheld."""
    out = []
    for k in range(minutes * 2):
        t = t + timedelta(seconds=30)
        out.append((x + 0.8 * math.sin(k * 1.7), y + 0.6 * math.cos(k * 2.3), t))
    return out, t


def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:%SZ')


def morning():
    # Segment 1: west to east through WG-01..03, a short look into WG-06 (not enough to cover it), into the park
    # and its pond, then 6 minutes on site in the park.
    seg1, t = walk([(-100, 200), (1250, 200), (1180, 450), (1500, 200), (1650, 380)], 18, 15, T0)
    still, t = stand(1650, 380, 6, t)
    seg1 += still
    # Segment 2, after the handheld lost its fix for ten minutes: a short walk into WG-06 and 7 minutes there.
    seg2, t = walk([(1150, 1000), (1150, 780)], 20, 15, t + timedelta(minutes=10))
    still, t = stand(1150, 780, 7, t)
    seg2 += still
    back, t = walk([(1150, 780), (1150, 1000)], 20, 15, t)
    seg2 += back[1:]
    return [seg1, seg2]


def gpx_points(seg, tag='trkpt', times=True):
    lines = []
    for x, y, t in seg:
        lng, lat = lnglat(x, y, 8)
        inner = f'<ele>31.{int(abs(x)) % 10}</ele>' + (f'<time>{iso(t)}</time>' if times else '')
        lines.append(f'      <{tag} lat="{lat:.8f}" lon="{lng:.8f}">{inner}</{tag}>')
    return '\n'.join(lines)


def write(name, text, encoding='utf-8'):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(text.encode(encoding))


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'cells.geojson'), 'w', encoding='utf-8') as f:
        json.dump(cells(), f, ensure_ascii=False, indent=1)
        f.write('\n')

    seg1, seg2 = morning()
    write('morning.gpx', f'''<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="LandPatrol fixture (a handheld's GPX 1.1)" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>0420 晨巡</name><time>{iso(T0)}</time></metadata>
  <wpt lat="{lnglat(1650, 380, 8)[1]:.8f}" lon="{lnglat(1650, 380, 8)[0]:.8f}"><name>疑似新建地基</name></wpt>
  <trk>
    <name>晨巡 杏园村</name>
    <trkseg>
{gpx_points(seg1)}
    </trkseg>
    <trkseg>
{gpx_points(seg2)}
    </trkseg>
  </trk>
</gpx>
''')

    # A planned route across the grid, no times (a phone app's "route" export), with two waypoints.
    route_pts, _ = walk([(-50, -50), (1250, 850)], 50, 0, T0)
    write('route.gpx', f'''<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="LandPatrol fixture (a route)" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="{lnglat(0, 0, 8)[1]:.8f}" lon="{lnglat(0, 0, 8)[0]:.8f}"><name>起点</name></wpt>
  <wpt lat="{lnglat(1200, 800, 8)[1]:.8f}" lon="{lnglat(1200, 800, 8)[0]:.8f}"><name>终点</name></wpt>
  <rte>
    <name>计划路线</name>
{gpx_points(route_pts, 'rtept', times=False)}
  </rte>
</gpx>
''')

    # Google Earth style gx:Track: through the L's missing corner (outside), its foot, and both parts of WG-09.
    ev, _ = walk([(300, -150), (300, -420), (1200, -420)], 25, 20, T0 + timedelta(hours=8))
    whens = '\n'.join(f'        <when>{iso(t)}</when>' for _x, _y, t in ev)
    coords = '\n'.join('        <gx:coord>{0:.8f} {1:.8f} 0</gx:coord>'.format(*lnglat(x, y, 8)) for x, y, _t in ev)
    gx_kml = f'''<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
  <Document>
    <name>0420 午后巡查</name>
    <Placemark>
      <name>午后巡查</name>
      <gx:Track>
{whens}
{coords}
      </gx:Track>
    </Placemark>
    <Placemark><name>疑似违建</name><Point><coordinates>{lnglat(1000, -400, 8)[0]:.8f},{lnglat(1000, -400, 8)[1]:.8f},0</coordinates></Point></Placemark>
  </Document>
</kml>
'''
    write('afternoon.kml', gx_kml)
    with zipfile.ZipFile(os.path.join(OUT, 'afternoon.kmz'), 'w', zipfile.ZIP_DEFLATED) as z:
        for member, text in (('doc.kml', gx_kml), ('files/readme.txt', 'a KMZ carries its images beside doc.kml')):
            info = zipfile.ZipInfo(member, date_time=(2026, 4, 20, 16, 0, 0))  # fixed: the file is the same on every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)

    # A plain KML LineString (no times): the diagonal again, drawn in Google Earth.
    line = ' '.join('{0:.8f},{1:.8f},0'.format(*lnglat(x, y, 8)) for x, y, _t in route_pts)
    line_kml = f'''<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document><Placemark><name>对角线路线</name><LineString><tessellate>1</tessellate><coordinates>{line}</coordinates></LineString></Placemark></Document>
</kml>
'''
    write('diagonal.kml', line_kml)
    # The same as 奥维 would name it: the extension alone says GCJ-02 is likely (its coordinates are NOT shifted here).
    write('diagonal.ovkml', line_kml.replace('<Document>', '<Document><!-- 奥维互动地图 Ovital export -->', 1))

    # A Chinese handheld's GPX in GB2312, as its declaration says.
    short, _ = walk([(50, 50), (350, 50)], 100, 60, T0)
    write('gb2312.gpx', f'''<?xml version="1.0" encoding="GB2312"?>
<gpx version="1.1" creator="fixture" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>杏园村巡查</name><trkseg>
{gpx_points(short)}
  </trkseg></trk>
</gpx>
''', 'gb2312')

    # Damaged and useless files.
    full = open(os.path.join(OUT, 'morning.gpx'), 'rb').read()
    with open(os.path.join(OUT, 'truncated.gpx'), 'wb') as f:
        f.write(full[: len(full) // 2])  # an interrupted copy
    write('waypoints-only.gpx', f'''<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="fixture" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="{lnglat(0, 0, 8)[1]:.8f}" lon="{lnglat(0, 0, 8)[0]:.8f}"><name>只有航点</name></wpt>
</gpx>
''')
    print('wrote', OUT)


if __name__ == '__main__':
    main()
