#!/usr/bin/python3
"""Writes the small shapefile and zip fixtures in tests/fixtures/ (see tests/fixtures/README.md).

Run with Debian's /usr/bin/python3 (python3-gdal): GDAL's OGR Shapefile driver is the independent writer
we read back. Broken files are made by patching OGR's output at documented byte offsets (ESRI Shapefile
Technical Description 1998; dBASE III header), zips are written byte by byte (PKWARE APPNOTE) so member
names can be raw GBK without the UTF-8 flag, which Python's zipfile refuses to write.

    /usr/bin/python3 scripts/make-fixtures.py
"""
import os
import shutil
import struct
import zlib

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures')
SHP = os.path.join(ROOT, 'shp')
ZIP = os.path.join(ROOT, 'zip')
EXTS = ('shp', 'shx', 'dbf', 'prj', 'cpg')

# zone 39 (EPSG:4527, CM 117°E, false easting 39 500 000 m): a few plots near 34.5°N
E0, N0 = 39_512_000.0, 3_820_000.0


def srs_4527():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4527)
    return s


def square(x, y, size, clockwise=True):
    pts = [(x, y), (x, y + size), (x + size, y + size), (x + size, y), (x, y)]  # clockwise in x-east/y-north
    return pts if clockwise else list(reversed(pts))


def ring(pts):
    r = ogr.Geometry(ogr.wkbLinearRing)
    for p in pts:
        r.AddPoint_2D(*p)
    return r


def polygon(*rings):
    g = ogr.Geometry(ogr.wkbPolygon)
    for r in rings:
        g.AddGeometry(ring(r))
    return g


def write_layer(name, geom_type, rows, encoding='UTF-8', srs=True, fields=None, cpg=None):
    """rows: list of (geometry or None, {field: value}). cpg: None = what GDAL writes, '' = no .cpg, else its text."""
    path = os.path.join(SHP, name + '.shp')
    drv = ogr.GetDriverByName('ESRI Shapefile')
    for ext in EXTS:
        p = os.path.join(SHP, f'{name}.{ext}')
        if os.path.exists(p):
            os.remove(p)
    ds = drv.CreateDataSource(path)
    lyr = ds.CreateLayer(name, srs_4527() if srs else None, geom_type, options=[f'ENCODING={encoding}'])
    for fname, ftype, width, prec in fields or [('DLMC', ogr.OFTString, 20, 0), ('TBBH', ogr.OFTString, 8, 0), ('TBMJ', ogr.OFTReal, 19, 4)]:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        if prec:
            fd.SetPrecision(prec)
        lyr.CreateField(fd)
    for geom, attrs in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        if geom is not None:
            f.SetGeometry(geom)
        for k, v in attrs.items():
            f.SetField(k, v)
        lyr.CreateFeature(f)
    ds = None
    cpg_path = os.path.join(SHP, name + '.cpg')
    if cpg is not None:
        if os.path.exists(cpg_path):
            os.remove(cpg_path)
        if cpg != '':
            with open(cpg_path, 'w', newline='') as fh:
                fh.write(cpg)
    return path


def set_ldid(name, ldid):
    with open(os.path.join(SHP, name + '.dbf'), 'r+b') as fh:
        fh.seek(29)  # dBASE header byte 29: language driver id
        fh.write(bytes([ldid]))


def parcels(e0=E0):
    return [
        (polygon(square(e0, N0, 50)), {'DLMC': '旱地', 'TBBH': '0001', 'TBMJ': 2500.0}),
        (polygon(square(e0 + 100, N0, 40)), {'DLMC': '永久基本农田', 'TBBH': '0002', 'TBMJ': 1600.0}),
        (polygon(square(e0 + 200, N0, 30)), {'DLMC': '农村宅基地', 'TBBH': '0003', 'TBMJ': 900.0}),
    ]


