#!/usr/bin/env python3
"""Overlay reference (GEOS via shapely, PROJ via pyproj and OGR) for shared/domain/geometry/overlay.ts.

Independent of our TypeScript: it is both the test oracle (imported by make-oracles.py) and the
benchmark reference, so it does the same work as `landpatrol overlay` and no more.  Usage:

    /usr/bin/python3 scripts/overlay-reference.py PLOTS[:IDFIELD] LAYER[:GROUPFIELD] [LAYER2[:FIELD] ...]

PLOTS: a FeatureCollection in lon/lat (CGCS2000) whose features carry an `id` property (else their index),
or any file OGR reads (a shapefile), whose plot ids are IDFIELD, else the first of JCBH, TBBH, BSM, ID it
has, else the record number from 1 (the command's rule).  LAYER: a .geojson in lon/lat or any file OGR reads;
GROUPFIELD groups its pieces (values as text; a missing or blank value is no group, like the command's groupValueOf), without it the layer
is one null group.  A path is split at its last ':' only when a field name follows (C:\\x.shp stays a path).
Prints JSON: per plot, per layer, per group (groups made disjoint in sorted order, earlier groups win;
null group last), the layer remainder and the plot remainder over all layers, and the phases' seconds
(also one line on stderr).

What it does, step for step what overlay.ts (GEOS in WebAssembly) does, and no more:
- read: OGR reads each file once (its Arrow stream: all fields, as our import decodes them all); a layer
  with a projected CRS is reprojected to CGCS2000 lon/lat (EPSG:4490) once, on read, by PROJ (the command
  reprojects on import the same way); lon/lat is kept as is.
- index: one STRtree per layer over the lon/lat features (overlay.ts: one Flatbush per layer).
- per plot: the GK plane without prefix (tmerc, k=1, GRS80) of the plot's own data zone when its file is in
  a Gauss-Krüger CRS, else of the 3° zone of its lon/lat bbox centre (overlay.ts: OverlayPlot.zone, else
  gkZoneForLongitude).  Candidates are the features whose envelope meets the plot's; each is projected into
  the zone the first time it is a candidate and cached with its bbox and vertex count (never the whole
  layer); one whose bbox misses the plot's (1 m wider) is skipped; then clipped by the plot; the pieces
  unioned per group; earlier groups subtracted; planar areas from GEOS; ellipsoidal area of each piece by
  inverse-projecting it and pyproj.Geod(ellps='GRS80') on the oriented polygon, as geometry_area_perimeter
  (the plot's own total from its lon/lat ring).  Layer remainder = total − Σ groups; plot remainder =
  plot − ∪ all layers.
- on the command line (as_command, the bench and the live tests) also overlay.ts's shortcuts: a candidate of
  more than 64 vertices reaching out of the plot's box is first cut to it by GEOS ClipByRect, a group of one
  piece is not unioned with itself, the plot remainder is total − area(∪ all layers).  They move figures
  only in their last bits (~1e-11 m²); make-oracles.py calls overlay() without them, so tests/oracles stays
  as it was.
- PROJ is called once per batch of points (a file's batch, a plot's new candidates, a plot's pieces), not
  per ring through shapely.ops.transform and orient, which walk every vertex in Python: the figures are the
  same doubles, and the bench compares engines, not interpreters.
- invalid input: a plot or a candidate that GEOS finds invalid (self-intersections, bow-ties, bad holes)
  is repaired with shapely.validation.make_valid (GEOS MakeValid; its polygonal part is kept) in the GK plane,
  once, when projected, as our engine repairs boundaries the GEOS MakeValid way (on import, in the file's own
  coordinates, and again per candidate in the plot's zone); a valid geometry is used as it is.  A repaired
  plot's ellipsoidal total is that of the repaired polygon, inverse-projected.
"""
import json
import math
import os
import re
import struct
import sys
import time

import numpy as np

from shapely import wkb
from shapely.geometry import box as rect, shape, Polygon, MultiPolygon
from shapely.ops import clip_by_rect, unary_union
from shapely.strtree import STRtree
from shapely.validation import make_valid
from pyproj import Geod, Transformer, CRS

