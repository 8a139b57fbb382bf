#!/usr/bin/env python3
"""Generate the independent reference figures that shared/domain specs check against.

Run: /usr/bin/python3 scripts/make-oracles.py   (writes tests/oracles/*.json)

Engines (none of them is our TypeScript): PROJ via pyproj (CRS definitions, WKT in GDAL/ESRI/WKT2
flavours, Gauss-Krüger forward values), GeographicLib via pyproj.Geod(ellps='GRS80') (ellipsoidal
areas and lengths), GEOS via shapely (planar areas, overlay — see scripts/overlay-reference.py), OGR to
read the real shapefiles in ../shared/data/real beside the repo (read in place; only derived figures and synthetic
geometry are written to tests/oracles).
"""
import importlib.util
import json
import math
import os
import random

import pyproj
from pyproj import CRS, Geod, Transformer
from pyproj.enums import WktVersion
from shapely.geometry import Polygon, MultiPolygon, mapping, LineString
from shapely.ops import transform as shp_transform
from osgeo import ogr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'tests', 'oracles')
DATA = os.environ.get('LANDPATROL_REAL_DATA') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'real')
BANZHUCUN = os.path.join(DATA, 'banzhucun', '斑竹村10000.shp')
GEOD = Geod(ellps='GRS80')

spec = importlib.util.spec_from_file_location('overlay_reference', os.path.join(ROOT, 'scripts', 'overlay-reference.py'))
overlay_reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(overlay_reference)


def write(name, obj):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False, indent=None, separators=(',', ':'))
        f.write('\n')
    print('wrote', name)


# GeographicLib polygon area (pyproj.Geod, GRS80), as the overlay reference computes it.
geodesic_area = overlay_reference.ellipsoidal_area


def geojson_coords(g):
    m = mapping(g)
    return {'type': m['type'], 'coordinates': json.loads(json.dumps(m['coordinates']))}


# ---------------------------------------------------------------- CRS catalogue and GK forward values
def crs_oracle():
    codes = [4490, 4326] + list(range(4491, 4555)) + list(range(2327, 2391)) + list(range(2401, 2443)) \
        + list(range(21413, 21424)) + list(range(21453, 21464))
    entries = []
    for c in codes:
        crs = CRS.from_epsg(c)
        e = {'epsg': c, 'name': crs.name, 'geographic': crs.is_geographic}
        if not crs.is_geographic:
            p = {k: v for k, v in crs.to_dict().items()}
            e.update({'lon0': p['lon_0'], 'x0': p['x_0'], 'k': p['k'], 'ellps': p.get('ellps'),
                      'a': crs.ellipsoid.semi_major_metre, 'invf': crs.ellipsoid.inverse_flattening})
        entries.append(e)
    # Forward values: lon/lat on the CRS's own geographic base (pure projection, no datum shift).
    points = []
    for c in list(range(4491, 4555)) + [2333, 2344, 2360, 2379, 2410, 2431, 21418, 21458]:
        crs = CRS.from_epsg(c)
        tr = Transformer.from_crs(crs.geodetic_crs, crs, always_xy=True)
        lon0 = crs.to_dict()['lon_0']
        width = 6 if ('3-degree' not in crs.name) else 3
        for dlon in (0.0, width / 2.0 - 0.001, -width / 2.0 + 0.001, 0.37):
            for lat in (18.0, 35.0, 53.0):
                e, n = tr.transform(lon0 + dlon, lat)
                points.append({'epsg': c, 'lon': lon0 + dlon, 'lat': lat, 'easting': e, 'northing': n})
    write('crs.json', {'proj': pyproj.proj_version_str, 'entries': entries, 'points': points})


def wkt_oracle():
    out = []
    for c in (4527, 4549, 4490, 4326, 4499, 4507, 4523, 2379, 2360, 2431, 2410, 21458):
        crs = CRS.from_epsg(c)
        out.append({'epsg': c, 'name': crs.name,
                    'wkt1Gdal': crs.to_wkt(WktVersion.WKT1_GDAL),
                    'wkt1Esri': crs.to_wkt(WktVersion.WKT1_ESRI),
                    'wkt2': crs.to_wkt(WktVersion.WKT2_2019, pretty=True)})
    write('wkt.json', {'proj': pyproj.proj_version_str, 'crs': out})


