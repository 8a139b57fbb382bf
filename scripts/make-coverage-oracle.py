#!/usr/bin/env python3
"""Reference figures for track coverage over cells (shared/domain/patrol/coverage.spec.ts).

Run: /usr/bin/python3 scripts/make-coverage-oracle.py   (writes tests/oracles/coverage.json)

Independent of our TypeScript: the tracks are read from the fixture files with Python's own XML parser (not
togeojson), each cell is projected by PROJ (pyproj) into the CGCS2000 3-degree Gauss-Kruger zone of its box's
middle longitude (EPSG:4534 + zone - 25, no zone prefix), and each track segment is intersected with the cell by
GEOS (shapely). The pieces' lengths are geodesic on GRS80 by GeographicLib (pyproj.Geod.line_length) between
their ends taken back to lon/lat; their times are the segment's, interpolated by where along the segment the
piece lies. A zero-length segment counts its time for a cell that covers its point (GEOS covers: boundary
included, as the intersection of a line with a polygon includes its boundary).
"""
import json
import math
import os
import xml.etree.ElementTree as ET
from datetime import datetime

import pyproj
import shapely
import shapely.geos
from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, shape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, 'tests', 'fixtures', 'tracks')
OUT = os.path.join(ROOT, 'tests', 'oracles', 'coverage.json')
GEOD = Geod(ellps='GRS80')
NS = {'gpx': 'http://www.topografix.com/GPX/1/1', 'kml': 'http://www.opengis.net/kml/2.2', 'gx': 'http://www.google.com/kml/ext/2.2'}
MIN_METRES, MIN_SECONDS = 200.0, 300.0


def ms(text):
    return int(datetime.fromisoformat(text.strip().replace('Z', '+00:00')).timestamp() * 1000)


def gpx_tracks(path):
    root = ET.parse(path).getroot()
    out = []
    for trk in root.findall('gpx:trk', NS):
        name = trk.findtext('gpx:name', default='', namespaces=NS).strip()
        segs = [[(float(p.get('lon')), float(p.get('lat')), ms(p.findtext('gpx:time', namespaces=NS)) if p.find('gpx:time', NS) is not None else None)
                 for p in seg.findall('gpx:trkpt', NS)] for seg in trk.findall('gpx:trkseg', NS)]
        for i, seg in enumerate(segs):
            out.append({'name': f'{name} ({i + 1}/{len(segs)})' if len(segs) > 1 else name, 'points': seg})
    for rte in root.findall('gpx:rte', NS):
        out.append({'name': rte.findtext('gpx:name', namespaces=NS).strip(),
                    'points': [(float(p.get('lon')), float(p.get('lat')), None) for p in rte.findall('gpx:rtept', NS)]})
    return out


def kml_tracks(path):
    root = ET.parse(path).getroot()
    out = []
    for pm in root.iter('{%s}Placemark' % NS['kml']):
        name = pm.findtext('kml:name', default='', namespaces=NS).strip()
        track = pm.find('gx:Track', NS)
        if track is not None:
            whens = [ms(w.text) for w in track.findall('kml:when', NS)]
            coords = [tuple(map(float, c.text.split()[:2])) for c in track.findall('gx:coord', NS)]
            out.append({'name': name, 'points': [(x, y, t) for (x, y), t in zip(coords, whens)]})
        line = pm.find('kml:LineString', NS)
        if line is not None:
            pts = [tuple(map(float, c.split(',')[:2])) for c in line.findtext('kml:coordinates', namespaces=NS).split()]
            out.append({'name': name, 'points': [(x, y, None) for x, y in pts]})
    return out


def zone_epsg(geom_lnglat):
    minx, _miny, maxx, _maxy = geom_lnglat.bounds
    zone = math.floor(((minx + maxx) / 2 + 1.5) / 3)
    return 4534 + zone - 25


