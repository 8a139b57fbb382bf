#!/usr/bin/env python3
"""Overlay reference (GEOS via shapely, PROJ via pyproj) for shared/domain/geometry/overlay.ts.

Independent of our TypeScript: it is both the test oracle (imported by make-oracles.py) and the
benchmark reference.  Usage:

    /usr/bin/python3 scripts/overlay-reference.py plots.geojson LAYER.shp:GROUPFIELD [LAYER2.geojson:FIELD ...]

plots.geojson: FeatureCollection in lon/lat (CGCS2000) with an `id` property.  Layers are read with
OGR and reprojected to CGCS2000 lon/lat (EPSG:4490) when they carry a .prj.  Prints JSON with the same
figures overlay.ts produces: per plot, per layer, per group (groups made disjoint in sorted order,
earlier groups win; null group last), the layer remainder and the plot remainder over all layers.

Method (same rules as overlay.ts, different engines): work in the plot's CGCS2000 3° GK zone without
prefix (tmerc, k=1, GRS80); STRtree for candidates; clip each candidate by the plot; union per group;
subtract earlier groups; planar area from GEOS; ellipsoidal area by inverse-projecting the planar pieces
and pyproj.Geod(ellps='GRS80').geometry_area_perimeter on the oriented polygon.
"""
import json
import math
import sys
import time

from shapely import wkb
from shapely.geometry import shape, mapping, Polygon, MultiPolygon
from shapely.ops import transform as shp_transform, orient, unary_union
from shapely.strtree import STRtree
from pyproj import Geod, Transformer, CRS

GEOD = Geod(ellps='GRS80')


def zone_for_lon(lon):
    """CGCS2000 3° zone: CM = 3 × zone (DOMAIN.md)."""
    return int(math.floor((lon + 1.5) / 3.0))


def gk_transformers(zone):
    cm = 3 * zone
    gk = CRS.from_proj4(f'+proj=tmerc +lat_0=0 +lon_0={cm} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs')
    ll = CRS.from_proj4('+proj=longlat +ellps=GRS80 +no_defs')
    fwd = Transformer.from_crs(ll, gk, always_xy=True)
    inv = Transformer.from_crs(gk, ll, always_xy=True)
    return fwd, inv


def polygons_of(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    if hasattr(g, 'geoms'):
        out = []
        for p in g.geoms:
            out.extend(polygons_of(p))
        return out
    return []


def ellipsoidal_area(g_lnglat):
    total = 0.0
    for p in polygons_of(g_lnglat):
        a, _ = GEOD.geometry_area_perimeter(orient(p, 1.0))
        total += a
    return total


def read_layer(spec):
    from osgeo import ogr, osr
    path, _, field = spec.partition(':')
    if path.endswith('.geojson') or path.endswith('.json'):
        with open(path, encoding='utf-8') as f:
            fc = json.load(f)
        feats = []
        for ft in fc['features']:
            props = ft.get('properties') or {}
            feats.append((shape(ft['geometry']), props.get(field) if field else None))
        return path, feats
    ds = ogr.Open(path)
    lyr = ds.GetLayer()
    srs = lyr.GetSpatialRef()
    tr = None
    if srs is not None:
        dst = osr.SpatialReference()
        dst.ImportFromEPSG(4490)
        dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        tr = Transformer.from_crs(CRS.from_wkt(srs.ExportToWkt()), CRS.from_epsg(4490), always_xy=True)
    feats = []
    for f in lyr:
        g = wkb.loads(bytes(f.GetGeometryRef().ExportToWkb()))
        if tr is not None:
            g = shp_transform(tr.transform, g)
        feats.append((g, f.GetField(field) if field else None))
    return path, feats


def group_key(g):
    # Sorted group names, earlier wins; null last. Python str order = code-point order, which equals
    # JavaScript's code-unit order for BMP text (all Chinese land-class names are in the BMP).
    return (1, '') if g is None else (0, g)


def overlay(plots, layers):
    """plots: [(id, shapely geometry lon/lat)], layers: [(name, [(geom lon/lat, group)])]."""
    out = []
    cache = {}
    for pid, plot_ll in plots:
        c = plot_ll.centroid
        zone = zone_for_lon((plot_ll.bounds[0] + plot_ll.bounds[2]) / 2)
        if zone not in cache:
            fwd, inv = gk_transformers(zone)
            prepared = []
            for name, feats in layers:
                geoms = [g for g, _ in feats]
                tree = STRtree(geoms, items=range(len(geoms)))
                # Each feature is projected into the zone once, like overlay.ts.
                projected = [shp_transform(fwd.transform, g) for g in geoms]
                prepared.append((name, [(projected[i], grp) for i, (_, grp) in enumerate(feats)], tree))
            cache[zone] = (fwd, inv, prepared)
        fwd, inv, prepared = cache[zone]
        plot = shp_transform(fwd.transform, plot_ll)
        plot_planar = plot.area
        plot_ell = ellipsoidal_area(plot_ll)
        by_layer = []
        overlaps = []
        all_cover = []
        for name, feats, tree in prepared:
            idx = tree.query_items(plot_ll)
            pieces = {}
            for i in idx:
                g, grp = feats[int(i)]
                gp = g
                if not gp.is_valid:
                    gp = gp.buffer(0)
                inter = gp.intersection(plot)
                if inter.is_empty or inter.area == 0:
                    continue
                pieces.setdefault(grp, []).append(inter)
            taken = None
            sum_pl = 0.0
            sum_el = 0.0
            for grp in sorted(pieces.keys(), key=group_key):
                u = unary_union(pieces[grp])
                if taken is not None:
                    u = u.difference(taken)
                taken = u if taken is None else taken.union(u)
                a_pl = sum(p.area for p in polygons_of(u))
                a_el = ellipsoidal_area(shp_transform(inv.transform, u))
                if a_pl == 0:
                    continue
                overlaps.append({'layer': name, 'group': grp, 'planarM2': a_pl, 'ellipsoidalM2': a_el})
                sum_pl += a_pl
                sum_el += a_el
            if taken is not None:
                all_cover.append(taken)
            by_layer.append({'layer': name, 'coveredPlanarM2': sum_pl, 'coveredEllipsoidalM2': sum_el,
                             'uncoveredPlanarM2': plot_planar - sum_pl,
                             'uncoveredEllipsoidalM2': plot_ell - sum_el})
        rest = plot.difference(unary_union(all_cover)) if all_cover else plot
        out.append({'id': pid, 'zone': zone, 'planarM2': plot_planar, 'ellipsoidalM2': plot_ell,
                    'overlaps': overlaps, 'byLayer': by_layer,
                    'uncoveredPlanarM2': rest.area,
                    'uncoveredEllipsoidalM2': ellipsoidal_area(shp_transform(inv.transform, rest))})
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding='utf-8') as f:
        fc = json.load(f)
    plots = [(ft.get('properties', {}).get('id', str(i)), shape(ft['geometry'])) for i, ft in enumerate(fc['features'])]
    t0 = time.perf_counter()
    layers = [read_layer(s) for s in argv[2:]]
    t1 = time.perf_counter()
    res = overlay(plots, layers)
    t2 = time.perf_counter()
    print(json.dumps({'plots': res, 'readSeconds': t1 - t0, 'overlaySeconds': t2 - t1}, ensure_ascii=False))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
