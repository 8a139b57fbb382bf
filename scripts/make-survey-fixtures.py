#!/usr/bin/env python3
"""Writes the survey fixtures (tests/fixtures/survey) and their oracle (tests/oracles/survey.json).

Run: /usr/bin/python3 scripts/make-survey-fixtures.py

Everything is invented: three plots laid out by hand in the CGCS2000 3-degree Gauss-Kruger plane of zone 39 with
the zone prefix (EPSG:4527, CM 117E), near 34.5N 117.1E, written as the surveyors' files carry them (CASS .dat in
GBK and UTF-8, a blank-separated X-first variant without the prefix, a 建设用地报盘 file with two plots, one with a
hole, CSVs, GPX waypoints, a KML/KMZ polygon, a bowtie). Files are written as text by hand, so each format's details
are exactly what the readers meet.

The oracle is independent of our TypeScript: PROJ (pyproj) takes GK to lon/lat (EPSG:4490) and back, GEOS (shapely)
gives the planar areas (in EPSG:4527 coordinates, prefix kept), GeographicLib (pyproj.Geod on GRS80) the
ellipsoidal areas (polygon_area_perimeter, holes subtracted) and geodesic side lengths, and math.atan2 the grid
bearings (坐标方位角: from X north, clockwise).
"""
import json
import math
import os
import zipfile

from pyproj import Geod, Transformer
from shapely.geometry import Polygon

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'fixtures', 'survey')
ORACLE = os.path.join(ROOT, 'tests', 'oracles', 'survey.json')
GEOD = Geod(ellps='GRS80')
GK_TO_LL = Transformer.from_crs('EPSG:4527', 'EPSG:4490', always_xy=True)
LL_TO_GK = Transformer.from_crs('EPSG:4490', 'EPSG:4527', always_xy=True)

# (name, X north, Y east with prefix); clockwise from the north-west point, as survey practice numbers them.
HEXAGON = [
    ('界址点1', 3820100.123, 39512000.456),
    ('界址点2', 3820110.789, 39512080.321),
    ('界址点3', 3820050.555, 39512130.987),
    ('界址点4', 3819980.246, 39512095.135),
    ('界址点5', 3819970.864, 39512010.642),
    ('界址点6', 3820030.917, 39511975.208),
]
PLOT1_OUTER = [('J1', 3821200.000, 39513000.000), ('J2', 3821200.000, 39513150.500), ('J3', 3821050.250, 39513150.500), ('J4', 3821050.250, 39513000.000)]
PLOT1_HOLE = [('J5', 3821150.000, 39513050.000), ('J6', 3821150.000, 39513100.000), ('J7', 3821100.000, 39513100.000), ('J8', 3821100.000, 39513050.000)]
PLOT2 = [('J1', 3821600.111, 39514000.222), ('J2', 3821640.333, 39514090.444), ('J3', 3821560.555, 39514150.666), ('J4', 3821480.777, 39514100.888), ('J5', 3821500.999, 39514010.001)]
BOWTIE = [('J1', 3820000.000, 39512000.000), ('J2', 3820000.000, 39512100.000), ('J3', 3819900.000, 39512000.000), ('J4', 3819900.000, 39512100.000)]


def lnglat(pts):
    return [GK_TO_LL.transform(y, x) for _, x, y in pts]


def ring_figures(pts, closed_by_file):
    """Sides (planar, geodesic), closure and bearings of one ring given as (name, X, Y)."""
    n = len(pts)
    ll = lnglat(pts)
    sides = [math.hypot(pts[(i + 1) % n][1] - pts[i][1], pts[(i + 1) % n][2] - pts[i][2]) for i in range(n)]
    geodesic = [GEOD.inv(ll[i][0], ll[i][1], ll[(i + 1) % n][0], ll[(i + 1) % n][1])[2] for i in range(n)]
    bearings = []
    for i in range(n):
        a, b = pts[i], pts[(i + 1) % n]
        deg = math.degrees(math.atan2(b[2] - a[2], b[1] - a[1])) % 360
        bearings.append(deg)
    closure = 0.0 if closed_by_file else sides[-1]
    return {'sides': sides, 'sidesGeodesic': geodesic, 'closure': closure, 'bearings': bearings}


