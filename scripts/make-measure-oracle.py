#!/usr/bin/env python3
"""Reference figures for the measure tool (renderer/features/measure/measure.logic.spec.ts).

Run: /usr/bin/python3 scripts/make-measure-oracle.py   (writes tests/oracles/measure.json)

Independent engines, none of them our TypeScript: PROJ via pyproj (lon/lat CGCS2000, EPSG:4490, into the
CGCS2000 Gauss-Kruger CRS of the zone by its EPSG code), GEOS via shapely (planar length and area in that
plane) and GeographicLib via pyproj.Geod(ellps='GRS80') (ellipsoidal polygon area with geodesic edges).
The vertices are places a patrol measures: parcels and roads around Jinan (CGCS2000 3-degree zone 39, CM 117E),
one near the zone's edge, one in a 6-degree zone, one with edges over a kilometre, one with no data zone.
"""
import json
import math
import os

import pyproj
import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import LineString, Polygon

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles', 'measure.json')
GEOD = Geod(ellps='GRS80')


def gk_epsg(width, zone):
    """CGCS2000 GK without the zone prefix: 3-degree zones 25-45 are EPSG:4534-4554, 6-degree 13-23 EPSG:4502-4512."""
    return 4534 + zone - 25 if width == 3 else 4502 + zone - 13


def to_gk(vertices, width, zone):
    t = Transformer.from_crs(CRS.from_epsg(4490), CRS.from_epsg(gk_epsg(width, zone)), always_xy=True)
    return [t.transform(lon, lat) for lon, lat in vertices]


def case(name, mode, vertices, width, zone, data_zone):
    gk = to_gk(vertices, width, zone)
    path = gk + [gk[0]] if mode == 'area' else gk
    segments = [math.hypot(b[0] - a[0], b[1] - a[1]) for a, b in zip(path, path[1:])]
    out = {
        'name': name,
        'mode': mode,
        'vertices': vertices,
        'dataZone': {'width': width, 'zone': zone, 'centralMeridian': 3 * zone if width == 3 else 6 * zone - 3} if data_zone else None,
        'zone': {'width': width, 'zone': zone, 'epsg': gk_epsg(width, zone)},
        'segmentsMetres': segments,
        'totalMetres': LineString(path).length,
    }
    if mode == 'area':
        out['planarM2'] = Polygon(gk).area
        area, _perimeter = GEOD.polygon_area_perimeter([v[0] for v in vertices], [v[1] for v in vertices])
        out['ellipsoidalM2'] = abs(area)
        out['mu'] = out['planarM2'] * 0.0015
    return out


CASES = [
    # A village road west of Jinan, four vertices (~1.3 km).
    case('road-jinan', 'length', [[116.95012, 36.60231], [116.95498, 36.60512], [116.96113, 36.60488], [116.96502, 36.60897]], 3, 39, True),
    # A parcel (~1.2 ha), clicked counter-clockwise.
    case('parcel-jinan', 'area', [[117.10215, 36.65102], [117.10342, 36.65098], [117.10351, 36.65187], [117.10228, 36.65199]], 3, 39, True),
    # The same kind of parcel clicked clockwise, 1.4 degrees east of the CM (GK scale ~1.0002: planar > ellipsoidal).
    case('parcel-zone-edge-clockwise', 'area', [[118.40102, 36.30155], [118.40111, 36.30262], [118.40255, 36.30258], [118.40246, 36.30149]], 3, 39, True),
    # A 6-degree data zone (zone 20, CM 117E).
    case('parcel-6-degree', 'area', [[117.62001, 35.12005], [117.62193, 35.12011], [117.62188, 35.12144], [117.62040, 35.12170], [117.61990, 35.12090]], 6, 20, True),
    # Edges of 3-6 km: the ellipsoidal figure takes GeographicLib's path in area.ts.
    case('large-triangle', 'area', [[116.90000, 36.50000], [116.96000, 36.51000], [116.92000, 36.55000]], 3, 39, True),
    # No projected data: the zone of the shape's mean longitude (113.71E -> 3-degree zone 38, CM 114E).
    case('no-data-zone', 'area', [[113.70001, 34.75002], [113.71205, 34.75010], [113.71199, 34.75803], [113.70012, 34.75799]], 3, 38, False),
]

with open(OUT, 'w', encoding='utf-8') as f:
    json.dump({
        'madeBy': '/usr/bin/python3 scripts/make-measure-oracle.py',
        'engines': {'pyproj': pyproj.__version__, 'PROJ': pyproj.proj_version_str, 'shapely': shapely.__version__},
        'cases': CASES,
    }, f, ensure_ascii=False, indent=1)
    f.write('\n')
print('wrote', OUT)