def make_shapefiles():
    os.makedirs(SHP, exist_ok=True)
    # Encodings
    write_layer('gbk_ldid', ogr.wkbPolygon, parcels(), encoding='CP936', cpg='')
    set_ldid('gbk_ldid', 0x4D)  # what ArcGIS on Chinese Windows writes; no .cpg
    write_layer('gbk_cpg936', ogr.wkbPolygon, parcels(), encoding='CP936', cpg='936\r\n')
    set_ldid('gbk_cpg936', 0x00)
    write_layer('utf8_cpg', ogr.wkbPolygon, parcels(), encoding='UTF-8', cpg='UTF-8')
    write_layer('cpg_lies', ogr.wkbPolygon, parcels(), encoding='CP936', cpg='UTF-8')
    set_ldid('cpg_lies', 0x00)
    write_layer('utf8_no_cpg', ogr.wkbPolygon, parcels(), encoding='UTF-8', cpg='')
    set_ldid('utf8_no_cpg', 0x00)
    # Coordinates
    write_layer('zone39_prj', ogr.wkbPolygon, parcels())
    write_layer('zone39_no_prj', ogr.wkbPolygon, parcels(), srs=False)
    # The same plots without the zone prefix (6-digit eastings) and without .prj: the central meridian cannot be
    # told from the coordinates, so the CRS stays undecided (the app asks; `landpatrol inspect` describes it).
    write_layer('no_prj_6digit', ogr.wkbPolygon, parcels(E0 - 39_000_000), srs=False)
    # Zero records, fields and .prj kept: what `ogr2ogr -where 1=0` makes of zone39_prj (an empty template, a
    # query that matched nothing). The .shp header's bbox is all zeros.
    for ext in EXTS:
        if os.path.exists(os.path.join(SHP, f'empty.{ext}')):
            os.remove(os.path.join(SHP, f'empty.{ext}'))
    gdal.VectorTranslate(os.path.join(SHP, 'empty.shp'), os.path.join(SHP, 'zone39_prj.shp'), format='ESRI Shapefile',
                         where='1=0', layerName='empty', layerCreationOptions=['ENCODING=UTF-8'])
    # Geometry
    outer = square(E0, N0, 100)
    hole = square(E0 + 25, N0 + 25, 50, clockwise=False)
    write_layer('hole', ogr.wkbPolygon, [(polygon(outer, hole), {'DLMC': '有洞', 'TBBH': 'H1', 'TBMJ': 7500.0})])
    mp = ogr.Geometry(ogr.wkbMultiPolygon)
    mp.AddGeometry(polygon(square(E0, N0, 100), square(E0 + 25, N0 + 25, 50, clockwise=False)))
    mp.AddGeometry(polygon(square(E0 + 300, N0, 60)))
    mp.AddGeometry(polygon(square(E0 + 40, N0 + 40, 20)))  # an island inside the first polygon's hole
    write_layer('multipart', ogr.wkbMultiPolygon, [(mp, {'DLMC': '多部件', 'TBBH': 'M1', 'TBMJ': 11600.0})])
    bow = [(E0, N0), (E0 + 100, N0 + 100), (E0 + 100, N0), (E0, N0 + 100), (E0, N0)]
    write_layer('bowtie', ogr.wkbPolygon, [(polygon(square(E0 - 200, N0, 50)), {'DLMC': '正常', 'TBBH': 'B0', 'TBMJ': 2500.0}),
                                            (polygon(bow), {'DLMC': '自相交', 'TBBH': 'B1', 'TBMJ': 0.0})])
    pz = ogr.Geometry(ogr.wkbPolygon25D)
    rz = ogr.Geometry(ogr.wkbLinearRing)
    for i, (x, y) in enumerate(square(E0, N0, 50)):
        rz.AddPoint(x, y, 100.0 + i)
    pz.AddGeometry(rz)
    write_layer('polygonz', ogr.wkbPolygon25D, [(pz, {'DLMC': '带高程', 'TBBH': 'Z1', 'TBMJ': 2500.0})])
    pts = []
    for i, name in enumerate(['界址点J1', '界址点J2', '界址点J3']):
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(E0 + i * 10.0, N0 + i * 5.0)
        pts.append((p, {'DLMC': name, 'TBBH': f'J{i + 1}', 'TBMJ': 0.0}))
    write_layer('points', ogr.wkbPoint, pts)
    lines = []
    for i in range(2):
        g = ogr.Geometry(ogr.wkbLineString)
        for k in range(3):
            g.AddPoint_2D(E0 + k * 20.0, N0 + i * 30.0 + k * 3.0)
        lines.append((g, {'DLMC': '农村道路', 'TBBH': f'L{i + 1}', 'TBMJ': 0.0}))
    write_layer('lines', ogr.wkbLineString, lines)
    write_layer('null_shapes', ogr.wkbPolygon, [parcels()[0], (None, {'DLMC': '无图形', 'TBBH': 'N1', 'TBMJ': 0.0}),
                                                 (None, {'DLMC': '无图形', 'TBBH': 'N2', 'TBMJ': 0.0})])
    # Damage
    write_layer('truncated', ogr.wkbPolygon, parcels())
    p = os.path.join(SHP, 'truncated.shp')
    data = open(p, 'rb').read()
    open(p, 'wb').write(data[:len(data) - 30])  # cut inside the 3rd record: 2 complete records remain

    write_layer('count_mismatch', ogr.wkbPolygon, parcels())
    write_layer('_four', ogr.wkbPolygon, parcels() + [(None, {'DLMC': '多余', 'TBBH': '0004', 'TBMJ': 0.0})])
    shutil.copy(os.path.join(SHP, '_four.dbf'), os.path.join(SHP, 'count_mismatch.dbf'))  # .shp 3, .dbf 4
    for ext in EXTS:
        if os.path.exists(os.path.join(SHP, f'_four.{ext}')):
            os.remove(os.path.join(SHP, f'_four.{ext}'))

    # Text cut mid-character: DLMC is 7 bytes wide; '永久基本' is 8 bytes in GBK, 12 in UTF-8.
    make_cut_text('cut_gbk', 'gbk', 0x4D)
    make_cut_text('cut_utf8', 'utf-8', 0x00, cpg='UTF-8')

    # Record-level damage, patched into OGR's output (offsets per the ESRI spec, see comments)
    write_layer('damaged', ogr.wkbPolygon, parcels() + [(polygon(square(E0 + 300, N0, 20)), {'DLMC': '四', 'TBBH': '0004', 'TBMJ': 400.0})])
    p = os.path.join(SHP, 'damaged.shp')
    b = bytearray(open(p, 'rb').read())
    # record 2: numParts (content offset 36) set to 1000 → inconsistent with its content length
    rec2 = 100 + 8 + 128  # record 1 is 8 + 128 bytes (1 part, 5 points: 44 + 4 + 80)
    struct.pack_into('<i', b, rec2 + 8 + 36, 1000)
    # record 3: move the last point so the ring is not closed (points start at content offset 48)
    rec3 = rec2 + 136
    struct.pack_into('<d', b, rec3 + 8 + 48 + 4 * 16, E0 + 210.0)
    open(p, 'wb').write(bytes(b))
    # .shx: entry 4's offset (header 100 + 3 × 8, big-endian words) points nowhere
    p = os.path.join(SHP, 'damaged.shx')
    x = bytearray(open(p, 'rb').read())
    struct.pack_into('>i', x, 100 + 3 * 8, 12345)
    open(p, 'wb').write(bytes(x))
    # .dbf: record 4 flagged deleted ('*' in its first byte)
    p = os.path.join(SHP, 'damaged.dbf')
    d = bytearray(open(p, 'rb').read())
    hlen, rlen = struct.unpack_from('<HH', d, 8)
    d[hlen + 3 * rlen] = 0x2A
    open(p, 'wb').write(bytes(d))

    bad = os.path.join(SHP, 'bad_header.shp')
    shutil.copy(os.path.join(SHP, 'utf8_cpg.shp'), bad)
    with open(bad, 'r+b') as fh:
        fh.write(struct.pack('>i', 1234))  # file code must be 9994

    # Upper-case extensions as ArcGIS on Windows sometimes writes them
    for ext in ('shp', 'shx', 'dbf', 'prj'):
        shutil.copy(os.path.join(SHP, f'zone39_prj.{ext}'), os.path.join(SHP, f'UPPER.{ext.upper()}'))


