#!/usr/bin/python3
"""Generate the benchmark layers with GDAL (an independent writer, not our code): a county's layers.

- farmland: 50,000 irregular polygons x 40 vertices = 2,000,000 vertices, a GBK DBF (CP936 LDID, .cpg),
  permanent-farmland fields (YJJBNTTBBH, DLBM, DLMC, ZLDWMC, YJJBNTMJ), CGCS2000 3-degree GK zone 39
  with the zone prefix in the easting (EPSG:4527).
- planning: the county's 国土空间规划分区 (GHFQ) over the same extent (1 km wider on every side): ~350
  zones that tile it with no gaps or overlaps (a jittered-grid Voronoi partition whose shared edges are
  wavy, digitized polylines of ~0.5-2 vertices per metre, written once per edge and used by both
  neighbours, plus village islands cut as holes), 2,000-8,000 vertices each, GBK DBF with GHFQDM and
  GHFQMC, same CRS and .prj as the farmland.
- patches: 300 change patches (卫片图斑) of 60-250 m across the farmland's area, UTF-8 with .cpg.
- patches3000: 3,000 patches made the same way (the annual satellite check of a large county).

Usage: /usr/bin/python3 scripts/bench/make-bench-data.py OUT_DIR [N_POLYGONS] [N_VERTICES]
Deterministic (seeded; each layer has its own seed, so adding a layer never changes the others). A layer
whose .shp exists is kept (farmland and patches are one unit, they share a seed); --force rewrites all.
"""
import math
import os
import random
import sys

from osgeo import ogr, osr

args = [a for a in sys.argv[1:] if not a.startswith('--')]
force = '--force' in sys.argv[1:]
out = args[0]
n_poly = int(args[1]) if len(args) > 1 else 50_000
n_vert = int(args[2]) if len(args) > 2 else 40
os.makedirs(out, exist_ok=True)
srs = osr.SpatialReference()
srs.ImportFromEPSG(4527)
drv = ogr.GetDriverByName('ESRI Shapefile')

X0, Y0 = 39_480_000.0, 3_870_000.0  # easting (with zone 39 prefix), northing near 35°N, 117°E
cols = 250
step = 80.0
rows = n_poly // cols
dlmc = [('0101', '水田'), ('0102', '水浇地'), ('0103', '旱地')]
towns = ['城关镇', '李家庄乡', '王集镇', '张楼村', '刘湾村']


def new_layer(name, encoding, fields):
    path = os.path.join(out, name + '.shp')
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.CreateDataSource(path)
    lyr = ds.CreateLayer(name, srs, ogr.wkbPolygon, options=[f'ENCODING={encoding}'])
    for fname, ftype, width, precision in fields:
        f = ogr.FieldDefn(fname, ftype)
        f.SetWidth(width)
        if precision:
            f.SetPrecision(precision)
        lyr.CreateField(f)
    return ds, lyr


def ring_of(pts):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts:
        ring.AddPoint_2D(x, y)
    return ring


def farmland(rng):
    ds, lyr = new_layer('farmland', 'CP936', [('YJJBNTTBBH', ogr.OFTString, 18, 0), ('DLBM', ogr.OFTString, 4, 0),
                                              ('DLMC', ogr.OFTString, 20, 0), ('ZLDWMC', ogr.OFTString, 40, 0),
                                              ('YJJBNTMJ', ogr.OFTReal, 16, 2)])
    defn = lyr.GetLayerDefn()
    for i in range(n_poly):
        cx = X0 + (i % cols) * step + rng.uniform(-5, 5)
        cy = Y0 + (i // cols) * step + rng.uniform(-5, 5)
        r0 = rng.uniform(22, 34)
        pts = []
        for k in range(n_vert - 1):
            a = -2 * math.pi * k / (n_vert - 1)  # clockwise: shapefile outer ring
            r = r0 * (1 + 0.12 * math.sin(3 * a + i) + rng.uniform(-0.03, 0.03))
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        pts.append(pts[0])
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring_of(pts))
        feat = ogr.Feature(defn)
        code, name = dlmc[i % 3]
        feat.SetField('YJJBNTTBBH', f'3703{i:010d}')
        feat.SetField('DLBM', code)
        feat.SetField('DLMC', name)
        feat.SetField('ZLDWMC', towns[i % len(towns)])
        feat.SetField('YJJBNTMJ', round(poly.GetArea(), 2))
        feat.SetGeometry(poly)
        lyr.CreateFeature(feat)