GEOD = Geod(ellps='GRS80')
PLOT_ID_FIELDS = ('JCBH', 'TBBH', 'BSM', 'ID')


def zone_for_lon(lon):
    """CGCS2000 3° zone: CM = 3 × zone (README, Domain rule 4)."""
    return int(math.floor((lon + 1.5) / 3.0))


def gk_transformers(zone, cm=None):
    """PROJ from CGCS2000 lon/lat to a GK plane without prefix (tmerc, k=1, GRS80) and back: the 3° zone's, or
    the one on central meridian cm."""
    cm = 3 * zone if cm is None else cm
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


def valid(g):
    """g itself when GEOS finds it valid, else the polygonal part of GEOS MakeValid's repair."""
    if g.is_valid:
        return g
    ps = polygons_of(make_valid(g))
    return ps[0] if len(ps) == 1 else MultiPolygon(ps)


# Coordinates travel between shapely and PROJ as WKB, many geometries' points in one call: shapely 1.8's
# transform() and orient() walk every vertex in Python. Same PROJ operation on the same doubles, so the figures
# are identical to shapely.ops.transform + orient + Geod.geometry_area_perimeter (make-oracles.py's oracles
# came out byte-identical).
def _wkb_rings(buf, start=0, out=None):
    """[(polygon number or None, byte offset, points, dimensions, byte order)] of every coordinate block of the
    WKB geometry at buf[start:], appended to out."""
    out = [] if out is None else out

    def walk(at):
        e = '<' if buf[at] == 1 else '>'
        t, = struct.unpack_from(e + 'I', buf, at + 1)
        at += 5
        iso = (t & 0xFFFF) // 1000
        dims = 2 + (bool(t & 0x80000000) or iso in (1, 3)) + (bool(t & 0x40000000) or iso in (2, 3))
        base = (t & 0xFFFF) % 1000
        if base == 1:
            out.append((None, at, 1, dims, e))
            return at + 8 * dims
        n, = struct.unpack_from(e + 'I', buf, at)
        at += 4
        if base == 2:
            out.append((None, at, n, dims, e))
            return at + 8 * dims * n
        if base == 3:
            pid = walk.polygons
            walk.polygons += 1
            for _ in range(n):
                m, = struct.unpack_from(e + 'I', buf, at)
                at += 4
                out.append((pid, at, m, dims, e))
                at += 8 * dims * m
            return at
        for _ in range(n):
            at = walk(at)
        return at

    walk.polygons = 0
    walk(start)
    return out


def _coords(buf, blocks):
    return [np.ndarray((n, dims), dtype=e + 'f8', buffer=buf, offset=at) for _, at, n, dims, e in blocks]


def _transform_blocks(arrays, tr):
    if not arrays:
        return
    xy = np.concatenate([a[:, :2] for a in arrays])
    x, y = tr.transform(xy[:, 0], xy[:, 1])
    k = 0
    for a in arrays:
        n = len(a)
        a[:, 0] = x[k:k + n]
        a[:, 1] = y[k:k + n]
        k += n


def _batch(wkbs, tr=None):
    """Several WKB geometries in one buffer with their points transformed by tr in one PROJ call:
    (buffer, [(start, end, [(block, coordinate array)]) per geometry])."""
    big = bytearray(b''.join(wkbs))
    per = []
    every = []
    at = 0
    for w in wkbs:
        blocks = _wkb_rings(big, at)
        per.append((at, at + len(w), blocks))
        every.extend(blocks)
        at += len(w)
    arrays = _coords(big, every)
    if tr is not None:
        _transform_blocks(arrays, tr)
    k = 0
    out = []
    for start, end, blocks in per:
        out.append((start, end, list(zip(blocks, arrays[k:k + len(blocks)]))))
        k += len(blocks)
    return big, out