def make_cut_text(name, enc, ldid, cpg=''):
    rows = [(g, {'DLMC': 'x', 'TBBH': a['TBBH']}) for g, a in parcels()[:2]]
    write_layer(name, ogr.wkbPolygon, rows, encoding='UTF-8', cpg=cpg,
                fields=[('DLMC', ogr.OFTString, 7, 0), ('TBBH', ogr.OFTString, 4, 0)])
    p = os.path.join(SHP, name + '.dbf')
    d = bytearray(open(p, 'rb').read())
    d[29] = ldid
    hlen, rlen = struct.unpack_from('<HH', d, 8)
    for r, text in enumerate(['永久基本', '旱地']):
        raw = text.encode(enc)[:7].ljust(7, b' ')  # cut at the field width in BYTES, as a careless writer does
        d[hlen + r * rlen + 1: hlen + r * rlen + 8] = raw
    open(p, 'wb').write(bytes(d))


# --- zips, written by hand ------------------------------------------------------------------------------

def zip_bytes(members):
    """members: list of (name_bytes, data, utf8_flag, deflate). Returns a ZIP (APPNOTE 4.3) as bytes."""
    out = bytearray()
    central = bytearray()
    for name, data, utf8, deflate in members:
        flags = 0x0800 if utf8 else 0
        if deflate:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            comp = c.compress(data) + c.flush()
            method = 8
        else:
            comp, method = data, 0
        crc = zlib.crc32(data) & 0xFFFFFFFF
        offset = len(out)
        out += struct.pack('<IHHHHHIIIHH', 0x04034B50, 20, flags, method, 0, 0x21, crc, len(comp), len(data), len(name), 0)
        out += name + comp
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 20, 20, flags, method, 0, 0x21, crc, len(comp), len(data),
                               len(name), 0, 0, 0, 0, 0, offset)
        central += name
    cd_offset = len(out)
    out += central
    out += struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, len(members), len(members), len(central), cd_offset, 0)
    return bytes(out)