def ellipsoidal(rings_ll):
    total = 0.0
    for i, ring in enumerate(rings_ll):
        a, _ = GEOD.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
        total += abs(a) if i == 0 else -abs(a)
    return total


def plot_oracle(name, rings, closed_by_file, epsg, ll_rings=None):
    """rings: list of (name, X, Y) lists; the first outer, the others holes. ll_rings: the file's own lon/lat."""
    shell = [(y, x) for _, x, y in rings[0]]
    holes = [[(y, x) for _, x, y in r] for r in rings[1:]]
    planar = Polygon(shell, holes).area
    ll = ll_rings if ll_rings is not None else [lnglat(r) for r in rings]
    ell = ellipsoidal(ll)
    figures = [ring_figures(r, closed_by_file) for r in rings]
    return {
        'name': name,
        'epsg': epsg,
        'points': [{'name': n, 'x': x, 'y': y} for r in rings for n, x, y in r],
        'sides': [s for f in figures for s in f['sides']],
        'sidesGeodesic': [s for f in figures for s in f['sidesGeodesic']],
        'closureMetres': max(f['closure'] for f in figures),
        'bearings': figures[0]['bearings'],
        'planarM2': planar,
        'ellipsoidalM2': ell,
        'mu': planar * 0.0015,
    }


def f3(v):
    return f'{v:.3f}'


def write(name, text, encoding):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(text.encode(encoding))


