#!/usr/bin/env python3
"""Reference figures for patrol areas and the day's task sheet (shared/domain/patrol/corridor.spec.ts, task-sheet.spec.ts).

Run: /usr/bin/python3 scripts/make-tasks-oracle.py   (writes tests/oracles/tasks.json)

Independent engines, none of them our TypeScript:
- corridors and circle sites: PROJ via pyproj (lon/lat CGCS2000, EPSG:4490, into the CGCS2000 Gauss-Kruger CRS of the
  zone without prefix, EPSG:4534-4554) and GEOS via shapely (buffer in that plane: half the corridor's width each side,
  flat end caps, round joins, 8 segments per quarter circle; a site's point buffered round), planar area in m2;
- task sheet points: pyproj into the zone's CGCS2000 GK CRS WITH the zone prefix (EPSG:4513-4533), X = north,
  Y = east with the prefix (Chinese survey tables); the planned route's geodesic length on GRS80 (pyproj.Geod,
  GeographicLib inside), the areas' planar area in their zone (shapely on the projected ring).
Places are made up, near Jinan (CGCS2000 3-degree zone 39, CM 117E), one on the Hainan coast (zone 37, 18.3N),
one in Heilongjiang (zone 42, 47.3N).
"""
import json
import os

from pyproj import CRS, Geod, Transformer
from shapely.geometry import LineString, Point, Polygon

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles', 'tasks.json')
GEOD = Geod(ellps='GRS80')


def epsg(zone, prefix):
    return (4513 if prefix else 4534) + zone - 25


def fwd(zone, prefix=False):
    return Transformer.from_crs(CRS.from_epsg(4490), CRS.from_epsg(epsg(zone, prefix)), always_xy=True)


def corridor(name, zone, line, width):
    t = fwd(zone)
    gk = [t.transform(lon, lat) for lon, lat in line]
    poly = LineString(gk).buffer(width / 2, resolution=8, cap_style=2, join_style=1)
    return {'name': name, 'zone': zone, 'line': line, 'widthMetres': width, 'planarM2': poly.area, 'lineMetres': LineString(gk).length}


def site(name, zone, centre, radius):
    t = fwd(zone)
    poly = Point(*t.transform(*centre)).buffer(radius, resolution=8)
    return {'name': name, 'zone': zone, 'centre': centre, 'radiusMetres': radius, 'planarM2': poly.area}


def sheet():
    zone = 39
    t = fwd(zone, prefix=True)
    points = [[117.0512345, 36.6823456], [117.0634567, 36.6701234], [117.0801, 36.6755]]
    route = [[117.045, 36.685], [117.0512345, 36.6823456], [117.058, 36.676], [117.0634567, 36.6701234], [117.0801, 36.6755]]
    area = [[117.04, 36.66], [117.09, 36.66], [117.09, 36.69], [117.04, 36.69], [117.04, 36.66]]
    tp = fwd(zone)
    rows = []
    for lon, lat in points:
        e, n = t.transform(lon, lat)
        rows.append({'lngLat': [lon, lat], 'x': n, 'y': e})
    lons = [p[0] for p in route]
    lats = [p[1] for p in route]
    return {
        'zone': zone,
        'points': rows,
        'route': route,
        'routeGeodesicMetres': GEOD.line_length(lons, lats),
        'area': area,
        'areaPlanarM2': Polygon([tp.transform(lon, lat) for lon, lat in area]).area,
    }


def main():
    out = {
        'corridors': [
            corridor('straight road, zone 39', 39, [[117.02, 36.65], [117.06, 36.66]], 100),
            corridor('river bends, zone 39', 39, [[117.01, 36.70], [117.02, 36.705], [117.025, 36.715], [117.04, 36.716], [117.05, 36.73]], 60),
            corridor('coast road, Hainan, zone 37', 37, [[110.30, 18.30], [110.33, 18.31], [110.35, 18.33]], 200),
            corridor('canal, Heilongjiang, zone 42', 42, [[126.50, 47.30], [126.52, 47.305]], 30),
        ],
        'sites': [
            site('brick kiln, zone 39', 39, [117.0512, 36.6823], 50),
            site('quarry, Hainan, zone 37', 37, [110.31, 18.305], 120),
        ],
        'sheet': sheet(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', OUT)


if __name__ == '__main__':
    main()