def patches(name, n, rng, id_format):
    """Change patches: rotated 60-250 m rectangles anywhere over the farmland's area."""
    ds, lyr = new_layer(name, 'UTF-8', [('JCBH', ogr.OFTString, 20, 0), ('TBLX', ogr.OFTString, 20, 0)])
    defn = lyr.GetLayerDefn()
    for i in range(n):
        cx = X0 + rng.uniform(0, cols * step)
        cy = Y0 + rng.uniform(0, rows * step)
        w, h = rng.uniform(60, 250), rng.uniform(60, 250)
        ang = rng.uniform(0, math.pi)
        corners = [(-w / 2, -h / 2), (-w / 2, h / 2), (w / 2, h / 2), (w / 2, -h / 2), (-w / 2, -h / 2)]
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring_of([(cx + dx * math.cos(ang) - dy * math.sin(ang), cy + dx * math.sin(ang) + dy * math.cos(ang)) for dx, dy in corners]))
        feat = ogr.Feature(defn)
        feat.SetField('JCBH', id_format.format(i))
        feat.SetField('TBLX', rng.choice(['新增建设用地', '疑似违法用地', '设施农用地']))
        feat.SetGeometry(poly)
        lyr.CreateFeature(feat)


# 国土空间规划分区: two-level codes in the style of the 市级国土空间总体规划 database rules, with the
# county-level 永久基本农田集中区 and 工业发展区; weights for a farming county.
GHFQ = [('0100', '生态保护区', 3), ('0200', '生态控制区', 3), ('0300', '农田保护区', 4),
        ('0310', '永久基本农田集中区', 16), ('0401', '城镇集中建设区', 4), ('0402', '城镇弹性发展区', 2),
        ('0403', '特别用途区', 1), ('0410', '工业发展区', 3), ('0400', '城镇发展区', 2),
        ('0500', '乡村发展区', 5), ('0501', '村庄建设区', 4), ('0502', '一般农业区', 14),
        ('0503', '林业发展区', 5), ('0504', '牧业发展区', 1), ('0700', '矿产能源发展区', 1)]