# ---------------------------------------------------------------- areas
def banzhucun_oracle():
    ds = ogr.Open(BANZHUCUN)
    lyr = ds.GetLayer()
    # EPSG:4523 → EPSG:4490: same datum, so this is the pure inverse Gauss-Krüger projection.
    tr = Transformer.from_crs(CRS.from_epsg(4523), CRS.from_epsg(4490), always_xy=True)
    from shapely import wkb
    tot_geod = tot_planar = tot_shape_area = 0.0
    samples = []
    for i, f in enumerate(lyr):
        g = wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        ll = shp_transform(tr.transform, g)
        a = geodesic_area(ll)
        tot_geod += a
        tot_planar += g.area
        tot_shape_area += f.GetField('Shape_Area')
        if i % 25 == 0:
            samples.append({'index': i, 'ellipsoidalM2': a, 'planarM2': g.area, 'shapeArea': f.GetField('Shape_Area')})
    write('area-banzhucun.json', {'count': lyr.GetFeatureCount(), 'totalEllipsoidalM2': tot_geod,
                                   'totalPlanarM2': tot_planar, 'totalShapeAreaM2': tot_shape_area,
                                   'samples': samples})


def synthetic_polygons():
    rnd = random.Random(20240601)
    cases = []
    for lat, lon in ((18.3, 109.5), (35.0, 117.2), (53.0, 124.6)):
        zone = overlay_reference.zone_for_lon(lon)
        fwd, inv = overlay_reference.gk_transformers(zone)
        cx, cy = fwd.transform(lon, lat)

        def star(radius, n, jitter, ox=0.0, oy=0.0):
            pts = []
            for k in range(n):
                t = 2 * math.pi * k / n
                r = radius * (1 + jitter * (rnd.random() - 0.5))
                pts.append((cx + ox + r * math.cos(t), cy + oy + r * math.sin(t)))
            return pts

        shapes = {
            'square100m': Polygon([(cx, cy), (cx + 100, cy), (cx + 100, cy + 100), (cx, cy + 100)]),
            'irregular1km': Polygon(star(500, 40, 0.6)),
            'withHoles': Polygon(star(800, 60, 0.3), [star(150, 12, 0.2, -300, 0)[::-1], star(100, 9, 0.2, 300, 100)[::-1]]),
            'multi': MultiPolygon([Polygon(star(200, 20, 0.3, -2000, 0)), Polygon(star(300, 25, 0.3, 2000, 500))]),
            # Large, with 10–40 km edges: the fast path must hand these to GeographicLib.
            'large30km': Polygon(star(15000, 9, 0.3)),
            'large60kmHole': Polygon(star(30000, 7, 0.2), [star(8000, 5, 0.2)[::-1]]),
            # Large but densely sampled (≈ 300 m edges): stays on the fast path.
            'dense20km': Polygon(star(10000, 200, 0.05)),
        }
        for name, g in shapes.items():
            g_ll = shp_transform(inv.transform, g)
            # Planar figure in the zone, of the lon/lat polygon re-projected by PROJ (what featureAreas does).
            g_back = shp_transform(fwd.transform, g_ll)
            cases.append({'name': f'{name}@{lat}', 'lat': lat, 'zone': zone, 'geometry': geojson_coords(g_ll),
                          'ellipsoidalM2': geodesic_area(g_ll), 'planarM2': g_back.area,
                          'gkGeometry': geojson_coords(g)})
    # Lengths: geodesic (GeographicLib inverse) for a few lines.
    lines = []
    for lat in (18.0, 35.0, 53.0):
        coords = [(110.0, lat), (110.01, lat + 0.003), (110.5, lat + 0.2), (111.3, lat - 0.1)]
        lines.append({'lat': lat, 'coordinates': coords, 'geodesicM': GEOD.line_length([c[0] for c in coords], [c[1] for c in coords])})
    write('area-synthetic.json', {'cases': cases, 'lines': lines})