def project_many(geoms, tr):
    """[(shapely.ops.transform(tr.transform, g), bbox of its outer rings, its vertex count)], all points in one
    PROJ call (overlay.ts keeps the same bbox and count of each projected candidate)."""
    big, per = _batch([g.wkb for g in geoms], tr)
    out = []
    for g, (start, end, blocks) in zip(geoms, per):
        outer = [a for k, ((pid, _, n, _, _), a) in enumerate(blocks) if pid is not None and n and (k == 0 or blocks[k - 1][0][0] != pid)]
        if outer:
            lo = np.min([a[:, :2].min(axis=0) for a in outer], axis=0)
            hi = np.max([a[:, :2].max(axis=0) for a in outer], axis=0)
            box = (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
        else:
            box = (math.inf, math.inf, -math.inf, -math.inf)
        vertices = sum(n for (pid, _, n, _, _), _ in blocks if pid is not None)
        out.append((wkb.loads(bytes(big[start:end])) if blocks else g, box, vertices))
    return out


def project(g, tr):
    """shapely.ops.transform(tr.transform, g), every point of g in one PROJ call."""
    return project_many([g], tr)[0][0]


def _signed_area(x, y):
    """shapely.algorithms.cga.signed_area of a closed ring (its sign decides orient())."""
    n = len(x)
    y2 = np.append(y, y[1])
    return float(np.sum(x[1:n] * (y2[2:n + 1] - y2[0:n - 1]))) / 2.0


def _geodesic(blocks):
    total = 0.0
    poly_area = None
    last = None
    for (pid, _, n, _, _), a in blocks:
        if pid is None or n == 0:
            continue
        x, y = a[:, 0], a[:, 1]
        exterior = pid != last
        sa = _signed_area(x, y)
        if (exterior and sa < 0.0) or (not exterior and sa > 0.0):
            x, y = x[::-1], y[::-1]
        area, _ = GEOD.polygon_area_perimeter(np.ascontiguousarray(x), np.ascontiguousarray(y))
        if exterior:
            if poly_area is not None:
                total += poly_area
            poly_area = area
            last = pid
        else:
            poly_area += area
    if poly_area is not None:
        total += poly_area
    return total


def ellipsoidal_areas(geoms, inv=None):
    """GeographicLib area (pyproj.Geod, GRS80) of the polygons in each g: outer rings counter-clockwise and holes
    clockwise (shapely's orient), each ring by Geod.polygon_area_perimeter, summed as geometry_area_perimeter
    sums them. With inv, the geometries are planar and their points are inverse-projected first (one call)."""
    _, per = _batch([g.wkb for g in geoms], inv)
    return [_geodesic(blocks) for _, _, blocks in per]


def ellipsoidal_area(g_lnglat, inv=None):
    return ellipsoidal_areas([g_lnglat], inv)[0]


def split_spec(spec):
    """PATH[:FIELD] → (path, field or None): split at the last ':' only when a field name follows it and what
    precedes is more than a drive letter (so C:\\data\\x.shp and C:x.shp stay paths)."""
    head, sep, tail = spec.rpartition(':')
    if sep and re.fullmatch(r'[^\W\d][\w]*', tail) and not re.fullmatch(r'[A-Za-z]', head) and head:
        return head, tail
    return spec, None


def group_text(v):
    """A group value by the command's rule (groupValueOf in overlay.ts): missing, null or blank is no group
    (None, sorted last); anything else its text as JavaScript's String(v) writes it."""
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = str(int(v))
    text = str(v)
    return None if text.strip() == '' else text


def _plain(v):
    """An Arrow cell as Python: text decoded (OGR hands it over as UTF-8, whatever the file's code page)."""
    if isinstance(v, bytes):
        return v.decode('utf-8')
    v = v.item() if isinstance(v, np.generic) else v
    return None if isinstance(v, float) and math.isnan(v) else v  # an empty numeric cell


def read_ogr(path, pick):
    """(field, [(shapely geometry in CGCS2000 lon/lat, value)]) of an OGR-readable file: pick(field names)
    names the field whose value comes with each geometry (None: no value). Features come in batches through
    OGR's Arrow stream (no Python call per feature into OGR); a projected layer's points are reprojected to
    EPSG:4490 by PROJ, a batch's points in one call (the same PROJ operation OGR's own Transform applies)."""
    from osgeo import ogr
    ds = ogr.Open(path)
    if ds is None:
        raise SystemExit(f'cannot open {path}')
    lyr = ds.GetLayer()
    srs = lyr.GetSpatialRef()
    tr = None
    if srs is not None and not srs.IsGeographic():
        tr = Transformer.from_crs(CRS.from_wkt(srs.ExportToWkt()), CRS.from_epsg(4490), always_xy=True)
    defn = lyr.GetLayerDefn()
    key = pick([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())])
    gcol = lyr.GetGeometryColumn() or 'wkb_geometry'
    out = []
    for batch in lyr.GetArrowStreamAsNumPy(options=['USE_MASKED_ARRAYS=NO', 'INCLUDE_FID=NO']):
        rows = [(bytes(g), v) for g, v in zip(batch[gcol], batch[key] if key is not None else [None] * len(batch[gcol])) if g is not None]
        big, per = _batch([g for g, _ in rows], tr)
        out.extend((wkb.loads(bytes(big[start:end])), _plain(v)) for (start, end, _), (_, v) in zip(per, rows))
    return key, out, data_zone(srs)