def project(geom, t):
    if isinstance(geom, Polygon):
        return Polygon([t.transform(*p) for p in geom.exterior.coords], [[t.transform(*p) for p in r.coords] for r in geom.interiors])
    return MultiPolygon([project(g, t) for g in geom.geoms])


def pieces(g):
    if g.is_empty:
        return []
    if g.geom_type == 'LineString':
        return [g]
    if g.geom_type in ('MultiLineString', 'GeometryCollection'):
        return [p for sub in g.geoms for p in pieces(sub)]
    return []  # points: a touch, no length


def coverage(track, cells):
    pts = track['points']
    out = []
    for cell in cells:
        metres, seconds, timed = 0.0, 0.0, False
        fwd, inv, poly = cell['fwd'], cell['inv'], cell['gk']
        gk = [fwd.transform(x, y) for x, y, _t in pts]
        for i in range(1, len(pts)):
            a, b = gk[i - 1], gk[i]
            ta, tb = pts[i - 1][2], pts[i][2]
            dt = (tb - ta) / 1000 if ta is not None and tb is not None and tb >= ta else None
            if a == b:
                if poly.covers(Point(a)):
                    if dt is not None:
                        seconds += dt
                        timed = True
                continue
            seg = LineString([a, b])
            for piece in pieces(poly.intersection(seg)):
                coords = list(piece.coords)
                lnglat = [inv.transform(x, y) for x, y in coords]
                metres += GEOD.line_length([p[0] for p in lnglat], [p[1] for p in lnglat])
                if dt is not None:
                    taus = [seg.project(Point(c)) / seg.length for c in coords]
                    seconds += dt * (max(taus) - min(taus))
                    timed = True
        if metres > 0 or seconds > 0:
            secs = seconds if timed else None
            out.append({'id': cell['id'], 'name': cell['name'], 'insideMetres': metres, 'insideSeconds': secs,
                        'covered': metres >= MIN_METRES or (secs is not None and secs >= MIN_SECONDS)})
    return out


def main():
    with open(os.path.join(FIXTURES, 'cells.geojson'), encoding='utf-8') as f:
        fc = json.load(f)
    cells = []
    for feat in fc['features']:
        g = shape(feat['geometry'])
        epsg = zone_epsg(g)
        fwd = Transformer.from_crs('EPSG:4490', f'EPSG:{epsg}', always_xy=True)
        inv = Transformer.from_crs(f'EPSG:{epsg}', 'EPSG:4490', always_xy=True)
        cells.append({'id': feat['properties']['WGBM'], 'name': feat['properties']['WGMC'], 'epsg': epsg, 'fwd': fwd, 'inv': inv, 'gk': project(g, fwd)})
    tracks = []
    for name in ['morning.gpx', 'route.gpx', 'afternoon.kml', 'diagonal.kml']:
        path = os.path.join(FIXTURES, name)
        for t in (gpx_tracks(path) if name.endswith('.gpx') else kml_tracks(path)):
            pts = t['points']
            times = [p[2] for p in pts if p[2] is not None]
            tracks.append({
                'file': name,
                'name': t['name'],
                'points': len(pts),
                'lengthMetres': GEOD.line_length([p[0] for p in pts], [p[1] for p in pts]),
                'startMs': times[0] if times else None,
                'endMs': times[-1] if times else None,
                'cells': coverage(t, cells),
            })
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump({
            'madeBy': '/usr/bin/python3 scripts/make-coverage-oracle.py',
            'engines': {'pyproj': pyproj.__version__, 'PROJ': pyproj.proj_version_str, 'shapely': shapely.__version__, 'GEOS': '.'.join(map(str, shapely.geos.geos_version))},
            'minMetres': MIN_METRES,
            'minSeconds': MIN_SECONDS,
            'zones': sorted({c['epsg'] for c in cells}),
            'tracks': tracks,
        }, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print('wrote', OUT)


if __name__ == '__main__':
    main()
