#!/usr/bin/env python3
"""GeoTIFF fixtures and their reference placements (renderer/features/geotiff specs, tests/e2e/geotiff.spec.ts).

Run: /usr/bin/python3 scripts/make-geotiff-fixtures.py
Writes tests/fixtures/geotiff/* (GDAL 3.6 GTiff/COG drivers: an independent writer) and tests/oracles/geotiff.json:
  - placement: pixel/line -> lon/lat (CGCS2000, EPSG:4490) by the `gdaltransform` command line, at corners and
    interior pixels of every georeferenced fixture;
  - warp: for web-mercator tile pixels (centres), lon/lat from pyproj (EPSG:3857 -> 4490) and the image pixel they
    fall on by `gdaltransform -i` (lon/lat -> pixel/line);
  - tiles: whole 256 x 256 tiles warped by `gdalwarp -t_srs EPSG:3857 -r near -ovr NONE` (zlib + base64 RGBA),
    which our own render is compared with pixel by pixel;
  - stretch: the 2 % / 98 % percentiles (numpy, nodata excluded) of the 16-bit fixture's smallest overview.
Coordinates are invented, near 36.66 N 117.6 E (CGCS2000 3-degree GK zone 39, CM 117 E).
"""
import base64
import json
import math
import os
import subprocess
import tempfile
import zlib

import numpy as np
from osgeo import gdal, osr
from pyproj import Transformer

gdal.UseExceptions()
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, 'tests', 'fixtures', 'geotiff')
ORACLE = os.path.join(ROOT, 'tests', 'oracles', 'geotiff.json')
os.makedirs(OUT_DIR, exist_ok=True)
TMP = tempfile.mkdtemp(prefix='lp-geotiff-')

# The red field of gk39-rgb.tif (and of the e2e's vector layer): GK zone 39 with prefix, metres.
GK39_ORIGIN = (39_560_000.0, 4_061_000.0)  # upper-left corner (easting, northing)
GK39_PIXEL = 2.0
FIELD = {'colMin': 128, 'colMax': 384, 'rowMin': 96, 'rowMax': 288}  # pixel edges: [min, max)
RED = (220, 30, 30)


def srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    return s.ExportToWkt()


def mem(width, height, bands, dtype=gdal.GDT_Byte):
    return gdal.GetDriverByName('MEM').Create('', width, height, bands, dtype)


def block_colours(width, height, block=32):
    """A mosaic of 32 px blocks, each its own colour: a misplaced pixel shows against its neighbours."""
    rows, cols = np.mgrid[0:height, 0:width]
    bx, by = cols // block, rows // block
    r = (40 + (bx * 37) % 120).astype(np.uint8)
    g = (90 + (by * 53 + bx * 11) % 140).astype(np.uint8)
    b = (60 + (bx * 17 + by * 29) % 160).astype(np.uint8)
    return r, g, b


def cog(src, path, *opts):
    gdal.Translate(path, src, format='COG', creationOptions=list(opts))


def gk39_rgb():
    w, h = 512, 384
    ds = mem(w, h, 3)
    ds.SetProjection(srs(4527))
    ds.SetGeoTransform((GK39_ORIGIN[0], GK39_PIXEL, 0, GK39_ORIGIN[1], 0, -GK39_PIXEL))
    r, g, b = block_colours(w, h)
    f = FIELD
    for band, arr, value in ((1, r, RED[0]), (2, g, RED[1]), (3, b, RED[2])):
        arr[f['rowMin']:f['rowMax'], f['colMin']:f['colMax']] = value
        ds.GetRasterBand(band).WriteArray(arr)
    ds.SetMetadataItem('TIFFTAG_DATETIME', '2026:06:15 10:30:00')
    # COG: 256 px tiles, one overview (256 x 192), DEFLATE
    cog(ds, os.path.join(OUT_DIR, 'gk39-rgb.tif'), 'BLOCKSIZE=256', 'COMPRESS=DEFLATE', 'OVERVIEW_RESAMPLING=NEAREST')
    # The field as a polygon shapefile in the same CRS, for the e2e's vector layer over the image.
    e0 = GK39_ORIGIN[0] + f['colMin'] * GK39_PIXEL
    e1 = GK39_ORIGIN[0] + f['colMax'] * GK39_PIXEL
    n0 = GK39_ORIGIN[1] - f['rowMax'] * GK39_PIXEL
    n1 = GK39_ORIGIN[1] - f['rowMin'] * GK39_PIXEL
    geojson = os.path.join(TMP, 'field.geojson')
    with open(geojson, 'w') as fh:
        json.dump({'type': 'FeatureCollection', 'features': [{'type': 'Feature', 'properties': {'DLMC': '水田', 'TBBH': 'F1'},
                   'geometry': {'type': 'Polygon', 'coordinates': [[[e0, n0], [e1, n0], [e1, n1], [e0, n1], [e0, n0]]]}}]}, fh)
    gdal.VectorTranslate(os.path.join(OUT_DIR, 'gk39-field.shp'), geojson, format='ESRI Shapefile', srcSRS='EPSG:4527', dstSRS='EPSG:4527',
                         layerCreationOptions=['ENCODING=UTF-8'])