def data_zone(srs):
    """(zone number, central meridian) of a Gauss-Krüger CRS (transverse Mercator, scale 1), else None: the
    zone a plot's own figures are in (the command overlays a plot in its layer's data zone)."""
    from osgeo import osr
    if srs is None or not srs.IsProjected() or srs.GetAttrValue('PROJECTION') not in ('Transverse_Mercator', 'Gauss_Kruger'):
        return None
    if abs(srs.GetProjParm(osr.SRS_PP_SCALE_FACTOR, 1.0) - 1.0) > 1e-12:
        return None
    cm = srs.GetProjParm(osr.SRS_PP_CENTRAL_MERIDIAN, 0.0)
    # EPSG and ESRI name the 3° zones (3-degree / 3_Degree); a 6° zone's meridian is 6n − 3.
    three = re.search(r'3[ _-]?degree', srs.GetName() or '', re.I) is not None or (cm + 3) % 6 != 0
    return (round(cm / 3) if three else round((cm + 3) / 6)), cm


def field_named(names, field):
    """The layer's own spelling of a field, matched without case like the command; None when it has none."""
    return next((n for n in names if n.upper() == field.upper()), None) if field else None


def read_layer(spec):
    """LAYER[:FIELD] → (path, [(geometry lon/lat, group)]): group None without FIELD or when the layer lacks
    it (the command's rule), else the value as text (None when missing or blank)."""
    path, field = split_spec(spec)
    if path.endswith('.geojson') or path.endswith('.json'):
        with open(path, encoding='utf-8') as f:
            fc = json.load(f)
        feats = []
        for ft in fc['features']:
            props = ft.get('properties') or {}
            feats.append((shape(ft['geometry']), group_text(props.get(field)) if field else None))
        return path, feats
    key, rows, _ = read_ogr(path, lambda names: field_named(names, field))
    return path, [(g, None if key is None else group_text(v)) for g, v in rows]


def read_plots(spec):
    """PLOTS[:IDFIELD] → [(id, geometry lon/lat, data zone or None)]."""
    path, field = split_spec(spec)
    if path.endswith('.geojson') or path.endswith('.json'):
        with open(path, encoding='utf-8') as f:
            fc = json.load(f)
        return [((ft.get('properties') or {}).get(field or 'id', str(i)), shape(ft['geometry'])) for i, ft in enumerate(fc['features'])]

    def id_field(names):
        if field:
            return field_named(names, field)
        return next((n for k in PLOT_ID_FIELDS for n in names if n.upper() == k), None)

    _, rows, zone = read_ogr(path, id_field)
    return [(group_text(v) or str(i + 1), g, zone) for i, (g, v) in enumerate(rows)]


def group_key(g):
    # Sorted group names, earlier wins; null last. Python str order = code-point order, which equals
    # JavaScript's code-unit order for BMP text (all Chinese land-class names are in the BMP).
    return (1, '') if g is None else (0, g)


RECT_CLIP_VERTICES = 64  # overlay.ts: a candidate with more vertices is first cut to the plot's box
CLIP_PAD_M = 1.0  # overlay.ts: that box is the plot's, 1 m wider on every side