def parts(name):
    return {ext: open(os.path.join(SHP, f'{name}.{ext}'), 'rb').read() for ext in EXTS if os.path.exists(os.path.join(SHP, f'{name}.{ext}'))}


def make_zips():
    os.makedirs(ZIP, exist_ok=True)
    gbk = parts('gbk_ldid')
    base = '永久基本农田'
    # 1. GBK member names, no UTF-8 flag, in a Chinese folder — as WinRAR/7-Zip/Explorer write on Chinese Windows
    members = [(f'县级数据/{base}.{ext}'.encode('gbk'), data, False, True) for ext, data in gbk.items()]
    open(os.path.join(ZIP, 'gbk_names.zip'), 'wb').write(zip_bytes(members))
    # 2. the same names in UTF-8 with the flag, plus macOS litter, upper-case extensions, a stray .txt,
    #    a directory entry and a zip-slip member
    utf = parts('utf8_cpg')
    members = [(b'data/', b'', True, False)]
    members += [(f'data/地类图斑.{ext.upper()}'.encode(), d, True, True) for ext, d in utf.items()]
    members += [(b'__MACOSX/data/._x.shp', b'\x00\x05\x16\x07', True, False), (b'data/._x.dbf', b'junk', True, False),
                (b'readme.txt', '说明'.encode(), True, False), (b'../evil.shp', utf['shp'], True, False),
                (b'/abs/evil.dbf', utf['dbf'], True, False), (b'C:/evil.prj', b'x', True, False)]
    open(os.path.join(ZIP, 'mixed.zip'), 'wb').write(zip_bytes(members))
    # 3. a zip inside a zip inside a zip: the first level is opened, the second is not
    innermost = zip_bytes([(b'deep.shp', utf['shp'], False, True)])
    inner = zip_bytes([(b'inner/' + f'points.{ext}'.encode(), d, False, True) for ext, d in parts('points').items()]
                      + [(b'inner/deeper.zip', innermost, False, False)])
    open(os.path.join(ZIP, 'nested.zip'), 'wb').write(zip_bytes([(b'inner.zip', inner, False, False)]))


if __name__ == '__main__':
    make_shapefiles()
    make_zips()
    total = 0
    for d, _, files in os.walk(ROOT):
        for f in files:
            total += os.path.getsize(os.path.join(d, f))
    print(f'fixtures written, {total} bytes in total')