def jpeg_ycbcr():
    """The GK zone-39 image as a JPEG COG (GDAL stores it YCbCr: Photometric 6), as county aerial imagery usually comes."""
    cog(os.path.join(OUT_DIR, 'gk39-rgb.tif'), os.path.join(OUT_DIR, 'gk39-jpeg.tif'), 'BLOCKSIZE=256', 'COMPRESS=JPEG', 'QUALITY=90')


def gk6_zone20():
    """6-degree zone 20 with prefix (EPSG:4498, CM 117 E), stripped, no overviews."""
    ds = mem(64, 64, 3)
    ds.SetProjection(srs(4498))
    ds.SetGeoTransform((20_560_000.0, 8.0, 0, 4_061_000.0, 0, -8.0))
    for i, arr in enumerate(block_colours(64, 64, 16), start=1):
        ds.GetRasterBand(i).WriteArray(arr)
    gdal.Translate(os.path.join(OUT_DIR, 'gk6-zone20.tif'), ds, format='GTiff', creationOptions=['COMPRESS=LZW'])


def geo_rgba():
    """CGCS2000 geographic, RGBA (alpha 0 in the lower-right quarter), stripped."""
    w, h = 300, 200
    ds = mem(w, h, 4)
    ds.SetProjection(srs(4490))
    ds.SetGeoTransform((117.60, 1e-5, 0, 36.67, 0, -1e-5))
    r, g, b = block_colours(w, h, 25)
    a = np.full((h, w), 255, np.uint8)
    a[h // 2:, w // 2:] = 0
    for i, arr in enumerate((r, g, b, a), start=1):
        ds.GetRasterBand(i).WriteArray(arr)
    ds.GetRasterBand(4).SetColorInterpretation(gdal.GCI_AlphaBand)
    gdal.Translate(os.path.join(OUT_DIR, 'geo-rgba.tif'), ds, format='GTiff', creationOptions=['COMPRESS=DEFLATE', 'ALPHA=YES'])


def u16_nodata():
    """16-bit, one band, nodata 0 on a triangle, GK zone 39 without prefix (EPSG:4548), COG (128 px tiles, overviews)."""
    w = h = 256
    ds = mem(w, h, 1, gdal.GDT_UInt16)
    ds.SetProjection(srs(4548))
    ds.SetGeoTransform((560_000.0, 4.0, 0, 4_062_000.0, 0, -4.0))
    rows, cols = np.mgrid[0:h, 0:w]
    v = (1000 + cols * 8 + rows * 4).astype(np.uint16)  # 1000 … 4060
    v[rows + cols < 64] = 0  # the nodata triangle in the upper-left corner
    band = ds.GetRasterBand(1)
    band.WriteArray(v)
    band.SetNoDataValue(0)
    cog(ds, os.path.join(OUT_DIR, 'u16-nodata.tif'), 'BLOCKSIZE=128', 'COMPRESS=DEFLATE', 'OVERVIEW_RESAMPLING=NEAREST')


def plain(name, epsg=None, gt=None, **kw):
    ds = mem(64, 48, 3)
    if epsg:
        ds.SetProjection(srs(epsg))
    if gt:
        ds.SetGeoTransform(gt)
    for i, arr in enumerate(block_colours(64, 48, 16), start=1):
        ds.GetRasterBand(i).WriteArray(arr)
    gdal.Translate(os.path.join(OUT_DIR, name), ds, format='GTiff', **kw)


def sidecars():
    # World file + .prj beside a baseline TIFF (no GeoTIFF tags): PROFILE=BASELINE + TFW=YES; the .aux.xml GDAL
    # would write for the SRS is replaced by an ESRI .prj, as ArcGIS users deliver it.
    gt = (39_560_000.0, 2.0, 0, 4_061_000.0, 0, -2.0)
    plain('sidecar-tfw.tif', 4527, gt, creationOptions=['PROFILE=BASELINE', 'TFW=YES'])
    aux = os.path.join(OUT_DIR, 'sidecar-tfw.tif.aux.xml')
    if os.path.exists(aux):
        os.remove(aux)
    s = osr.SpatialReference()
    s.ImportFromEPSG(4527)
    s.MorphToESRI()
    with open(os.path.join(OUT_DIR, 'sidecar-tfw.prj'), 'w') as fh:
        fh.write(s.ExportToWkt())
    # GeoTransform + SRS in GDAL's PAM .aux.xml only.
    plain('sidecar-aux.tif', 4527, gt, creationOptions=['PROFILE=BASELINE'])


def make_all():
    for f in os.listdir(OUT_DIR):
        os.remove(os.path.join(OUT_DIR, f))
    gk39_rgb()
    jpeg_ycbcr()
    gk6_zone20()
    geo_rgba()
    u16_nodata()
    plain('nogeo.tif', creationOptions=['PROFILE=BASELINE'])
    for f in os.listdir(OUT_DIR):  # a baseline TIFF without georeferencing must have no sidecar either
        if f.startswith('nogeo.') and f != 'nogeo.tif':
            os.remove(os.path.join(OUT_DIR, f))
    plain('rotated.tif', 4527, (39_560_000.0, 2.0, 0.5, 4_061_000.0, 0.5, -2.0))
    plain('utm50.tif', 32650, (560_000.0, 2.0, 0, 4_061_000.0, 0, -2.0))
    sidecars()


def gdaltransform(path, points, inverse=False):
    args = ['gdaltransform', '-t_srs', 'EPSG:4490', '-output_xy']
    if inverse:
        args.append('-i')
    args.append(path)
    text = '\n'.join(f'{a!r} {b!r}' for a, b in points) + '\n'
    out = subprocess.run(args, input=text, capture_output=True, text=True, check=True).stdout.split('\n')
    return [[float(v) for v in line.split()] for line in out if line.strip()]


MERC = Transformer.from_crs('EPSG:3857', 'EPSG:4490', always_xy=True)
HALF = 20037508.342789244


def tile_pixel_lonlat(z, x, y, px, py, size=256):
    """Centre of tile pixel (px, py) → lon/lat, through PROJ (EPSG:3857 → 4490)."""
    span = 2 * HALF / 2 ** z
    mx = -HALF + (x + (px + 0.5) / size) * span
    my = HALF - (y + (py + 0.5) / size) * span
    return MERC.transform(mx, my)


def tile_of(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def warped_tile(path, z, x, y):
    span = 2 * HALF / 2 ** z
    xmin, ymax = -HALF + x * span, HALF - y * span
    dst = os.path.join(TMP, f'tile-{z}-{x}-{y}.tif')
    gdal.Warp(dst, path, format='GTiff', dstSRS='EPSG:3857', outputBounds=(xmin, ymax - span, xmin + span, ymax), width=256, height=256,
              resampleAlg='near', overviewLevel='NONE', dstAlpha=True, errorThreshold=0)
    ds = gdal.Open(dst)
    rgba = np.dstack([ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)]).astype(np.uint8)
    return base64.b64encode(zlib.compress(rgba.tobytes(), 9)).decode('ascii'), ds.RasterCount


def print_frame(name, epsg, centre, size_m, width, height):
    """A print frame: `gdalwarp -t_srs EPSG:<GK> -te … -ts … -r near` of the image into a GK extent around `centre` (lon/lat)."""
    to_gk = Transformer.from_crs('EPSG:4490', f'EPSG:{epsg}', always_xy=True)
    e, n = to_gk.transform(*centre)
    extent = [e - size_m[0] / 2, n - size_m[1] / 2, e + size_m[0] / 2, n + size_m[1] / 2]
    dst = os.path.join(TMP, f'print-{name}')
    gdal.Warp(dst, os.path.join(OUT_DIR, name), format='GTiff', dstSRS=f'EPSG:{epsg}', outputBounds=extent, width=width, height=height,
              resampleAlg='near', overviewLevel='NONE', dstAlpha=True, errorThreshold=0)
    ds = gdal.Open(dst)
    rgba = np.dstack([ds.GetRasterBand(i + 1).ReadAsArray() for i in range(ds.RasterCount)]).astype(np.uint8)
    return {'file': name, 'epsg': epsg, 'extent': extent, 'width': width, 'height': height, 'rgbaZlibBase64': base64.b64encode(zlib.compress(rgba.tobytes(), 9)).decode('ascii')}


def oracle():
    placements = {}
    warps = {}
    tiles = []
    for name in ('gk39-rgb.tif', 'gk39-jpeg.tif', 'gk6-zone20.tif', 'geo-rgba.tif', 'u16-nodata.tif', 'sidecar-aux.tif'):
        path = os.path.join(OUT_DIR, name)
        ds = gdal.Open(path)
        w, h = ds.RasterXSize, ds.RasterYSize
        pixels = [(0, 0), (w, 0), (0, h), (w, h), (w / 2, h / 2), (17.25, 9.75), (w - 3.5, h / 3)]
        placements[name] = [{'pixel': list(p), 'lonLat': ll} for p, ll in zip(pixels, gdaltransform(path, pixels))]
        # tile pixels over the image at a zoom where one tile pixel ≈ one image pixel (z 16 ≈ 1.9 m at 36.7 N), and z 14
        centre = gdaltransform(path, [(w / 2, h / 2)])[0]
        for z in (14, 16):
            tx, ty = tile_of(centre[0], centre[1], z)
            tps = [(0, 0), (255, 255), (128, 128), (37, 201), (200, 13), (77, 77)]
            lls = [tile_pixel_lonlat(z, tx, ty, px, py) for px, py in tps]
            back = gdaltransform(path, lls, inverse=True)
            warps.setdefault(name, []).extend({'z': z, 'x': tx, 'y': ty, 'tilePixel': list(tp), 'lonLat': list(ll), 'imagePixel': ip}
                                              for tp, ll, ip in zip(tps, lls, back))
        if name in ('gk39-rgb.tif', 'geo-rgba.tif', 'gk39-jpeg.tif'):
            tx, ty = tile_of(centre[0], centre[1], 16)
            data, bands = warped_tile(path, 16, tx, ty)
            tiles.append({'file': name, 'z': 16, 'x': tx, 'y': ty, 'bands': bands, 'rgbaZlibBase64': data})
    # 16-bit stretch: the smallest overview, nodata excluded.
    ds = gdal.Open(os.path.join(OUT_DIR, 'u16-nodata.tif'))
    band = ds.GetRasterBand(1)
    ov = band.GetOverview(band.GetOverviewCount() - 1) if band.GetOverviewCount() else band
    vals = ov.ReadAsArray().ravel()
    vals = vals[vals != 0]
    stretch = {'level': 'smallest overview', 'size': [ov.XSize, ov.YSize], 'p2': float(np.percentile(vals, 2, method='lower')),
               'p98': float(np.percentile(vals, 98, method='higher'))}
    sizes = {}
    for name in sorted(os.listdir(OUT_DIR)):
        if name.endswith('.tif'):
            d = gdal.Open(os.path.join(OUT_DIR, name))
            b = d.GetRasterBand(1)
            sizes[name] = {'width': d.RasterXSize, 'height': d.RasterYSize, 'bands': d.RasterCount, 'overviews': b.GetOverviewCount()}
    # The e2e's probes: lon/lat (gdaltransform) of points 3 px (6 m) inside and outside each edge of the red field,
    # and of the middles of its west and east edges (where the vector layer's outline is drawn).
    f = FIELD
    cm, rm = (f['colMin'] + f['colMax']) / 2, (f['rowMin'] + f['rowMax']) / 2
    inside = [(f['colMin'] + 3, rm), (f['colMax'] - 3, rm), (cm, f['rowMin'] + 3), (cm, f['rowMax'] - 3), (cm, rm)]
    outside = [(f['colMin'] - 3, rm), (f['colMax'] + 3, rm), (cm, f['rowMin'] - 3), (cm, f['rowMax'] + 3)]
    edges = [(f['colMin'], rm), (f['colMax'], rm)]
    gk39 = os.path.join(OUT_DIR, 'gk39-rgb.tif')
    probes = {'inside': gdaltransform(gk39, inside), 'outside': gdaltransform(gk39, outside), 'edges': gdaltransform(gk39, edges)}
    # Print frames in CGCS2000 3-degree zone 39 without the prefix (EPSG:4548): a geographic image warped, and the GK
    # zone-39 image (with the prefix) at 1 m per frame pixel.
    prints = [print_frame('geo-rgba.tif', 4548, (117.6015, 36.669), (240, 180), 480, 360),
              print_frame('gk39-rgb.tif', 4548, tuple(gdaltransform(gk39, [(256, 192)])[0]), (900, 700), 900, 700)]
    with open(ORACLE, 'w') as fh:
        json.dump({'prints': prints, 'fieldProbes': probes, 'tool': f'GDAL {gdal.__version__} gdaltransform / gdalwarp; pyproj for EPSG:3857', 'field': FIELD, 'fieldRgb': RED,
                   'gk39': {'origin': GK39_ORIGIN, 'pixelMetres': GK39_PIXEL}, 'sizes': sizes, 'placements': placements, 'warps': warps,
                   'tiles': tiles, 'stretch': stretch}, fh, indent=1)


if __name__ == '__main__':
    make_all()
    oracle()
    print('wrote', OUT_DIR, 'and', ORACLE)