def _overlap(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _inside(inner, outer):
    return inner[0] >= outer[0] and inner[1] >= outer[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


class LayerIndex:
    """One STRtree per layer over the lon/lat features; each candidate projected into a zone once (with its
    planar bbox and vertex count, as overlay.ts caches them) and repaired if GEOS finds it invalid."""

    def __init__(self, name, feats):
        self.name = name
        self.feats = feats
        self.tree = STRtree([g for g, _ in feats], items=range(len(feats))) if feats else None
        self.projected = {}

    def candidates(self, plot_ll):
        # The plot's lon/lat box widened by 1e-4° (as overlay.ts's SEARCH_PAD_DEG): edges are straight in the GK
        # plane, where they bow out of their lon/lat box by up to L²/8R; the GK box test drops the extras.
        if self.tree is None:
            return []
        x0, y0, x1, y1 = plot_ll.bounds
        return self.tree.query_items(rect(x0 - 1e-4, y0 - 1e-4, x1 + 1e-4, y1 + 1e-4))

    def in_zone(self, ids, zone, fwd):
        """[(geometry in the zone, valid; its bbox before repair; its vertex count)] of candidates ids; those not
        projected into this zone yet are projected now, in one PROJ call, and kept."""
        cache = self.projected.setdefault(zone, {})
        new = [i for i in dict.fromkeys(ids) if i not in cache]
        if new:
            for i, (g, box, vertices) in zip(new, project_many([self.feats[i][0] for i in new], fwd)):
                cache[i] = (valid(g), box, vertices)
        return [cache[i] for i in ids]


def gk_plane(zone, cache):
    """(fwd, inv) of a zone, where zone is a 3° zone number or (zone number, central meridian)."""
    if zone not in cache:
        cache[zone] = gk_transformers(*zone) if isinstance(zone, tuple) else gk_transformers(zone)
    return cache[zone]


def clip(g, gbox, vertices, plot, clip_box, rect_clip):
    """g ∩ plot; with rect_clip, a candidate of many vertices reaching out of the plot's box is first cut to
    that box by GEOS ClipByRect (as overlay.ts does), falling back to the plain intersection if GEOS refuses."""
    if rect_clip and vertices > RECT_CLIP_VERTICES and not _inside(gbox, clip_box):
        cut = clip_by_rect(g, *clip_box)
        if cut.is_empty:
            return cut
        try:
            return cut.intersection(plot)
        except Exception:  # noqa: BLE001 — GEOS's error, as overlay.ts catches EngineError
            pass
    return g.intersection(plot)


def overlay(plots, layers, indexes=None, as_command=False):
    """plots: [(id, shapely geometry lon/lat[, zone])] where zone (zone number, central meridian) is the plot's
    own data zone (default: the 3° zone of its centre); layers: [(name, [(geom lon/lat, group)])] (or their
    LayerIndex). as_command: also take overlay.ts's shortcuts, which save work and move figures only in their
    last bits (~1e-11 m²): a large candidate cut to the plot's box first, a group of one piece not unioned with
    itself, the plot's remainder as total − area(∪ layers). The command line turns it on (the bench, the live
    tests); tests/oracles is computed without, so it stays as it was."""
    out = []
    planes = {}
    if indexes is None:
        indexes = [LayerIndex(name, feats) for name, feats in layers]
    zones = [own[0] if own and own[0] is not None else zone_for_lon((plot_ll.bounds[0] + plot_ll.bounds[2]) / 2)
             for _, plot_ll, *own in plots]
    # The plots of each zone projected into it together (one PROJ call per zone), with their boxes.
    in_plane = [None] * len(plots)
    for zone in dict.fromkeys(zones):
        ks = [k for k, z in enumerate(zones) if z == zone]
        for k, hit in zip(ks, project_many([plots[k][1] for k in ks], gk_plane(zone, planes)[0])):
            in_plane[k] = hit
    for (pid, plot_ll, *_), zone, (plot, box, _) in zip(plots, zones, in_plane):
        fwd, inv = gk_plane(zone, planes)
        clip_box = (box[0] - CLIP_PAD_M, box[1] - CLIP_PAD_M, box[2] + CLIP_PAD_M, box[3] + CLIP_PAD_M)
        if plot.is_valid:
            plot_ell = ellipsoidal_area(plot_ll)
        else:
            plot = valid(plot)
            plot_ell = ellipsoidal_area(plot, inv)
        plot_planar = plot.area
        layer_groups = []  # per layer: [(group, union, planar area)]
        all_cover = []
        for li in indexes:
            pieces = {}
            ids = [int(i) for i in li.candidates(plot_ll)]
            for i, (g, gbox, vertices) in zip(ids, li.in_zone(ids, zone, fwd)):
                if g.is_empty or not _overlap(gbox, clip_box):
                    continue
                inter = clip(g, gbox, vertices, plot, clip_box, as_command)
                if inter.is_empty or inter.area == 0:
                    continue
                pieces.setdefault(li.feats[i][1], []).append(inter)
            taken = None
            groups = []
            for grp in sorted(pieces.keys(), key=group_key):
                one = pieces[grp][0] if as_command and len(pieces[grp]) == 1 else None
                u = one if isinstance(one, (Polygon, MultiPolygon)) else unary_union(pieces[grp])
                if taken is not None:
                    u = u.difference(taken)
                taken = u if taken is None else taken.union(u)
                a_pl = sum(p.area for p in polygons_of(u))
                if a_pl != 0:
                    groups.append((grp, u, a_pl))
            if taken is not None:
                all_cover.append(taken)
            layer_groups.append((li.name, groups))
        if as_command:
            covered = unary_union(all_cover) if all_cover else None
        else:
            rest = plot.difference(unary_union(all_cover)) if all_cover else plot
        # Ellipsoidal areas of every piece and of the remainder: inverse-projected together, one PROJ call.
        last = [] if as_command and covered is None else [covered if as_command else rest]
        ells = iter(ellipsoidal_areas([u for _, groups in layer_groups for _, u, _ in groups] + last, inv))
        overlaps = []
        by_layer = []
        for name, groups in layer_groups:
            sum_pl = 0.0
            sum_el = 0.0
            for grp, _, a_pl in groups:
                a_el = next(ells)
                overlaps.append({'layer': name, 'group': grp, 'planarM2': a_pl, 'ellipsoidalM2': a_el})
                sum_pl += a_pl
                sum_el += a_el
            by_layer.append({'layer': name, 'coveredPlanarM2': sum_pl, 'coveredEllipsoidalM2': sum_el,
                             'uncoveredPlanarM2': plot_planar - sum_pl,
                             'uncoveredEllipsoidalM2': plot_ell - sum_el})
        if not as_command:
            rest_pl, rest_el = rest.area, next(ells)
        elif covered is None:
            rest_pl, rest_el = plot_planar, plot_ell
        else:
            rest_pl, rest_el = plot_planar - covered.area, plot_ell - next(ells)
        out.append({'id': pid, 'zone': zone[0] if isinstance(zone, tuple) else zone, 'planarM2': plot_planar,
                    'ellipsoidalM2': plot_ell, 'overlaps': overlaps, 'byLayer': by_layer,
                    'uncoveredPlanarM2': rest_pl, 'uncoveredEllipsoidalM2': rest_el})
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    plots = read_plots(argv[1])
    layers = [read_layer(s) for s in argv[2:]]
    t1 = time.perf_counter()
    indexes = [LayerIndex(name, feats) for name, feats in layers]
    t2 = time.perf_counter()
    res = overlay(plots, layers, indexes, as_command=True)
    t3 = time.perf_counter()
    phases = {'readSeconds': t1 - t0, 'indexSeconds': t2 - t1, 'overlaySeconds': t3 - t2}
    sys.stdout.write(json.dumps({'plots': res, **phases}, ensure_ascii=False))
    sys.stdout.write('\n')
    sys.stdout.flush()
    print(f'overlay-reference: {len(plots)} plots over {", ".join(os.path.basename(p) for p, _ in layers)}: '
          f'read {t1 - t0:.2f} s, index {t2 - t1:.2f} s, overlay {t3 - t2:.2f} s, write {time.perf_counter() - t3:.2f} s',
          file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
