#!/usr/bin/env python3
"""The geotiff bench's image: a ~2 GB Cloud-Optimized GeoTIFF, made once and kept in a temp folder.

Run: /usr/bin/python3 scripts/bench/make-bench-cog.py [OUT_DIR]   (default /tmp/landpatrol-bench-geotiff)
A 2,300 x 2,300 RGB mosaic of random 10 px blocks (numpy, seeded) in CGCS2000 3-degree GK zone 39 with the zone prefix
(EPSG:4527), 5 m pixels, is written as a GTiff and then enlarged tenfold by `gdal_translate -of COG -outsize 23000
23000 -r nearest` (0.5 m pixels, 11.5 km a side near 36.6 N 117.7 E): 23,000 x 23,000 x 3 bytes uncompressed
(1.59 GB) plus its overviews (512 px tiles, BIGTIFF), about 2.1 GB. Uncompressed so the file is 2 GB on disk
whatever the content; generation takes a few minutes on a shared disk. Prints the path.
"""
import os
import subprocess
import sys

import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/landpatrol-bench-geotiff'
os.makedirs(OUT, exist_ok=True)
cog = os.path.join(OUT, 'township-2gb-cog.tif')
if not os.path.exists(cog):
    small = os.path.join(OUT, 'small.tif')
    rng = np.random.default_rng(12)
    n = 2300
    blocks = rng.integers(30, 230, size=(n // 10, n // 10, 3), dtype=np.uint8)
    img = np.repeat(np.repeat(blocks, 10, axis=0), 10, axis=1)
    ds = gdal.GetDriverByName('GTiff').Create(small, n, n, 3, gdal.GDT_Byte)
    s = osr.SpatialReference()
    s.ImportFromEPSG(4527)
    ds.SetProjection(s.ExportToWkt())
    ds.SetGeoTransform((39_560_000.0, 5.0, 0, 4_062_000.0, 0, -5.0))
    for b in range(3):
        ds.GetRasterBand(b + 1).WriteArray(img[:, :, b])
    ds = None
    tmp = cog + '.part'
    subprocess.run(['gdal_translate', '-q', '-of', 'COG', '-outsize', '23000', '23000', '-r', 'nearest', '-co', 'COMPRESS=NONE', '-co', 'BLOCKSIZE=512',
                    '-co', 'BIGTIFF=YES', '-co', 'OVERVIEW_RESAMPLING=NEAREST', '-co', 'NUM_THREADS=1', small, tmp], check=True)
    os.replace(tmp, cog)
    os.remove(small)
print(cog)
