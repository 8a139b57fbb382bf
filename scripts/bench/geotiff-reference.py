#!/usr/bin/env python3
"""The geotiff bench's reference: GDAL (python bindings, the same library as gdal_translate -srcwin) opening the COG and
reading the windows of the same web-mercator tiles the app draws: every tile over the image at zoom 13 (the image fitted
in view) and a 5 x 4 block of tiles at its centre at zoom 16 (zoomed in). Per tile: its corners taken to the image's
pixels by PROJ (EPSG:3857 -> 4527), that window read by ReadRaster into 256 x 256 (GDAL picks the overview itself).
Prints JSON: openSeconds, windows, readSeconds.
"""
import json
import math
import sys
import time

from osgeo import gdal
from pyproj import Transformer

gdal.UseExceptions()
path = sys.argv[1]
t0 = time.perf_counter()
ds = gdal.Open(path)
gt = ds.GetGeoTransform()
open_s = time.perf_counter() - t0
to_img = Transformer.from_crs('EPSG:3857', 'EPSG:4527', always_xy=True)
to_ll = Transformer.from_crs('EPSG:4527', 'EPSG:4326', always_xy=True)
HALF = 20037508.342789244
w, h = ds.RasterXSize, ds.RasterYSize
lon0, lat0 = to_ll.transform(gt[0], gt[3])
lon1, lat1 = to_ll.transform(gt[0] + w * gt[1], gt[3] + h * gt[5])


def tile(lon, lat, z):
    n = 2 ** z
    r = math.radians(lat)
    return int((lon + 180) / 360 * n), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)


def windows():
    out = []
    x0, y0 = tile(lon0, lat0, 13)
    x1, y1 = tile(lon1, lat1, 13)
    out += [(13, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    cx, cy = tile((lon0 + lon1) / 2, (lat0 + lat1) / 2, 16)
    out += [(16, x, y) for x in range(cx - 2, cx + 3) for y in range(cy - 2, cy + 2)]
    return out


t1 = time.perf_counter()
count = 0
for z, x, y in windows():
    span = 2 * HALF / 2 ** z
    mx, my = -HALF + x * span, HALF - y * span
    cols, rows = [], []
    for px, py in ((mx, my), (mx + span, my), (mx, my - span), (mx + span, my - span)):
        e, n = to_img.transform(px, py)
        cols.append((e - gt[0]) / gt[1])
        rows.append((n - gt[3]) / gt[5])
    c0, c1 = max(0, math.floor(min(cols))), min(w, math.ceil(max(cols)))
    r0, r1 = max(0, math.floor(min(rows))), min(h, math.ceil(max(rows)))
    if c1 <= c0 or r1 <= r0:
        continue
    ds.ReadRaster(c0, r0, c1 - c0, r1 - r0, 256, 256)
    count += 1
print(json.dumps({'openSeconds': open_s, 'windows': count, 'readSeconds': time.perf_counter() - t1}))