# ---------------------------------------------------------------- overlay on banzhucun
def overlay_oracle():
    rnd = random.Random(7)
    tr_ll = Transformer.from_crs(CRS.from_epsg(4523), CRS.from_epsg(4490), always_xy=True)
    # Plots drawn over the village extent (35607725–35612631 E, 3274305–3277480 N, EPSG:4523).
    plots = []
    for k in range(20):
        cx = 35608200 + rnd.random() * 3900
        cy = 3274800 + rnd.random() * 2200
        r = 40 + rnd.random() * 300
        n = 5 + int(rnd.random() * 20)
        ring = []
        for j in range(n):
            t = 2 * math.pi * j / n
            rr = r * (0.6 + 0.8 * rnd.random())
            ring.append((cx + rr * math.cos(t), cy + rr * math.sin(t)))
        g = Polygon(ring)
        if k == 3:
            g = Polygon(ring, [[(cx + 0.2 * r * math.cos(t), cy + 0.2 * r * math.sin(t)) for t in (0, 2, 4)]])
        if k == 5:
            g = MultiPolygon([g, Polygon([(x + 3 * r, y) for x, y in ring])])
        if not g.is_valid:
            g = g.buffer(0)
        plots.append((f'P{k:02d}', shp_transform(tr_ll.transform, g)))
    _, feats = overlay_reference.read_layer(BANZHUCUN + ':DLMC')
    res = overlay_reference.overlay(plots, [('banzhucun', feats)])
    write('overlay-banzhucun.json', {'plots': [{'id': pid, 'geometry': geojson_coords(g)} for pid, g in plots], 'result': res})


def ae102_oracle():
    # The ae102 demo: coordinates near the false origin of a CM-102E zone (northing ≈ 0): flagged.
    out = {}
    for name in ('DLTB', 'Polygon', 'Road'):
        ds = ogr.Open(os.path.join(DATA, 'ae102-demo', name + '.shp'))
        out[name] = list(ds.GetLayer().GetExtent())  # minX, maxX, minY, maxY
    write('ae102.json', {'extents': out})