def planning(rng):
    """A tiling of the county: Voronoi cells of a jittered grid, each shared edge replaced by one wavy polyline.

    An edge's polyline is a graph over the straight edge (offsets along its normal only, so it never crosses
    itself), its offset confined to a cone of ~17° at both ends (so it cannot cross the other edges at a
    vertex), and computed once for both cells, so neighbours share every vertex exactly. Cells whose ring
    comes out invalid get calmer edges until all are valid; the tiling is checked (Σ areas = union = extent).
    """
    from shapely.geometry import MultiPoint, Point, Polygon, box
    from shapely.ops import unary_union, voronoi_diagram

    x0, y0 = X0 - 1000.0, Y0 - 1000.0
    x1, y1 = X0 + cols * step + 1000.0, Y0 + rows * step + 1000.0
    nx, ny = 20, 17
    dx, dy = (x1 - x0) / nx, (y1 - y0) / ny
    seeds = [(x0 + (i + 0.5 + rng.uniform(-0.35, 0.35)) * dx, y0 + (j + 0.5 + rng.uniform(-0.35, 0.35)) * dy)
             for j in range(ny) for i in range(nx)]
    extent = box(x0, y0, x1, y1)
    # Four far-off seeds stand in for an envelope (voronoi_diagram(envelope=…) crashes shapely 1.8.5 on GEOS 3.11);
    # their bisectors lie ~25 km out, so the cells inside the county are those of the grid alone.
    far = [(x0 - 50_000, y0 - 50_000), (x1 + 50_000, y0 - 50_000), (x1 + 50_000, y1 + 50_000), (x0 - 50_000, y1 + 50_000)]
    cells = voronoi_diagram(MultiPoint(seeds + far))
    # One cell per seed, clipped to the county, outer ring counter-clockwise, vertices keyed to 1 mm.
    by_seed = {}
    for c in cells.geoms:
        for k, s in enumerate(seeds):
            if k not in by_seed and c.contains(Point(s)):
                by_seed[k] = c.intersection(extent)
                break
    canon = {}

    def key(p):
        k = (round(p[0], 3), round(p[1], 3))
        return canon.setdefault(k, k)

    rings = []
    for k in range(len(seeds)):
        cell = by_seed[k]
        pts = list(cell.exterior.coords)[:-1]
        if Polygon(pts).exterior.is_ccw is False:
            pts.reverse()
        ring = []
        for p in pts:
            q = key(p)
            if not ring or ring[-1] != q:
                ring.append(q)
        if ring[0] == ring[-1]:
            ring.pop()
        rings.append(ring)

    # Village islands (村庄建设区) cut as holes out of a few roomy cells: star-shaped rings around the seed.
    islands = {}
    roomy = [k for k in range(len(seeds)) if by_seed[k].exterior.distance(Point(seeds[k])) > 400]
    for k in rng.sample(roomy, 24):
        sx, sy = seeds[k]
        r0 = rng.uniform(90, 160)
        n = rng.randint(2000, 3000)
        ph = [rng.uniform(0, 2 * math.pi) for _ in range(4)]
        ring = []
        for i in range(n):
            t = 2 * math.pi * i / n
            r = r0 * (1 + 0.18 * math.sin(2 * t + ph[0]) + 0.1 * math.sin(5 * t + ph[1]) + 0.05 * math.sin(11 * t + ph[2])) + rng.uniform(-0.1, 0.1)
            ring.append((sx + r * math.cos(t), sy + r * math.sin(t)))
        islands[k] = ring

    # How finely each zone was digitized: a target of 2,500-7,000 vertices per zone (a smooth field over the
    # county), spread over its perimeter; a shared edge takes the mean of its two zones' densities.
    def target(x, y):
        u, v = (x - x0) / (x1 - x0), (y - y0) / (y1 - y0)
        return 2500 + 4500 * (0.5 + 0.5 * math.sin(5.1 * u + 1.3) * math.cos(4.3 * v - 0.7))

    edge_cells = {}
    for k, ring in enumerate(rings):
        for i, a in enumerate(ring):
            b = ring[(i + 1) % len(ring)]
            edge_cells.setdefault((a, b) if a < b else (b, a), []).append(k)
    # (a zone with an island already has the island's ring as its hole)
    cell_density = [(target(*seeds[k]) - len(islands.get(k, ()))) / by_seed[k].length for k in range(len(rings))]
    edge_density = {e: sum(cell_density[k] for k in ks) / len(ks) for e, ks in edge_cells.items()}

    calm = {}  # edge → amplitude factor, halved for the edges of a cell that came out invalid
    shapes = {}

    def polyline(a, b):
        """The wavy polyline from a to b (excluding b); computed from a seed of the edge, so it is reproducible."""
        e = (a, b) if a < b else (b, a)
        if e not in shapes or shapes[e][0] != calm.get(e, 1.0):
            (ax, ay), (bx, by) = e
            length = math.hypot(bx - ax, by - ay)
            erng = random.Random(f'{ax:.3f},{ay:.3f},{bx:.3f},{by:.3f}')
            amp = 0.08 * calm.get(e, 1.0)
            waves = [(erng.uniform(-1, 1) / (w ** 1.2), erng.uniform(0, 2 * math.pi), w) for w in range(1, 13)]
            norm = sum(abs(a_) for a_, _, _ in waves)
            n = max(2, int(length * edge_density[e]))
            nxv, nyv = -(by - ay) / length, (bx - ax) / length
            pts = []
            for i in range(n):
                t = i / n
                taper = min(1.0, 4 * min(t, 1 - t))
                f = sum(a_ * math.sin(math.pi * w * t + ph) for a_, ph, w in waves) / norm
                off = length * amp * taper * f + 0.15 * taper * erng.uniform(-1, 1) * min(1.0, length / 20)
                pts.append((ax + t * (bx - ax) + off * nxv, ay + t * (by - ay) + off * nyv))
            shapes[e] = (calm.get(e, 1.0), pts)
        pts = shapes[e][1]
        return pts if e[0] == a else [e[1]] + pts[:0:-1]

    def cell_ring(ring):
        pts = []
        for i, a in enumerate(ring):
            pts.extend(polyline(a, ring[(i + 1) % len(ring)]))
        return pts

    for _ in range(12):
        bad = []
        polys = []
        for k, ring in enumerate(rings):
            shell = cell_ring(ring)
            p = Polygon(shell, [islands[k][::-1]] if k in islands else [])
            if not p.is_valid:
                bad.append(k)
            polys.append(p)
        if not bad:
            break
        for k in bad:
            for i, a in enumerate(rings[k]):
                b = rings[k][(i + 1) % len(rings[k])]
                e = (a, b) if a < b else (b, a)
                calm[e] = calm.get(e, 1.0) / 2
    else:
        raise SystemExit(f'planning: cells still invalid: {bad}')
    polys += [Polygon(islands[k]) for k in sorted(islands)]
    total = sum(p.area for p in polys)
    union = unary_union(polys)
    if union.geom_type != 'Polygon' or len(union.interiors) != 0 or abs(union.area - total) > 1e-3 * len(polys):
        raise SystemExit(f'planning: not a tiling (Σ {total:.3f} m², union {union.area:.3f} m², {union.geom_type})')

    ds, lyr = new_layer('planning', 'CP936', [('BSM', ogr.OFTString, 18, 0), ('GHFQDM', ogr.OFTString, 4, 0),
                                              ('GHFQMC', ogr.OFTString, 40, 0), ('MJ', ogr.OFTReal, 16, 2)])
    defn = lyr.GetLayerDefn()
    weights = [w for _, _, w in GHFQ]
    counts = []
    for k, p in enumerate(polys):
        code, name = ('0501', '村庄建设区') if k >= len(rings) else rng.choices(GHFQ, weights)[0][:2]
        poly = ogr.Geometry(ogr.wkbPolygon)
        # Shapefile rings: outer clockwise, holes counter-clockwise.
        poly.AddGeometry(ring_of(list(p.exterior.coords)[::-1]))
        for h in p.interiors:
            poly.AddGeometry(ring_of(list(h.coords)[::-1]))
        feat = ogr.Feature(defn)
        feat.SetField('BSM', f'3703GHFQ{k:06d}')
        feat.SetField('GHFQDM', code)
        feat.SetField('GHFQMC', name)
        feat.SetField('MJ', round(p.area, 2))
        feat.SetGeometry(poly)
        lyr.CreateFeature(feat)
        counts.append(len(p.exterior.coords) + sum(len(h.coords) for h in p.interiors))
    print(f'planning: {len(polys)} zones ({len(islands)} village islands), {sum(counts):,} vertices, '
          f'{min(counts)}-{max(counts)} per zone, median {sorted(counts)[len(counts) // 2]}; Σ {total / 1e6:.3f} km²')


def missing(*names):
    return force or any(not os.path.exists(os.path.join(out, n + '.shp')) for n in names)


if missing('farmland', 'patches'):
    rng = random.Random(20261122)
    farmland(rng)
    patches('patches', 300, rng, 'WP2026{:04d}')
if missing('planning'):
    planning(random.Random(20261123))
if missing('patches3000'):
    patches('patches3000', 3000, random.Random(20261124), 'WP2026L{:05d}')
print(out)
