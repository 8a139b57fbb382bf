#!/usr/bin/python3
"""Generate the benchmark layers with GDAL (an independent writer, not our code).

- farmland: 50,000 irregular polygons x 40 vertices = 2,000,000 vertices, a GBK DBF (CP936 LDID, .cpg),
  permanent-farmland fields (YJJBNTTBBH, DLBM, DLMC, ZLDWMC, YJJBNTMJ), CGCS2000 3-degree GK zone 39
  with the zone prefix in the easting (EPSG:4527).
- patches: 300 change patches (卫片图斑) of 60-250 m across the same area, UTF-8 with .cpg.

Usage: /usr/bin/python3 scripts/bench/make-bench-data.py OUT_DIR [N_POLYGONS] [N_VERTICES]
Deterministic (seeded), so every run measures the same data.
"""
import math
import os
import random
import sys

from osgeo import ogr, osr

out = sys.argv[1]
n_poly = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
n_vert = int(sys.argv[3]) if len(sys.argv) > 3 else 40
os.makedirs(out, exist_ok=True)
rng = random.Random(20261122)
srs = osr.SpatialReference()
srs.ImportFromEPSG(4527)
drv = ogr.GetDriverByName('ESRI Shapefile')

X0, Y0 = 39_480_000.0, 3_870_000.0  # easting (with zone 39 prefix), northing near 35°N, 117°E
cols = 250
step = 80.0
dlmc = [('0101', '水田'), ('0102', '水浇地'), ('0103', '旱地')]
towns = ['城关镇', '李家庄乡', '王集镇', '张楼村', '刘湾村']

path = os.path.join(out, 'farmland.shp')
if os.path.exists(path):
    drv.DeleteDataSource(path)
ds = drv.CreateDataSource(path)
lyr = ds.CreateLayer('farmland', srs, ogr.wkbPolygon, options=['ENCODING=CP936'])
for name, width in [('YJJBNTTBBH', 18), ('DLBM', 4), ('DLMC', 20), ('ZLDWMC', 40)]:
    f = ogr.FieldDefn(name, ogr.OFTString)
    f.SetWidth(width)
    lyr.CreateField(f)
f = ogr.FieldDefn('YJJBNTMJ', ogr.OFTReal)
f.SetWidth(16)
f.SetPrecision(2)
lyr.CreateField(f)
defn = lyr.GetLayerDefn()
for i in range(n_poly):
    cx = X0 + (i % cols) * step + rng.uniform(-5, 5)
    cy = Y0 + (i // cols) * step + rng.uniform(-5, 5)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    r0 = rng.uniform(22, 34)
    pts = []
    for k in range(n_vert - 1):
        a = -2 * math.pi * k / (n_vert - 1)  # clockwise: shapefile outer ring
        r = r0 * (1 + 0.12 * math.sin(3 * a + i) + rng.uniform(-0.03, 0.03))
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    pts.append(pts[0])
    for x, y in pts:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    feat = ogr.Feature(defn)
    code, name = dlmc[i % 3]
    feat.SetField('YJJBNTTBBH', f'3703{i:010d}')
    feat.SetField('DLBM', code)
    feat.SetField('DLMC', name)
    feat.SetField('ZLDWMC', towns[i % len(towns)])
    feat.SetField('YJJBNTMJ', round(poly.GetArea(), 2))
    feat.SetGeometry(poly)
    lyr.CreateFeature(feat)
ds = None

path = os.path.join(out, 'patches.shp')
if os.path.exists(path):
    drv.DeleteDataSource(path)
ds = drv.CreateDataSource(path)
lyr = ds.CreateLayer('patches', srs, ogr.wkbPolygon, options=['ENCODING=UTF-8'])
for name, width in [('JCBH', 20), ('TBLX', 20)]:
    f = ogr.FieldDefn(name, ogr.OFTString)
    f.SetWidth(width)
    lyr.CreateField(f)
defn = lyr.GetLayerDefn()
rows = n_poly // cols
for i in range(300):
    cx = X0 + rng.uniform(0, cols * step)
    cy = Y0 + rng.uniform(0, rows * step)
    w, h = rng.uniform(60, 250), rng.uniform(60, 250)
    ang = rng.uniform(0, math.pi)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    corners = [(-w / 2, -h / 2), (-w / 2, h / 2), (w / 2, h / 2), (w / 2, -h / 2), (-w / 2, -h / 2)]
    for dx, dy in corners:
        ring.AddPoint_2D(cx + dx * math.cos(ang) - dy * math.sin(ang), cy + dx * math.sin(ang) + dy * math.cos(ang))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    feat = ogr.Feature(defn)
    feat.SetField('JCBH', f'WP2026{i:04d}')
    feat.SetField('TBLX', rng.choice(['新增建设用地', '疑似违法用地', '设施农用地']))
    feat.SetGeometry(poly)
    lyr.CreateFeature(feat)
ds = None
print(out)