# ---------------------------------------------------------------- repaired boundaries (GEOS MakeValid)
def repair_oracle():
    """Invalid boundaries a user can bring, and what GEOS MakeValid (shapely.validation.make_valid, the
    linework method, as ST_MakeValid and QGIS "Fix geometries") makes of them: validity, polygonal area and
    part count. Coordinates: GK zone 39 with the zone prefix, around (39 512 000, 3 820 000)."""
    from shapely.validation import make_valid
    x0, y0 = 39_512_000.0, 3_820_000.0

    def pts(seq):
        return [(x0 + x, y0 + y) for x, y in seq]

    sq = lambda x, y, s: [(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]
    cases = {
        'bowtie': [[pts([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])]],
        'bowtie_unequal': [[pts([(0, 0), (120, 60), (120, 0), (0, 100), (0, 0)])]],
        'figure8_at_vertex': [[pts([(0, 0), (50, 50), (100, 0), (100, 100), (50, 50), (0, 100), (0, 0)])]],
        'inverted_hole_cw_loop': [[pts([(0, 0), (100, 0), (100, 100), (50, 100), (70, 50), (30, 50), (50, 100), (0, 100), (0, 0)])]],
        'inverted_loop_ccw': [[pts([(0, 0), (100, 0), (100, 100), (50, 100), (30, 50), (70, 50), (50, 100), (0, 100), (0, 0)])]],
        'spike': [[pts([(0, 0), (100, 0), (100, 50), (150, 50), (100, 50), (100, 100), (0, 100), (0, 0)])]],
        'hole_crossing_shell': [[pts(sq(0, 0, 100)), pts(sq(80, 40, 40))]],
        'overlapping_parts': [[pts(sq(0, 0, 100))], [pts(sq(50, 50, 100))]],
        'pentagram': [[pts([(100 * math.cos(k * 4 * math.pi / 5 + math.pi / 2) + 100, 100 * math.sin(k * 4 * math.pi / 5 + math.pi / 2) + 100) for k in range(6)])]],
        'valid_with_hole': [[pts(sq(0, 0, 100)), pts(sq(20, 20, 30))]],
        # Three nested squares given as three parts: linework makes the middle one a hole, the inner an island.
        'nested_three': [[pts(sq(0, 0, 100))], [pts(sq(10, 10, 50))], [pts(sq(20, 20, 10))]],
    }
    out = []
    for name, polys in cases.items():
        parts = [Polygon(rings[0], rings[1:]) for rings in polys]
        g = parts[0] if len(parts) == 1 else MultiPolygon(parts)
        fixed = make_valid(g)
        polygonal = [q for q in overlay_reference.polygons_of(fixed)]
        out.append({'name': name, 'polygons': [[[list(p) for p in ring] for ring in rings] for rings in polys],
                    'valid': bool(g.is_valid), 'area': sum(q.area for q in polygonal), 'parts': len(polygonal)})
    # The bowtie fixture as OGR reads it (tests/fixtures/shp/bowtie.shp), repaired: the import must agree.
    from shapely import wkb as shapely_wkb
    ds = ogr.Open(os.path.join(ROOT, 'tests', 'fixtures', 'shp', 'bowtie.shp'))
    fixture = []
    for i, f in enumerate(ds.GetLayer()):
        g = shapely_wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        fixed = g if g.is_valid else make_valid(g)
        fixture.append({'record': i + 1, 'valid': bool(g.is_valid), 'area': sum(q.area for q in overlay_reference.polygons_of(fixed))})
    write('repair.json', {'geos': 'shapely %s' % shapely_version(), 'cases': out, 'bowtieFixture': fixture})


def shapely_version():
    import shapely
    from shapely import geos
    return '%s / GEOS %s' % (shapely.__version__, geos.geos_version_string)


def overlay_invalid_oracle():
    """The overlay on what users bring: bowtie and figure-8 boundaries, spikes, overlapping features of one
    group and of two, holes, multiparts, reversed rings, and bowtie plots. The reference repairs invalid plots
    and features with make_valid (GEOS MakeValid), as our engine does. Lon/lat near 117°E 35°N (zone 39)."""
    fwd = Transformer.from_crs(CRS.from_epsg(4527), CRS.from_epsg(4490), always_xy=True)
    e0, n0 = 39_512_000.0, 3_880_000.0

    def ring(pts):
        return [fwd.transform(e0 + x, n0 + y) for x, y in pts]

    def sq(x, y, s):
        return [(x, y), (x + s, y), (x + s, y + s), (x, y + s), (x, y)]

    def poly(*rings):
        return Polygon(ring(rings[0]), [ring(r) for r in rings[1:]])

    feats = [
        (poly([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)]), '水田'),                      # bowtie
        (poly([(150, 0), (200, 50), (250, 0), (250, 100), (200, 50), (150, 100), (150, 0)]), '水田'),  # figure-8
        (poly([(0, 150), (100, 150), (100, 200), (160, 200), (100, 200), (100, 250), (0, 250), (0, 150)]), '旱地'),  # spike
        (poly(sq(300, 0, 100)), '旱地'),
        (poly(sq(340, 40, 100)), '旱地'),                                                        # overlaps the one before, same group
        (poly(sq(360, 60, 100)), '果园'),                                                        # and another group
        (poly(sq(0, 300, 200), sq(50, 350, 50)), '水田'),                                        # with a hole
        (poly(list(reversed(sq(250, 300, 200))), list(reversed(sq(300, 350, 50)))), None),        # reversed rings
        (MultiPolygon([poly(sq(500, 0, 50)), poly(sq(560, 0, 50))]), '林地'),                    # multipart
    ]
    plots = [
        ('covers-all', poly(sq(-20, -20, 700))),
        ('bowtie-plot', poly([(-10, -10), (480, 480), (480, -10), (-10, 480), (-10, -10)])),
        ('in-the-hole', poly(sq(60, 360, 30))),
        ('overlaps', poly(sq(320, 20, 150))),
        ('edge', poly([(90, 90), (310, 90), (310, 320), (90, 320), (90, 90)])),
    ]
    res = overlay_reference.overlay(plots, [('地类', feats), ('地类·未分组', [(g, None) for g, _ in feats])])
    write('overlay-invalid.json', {
        'features': [{'geometry': geojson_coords(g), 'group': grp} for g, grp in feats],
        'plots': [{'id': pid, 'geometry': geojson_coords(g)} for pid, g in plots],
        'result': res,
    })


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    crs_oracle()
    wkt_oracle()
    banzhucun_oracle()
    synthetic_polygons()
    overlay_oracle()
    ae102_oracle()
    repair_oracle()
    overlay_invalid_oracle()