def main():
    os.makedirs(OUT, exist_ok=True)
    oracle = {}

    # CASS .dat: 点名,编码,Y,X,H with 编码 empty, closed on 界址点1; the same text in UTF-8 and in GBK.
    heights = [45.12, 45.3, 44.987, 45.0, 46.25, 45.875]
    rows = [f'{n},,{f3(y)},{f3(x)},{f3(h)}' for (n, x, y), h in zip(HEXAGON, heights)]
    rows.append(rows[0])
    cass = '\r\n'.join(rows) + '\r\n'
    write('hexagon-utf8.dat', cass, 'utf-8')
    write('hexagon-gbk.dat', cass, 'gbk')
    oracle['hexagon'] = plot_oracle('hexagon', [HEXAGON], True, 4527)

    # Blank-separated, X first, no 编码, Y without the zone prefix, not closed, one comment and one bad line.
    noprefix = [(f'J{i + 1}', x, round(y - 39_000_000, 3)) for i, (_, x, y) in enumerate(HEXAGON)]
    lines = ['# 界址点 X Y H（北坐标在前）'] + [f'{n}  {f3(x)}\t{f3(y)}  {f3(h)}' for (n, x, y), h in zip(noprefix, heights)]
    lines.insert(4, 'J3a  3820050.555')  # line 5: one coordinate only — a bad line
    write('xfirst-blank.dat', '\n'.join(lines) + '\n', 'utf-8')
    o = plot_oracle('xfirst-blank', [[(n, x, y + 39_000_000) for n, x, y in noprefix]], False, 4548)
    o['points'] = [{'name': n, 'x': x, 'y': y} for n, x, y in noprefix]
    oracle['xfirst'] = o

    # 报盘: two plots, the first with a hole (圈号 2), rings closed on their first point, areas in 公顷 to 4 decimals.
    p1 = plot_oracle('地块一', [PLOT1_OUTER, PLOT1_HOLE], True, 4527)
    p2 = plot_oracle('地块二', [PLOT2], True, 4527)
    out = ['[属性描述]', '格式版本号=1.01版本', '数据产生单位=某某县自然资源局', '数据产生日期=2026-4-20', '坐标系=2000国家大地坐标系', '几度分带=3',
           '投影类型=高斯克吕格', '计量单位=米', '带号=39', '精度=0.001', '转换参数=,,,,,,', '[地块坐标]']
    for plot, rings, number in ((p1, [PLOT1_OUTER, PLOT1_HOLE], 'DK001'), (p2, [PLOT2], 'DK002')):
        body = []
        for k, ring in enumerate(rings):
            body += [f'{n},{k + 1},{f3(x)},{f3(y)}' for n, x, y in ring]
            body.append(f'{ring[0][0]},{k + 1},{f3(ring[0][1])},{f3(ring[0][2])}')
        out.append(f'{len(body)},{plot["planarM2"] / 10000:.4f},{number},{plot["name"]},面,,建设用地,,@')
        out += body
    baopan = '\r\n'.join(out) + '\r\n'
    write('baopan-gbk.txt', baopan, 'gbk')
    write('baopan-utf8.txt', baopan, 'utf-8')
    oracle['baopan'] = [p1, p2]

    # CSV: a header, X (north) before Y (east), Chinese names; UTF-8 with a BOM (Excel) and GBK.
    csv = '点号,X坐标,Y坐标,高程\r\n' + ''.join(f'{n},{f3(x)},{f3(y)},{f3(h)}\r\n' for (n, x, y), h in zip(HEXAGON, heights))
    write('points-utf8.csv', '\ufeff' + csv, 'utf-8')
    write('points-gbk.csv', csv, 'gbk')

    # GPX waypoints: the hexagon's corners in lon/lat (EPSG:4490 via PROJ, rounded to 1e-9 degree), not closed.
    ll = [(round(lng, 9), round(lat, 9)) for lng, lat in lnglat(HEXAGON)]
    wpts = ''.join(f'  <wpt lat="{lat:.9f}" lon="{lng:.9f}"><name>{n}</name></wpt>\n' for (n, _, _), (lng, lat) in zip(HEXAGON, ll))
    gpx = f'<?xml version="1.0" encoding="{{enc}}"?>\n<gpx version="1.1" creator="handheld" xmlns="http://www.topografix.com/GPX/1/1">\n{wpts}</gpx>\n'
    write('waypoints-utf8.gpx', gpx.replace('{enc}', 'UTF-8'), 'utf-8')
    write('waypoints-gbk.gpx', gpx.replace('{enc}', 'GBK'), 'gbk')
    gk = [LL_TO_GK.transform(lng, lat) for lng, lat in ll]
    pts = [(n, y, x) for (n, _, _), (x, y) in zip(HEXAGON, gk)]
    oracle['waypoints'] = plot_oracle('waypoints', [pts], False, 4527, [ll])
    # For measuring on the map: the lon/lat themselves and the geodesic azimuths (from true north) J1→J2 …
    oracle['waypoints']['lngLat'] = ll
    oracle['waypoints']['azimuths'] = [GEOD.inv(*ll[i], *ll[(i + 1) % len(ll)])[0] % 360 for i in range(len(ll))]

    # KML: 地块二 as a Polygon placemark (lon/lat, closed ring), and the same zipped as a KMZ.
    ll2 = [(round(lng, 9), round(lat, 9)) for lng, lat in lnglat(PLOT2)]
    coords = ' '.join(f'{lng:.9f},{lat:.9f},0' for lng, lat in ll2 + ll2[:1])
    kml = ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>报批地块</name>\n'
           f'<Placemark><name>地块二</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n'
           '</Document></kml>\n')
    write('plot.kml', kml, 'utf-8')
    with zipfile.ZipFile(os.path.join(OUT, 'plot.kmz'), 'w', zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo('doc.kml', date_time=(2026, 4, 20, 8, 30, 0))
        z.writestr(info, kml.encode('utf-8'), zipfile.ZIP_DEFLATED)
    gk2 = [LL_TO_GK.transform(lng, lat) for lng, lat in ll2]
    pts2 = [(f'J{i + 1}', y, x) for i, (x, y) in enumerate(gk2)]
    oracle['kml'] = plot_oracle('地块二', [pts2], True, 4527, [ll2])

    # A bowtie: side J2–J3 crosses side J4–J1.
    write('bowtie.dat', ''.join(f'{n},,{f3(y)},{f3(x)},\r\n' for n, x, y in BOWTIE), 'gbk')

    with open(ORACLE, 'w', encoding='utf-8') as f:
        json.dump(oracle, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
