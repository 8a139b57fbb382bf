#!/usr/bin/env python3
"""Fixtures and reference figures for the tile package readers (shared/formats/tiles/*.spec.ts).

Run: /usr/bin/python3 scripts/make-tile-fixtures.py   (after scripts/make-sample-imagery.sh)

Independent of our TypeScript: the sample MBTiles that GDAL wrote is read by Python's sqlite3 (the SQLite C
library) and every tile's SHA-256 written to tests/oracles/imagery-tiles.json, keyed by z/x/y in XYZ order (the
TMS row flipped here). No PMTiles converter is installed on this machine (the `pmtiles` Python package and the
go-pmtiles CLI cannot be fetched), so the PMTiles archives are written here from the v3 specification
(github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) with this script's own Hilbert tile ids and varint
directories: sample.pmtiles (one root directory, gzip) and sample-leaves.pmtiles (root → leaf directories, no
internal compression). Small MBTiles variants go beside them: a map/images view as mb-util writes, and three a
reader must refuse (no tiles table, vector tiles, no tiles).
"""
import gzip
import hashlib
import json
import os
import sqlite3
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, 'resources', 'sample', 'imagery', '青石镇示例影像.mbtiles')
FIX = os.path.join(ROOT, 'tests', 'fixtures', 'imagery')
ORACLE = os.path.join(ROOT, 'tests', 'oracles', 'imagery-tiles.json')


def read_sample():
    db = sqlite3.connect(f'file:{SAMPLE}?mode=ro', uri=True)
    meta = dict(db.execute('SELECT name, value FROM metadata'))
    tiles = []
    for z, x, tms, data in db.execute('SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles'):
        tiles.append((z, x, (1 << z) - 1 - tms, bytes(data)))
    db.close()
    return meta, tiles


# --- PMTiles v3, from the specification ---------------------------------------------------------------------------

def hilbert_d(order, x, y):
    """Distance along the Hilbert curve of side 2^order (Wikipedia's xy2d, quadrant rotation per level)."""
    n = 1 << order
    d = 0
    s = n >> 1
    while s > 0:
        rx = 1 if x & s else 0
        ry = 1 if y & s else 0
        d += s * s * ((3 * rx) ^ ry)
        if ry == 0:
            if rx == 1:
                x, y = s - 1 - x, s - 1 - y
            x, y = y, x
        s >>= 1
    return d


def tile_id(z, x, y):
    return sum(4 ** i for i in range(z)) + hilbert_d(z, x, y)


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def directory(entries):
    """entries: (tile_id, offset, length, run_length), sorted by tile_id."""
    out = bytearray(varint(len(entries)))
    last = 0
    for e in entries:
        out += varint(e[0] - last)
        last = e[0]
    for e in entries:
        out += varint(e[3])
    for e in entries:
        out += varint(e[2])
    for i, e in enumerate(entries):
        if i > 0 and e[1] == entries[i - 1][1] + entries[i - 1][2]:
            out += varint(0)
        else:
            out += varint(e[1] + 1)
    return bytes(out)


def e7(v):
    return int(round(v * 10_000_000))


def write_pmtiles(path, meta, tiles, leaves, gzip_internal):
    tiles = sorted(tiles, key=lambda t: tile_id(t[0], t[1], t[2]))
    data = bytearray()
    entries = []
    for z, x, y, b in tiles:
        entries.append((tile_id(z, x, y), len(data), len(b), 1))
        data += b
    comp = (lambda b: gzip.compress(b, mtime=0)) if gzip_internal else (lambda b: b)
    leaf_bytes = bytearray()
    if leaves:
        root_entries = []
        for i in range(0, len(entries), leaves):
            chunk = entries[i:i + leaves]
            d = comp(directory(chunk))
            root_entries.append((chunk[0][0], len(leaf_bytes), len(d), 0))
            leaf_bytes += d
        root = comp(directory(root_entries))
    else:
        root = comp(directory(entries))
    w, s, e, n = (float(v) for v in meta['bounds'].split(','))
    metadata = comp(json.dumps({'name': meta['name'], 'description': meta.get('description', ''), 'format': 'png'}, ensure_ascii=False).encode())
    zooms = [t[0] for t in tiles]
    root_off = 127
    meta_off = root_off + len(root)
    leaf_off = meta_off + len(metadata)
    data_off = leaf_off + len(leaf_bytes)
    header = b'PMTiles' + bytes([3]) + struct.pack(
        '<QQQQQQQQQQQBBBBBBiiiiBii',
        root_off, len(root), meta_off, len(metadata), leaf_off, len(leaf_bytes), data_off, len(data),
        len(entries), len(entries), len(entries),
        1, 2 if gzip_internal else 1, 1, 2,  # clustered, internal compression (2 gzip / 1 none), tiles not compressed, PNG
        min(zooms), max(zooms), e7(w), e7(s), e7(e), e7(n), max(zooms) - 2, e7((w + e) / 2), e7((s + n) / 2))
    assert len(header) == 127, len(header)
    with open(path, 'wb') as f:
        f.write(header + root + metadata + leaf_bytes + data)


# --- small MBTiles variants -------------------------------------------------------------------------------------------

PNG_1PX = bytes.fromhex('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c636060f80f0000040100013a1c6ae60000000049454e44ae426082')


def mbtiles(path, sql, rows=()):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.executescript(sql)
    for q, args in rows:
        db.execute(q, args)
    db.commit()
    db.close()


def main():
    os.makedirs(FIX, exist_ok=True)
    meta, tiles = read_sample()
    oracle = {
        'source': 'resources/sample/imagery/青石镇示例影像.mbtiles (GDAL), read by Python sqlite3',
        'metadata': meta,
        'tiles': [{'z': z, 'x': x, 'y': y, 'bytes': len(b), 'sha256': hashlib.sha256(b).hexdigest()} for z, x, y, b in sorted(tiles)],
    }
    with open(ORACLE, 'w') as f:
        json.dump(oracle, f, ensure_ascii=False, indent=1)
    write_pmtiles(os.path.join(FIX, 'sample.pmtiles'), meta, tiles, leaves=0, gzip_internal=True)
    write_pmtiles(os.path.join(FIX, 'sample-leaves.pmtiles'), meta, tiles, leaves=32, gzip_internal=False)
    tms = (1 << 14) - 1 - 6500
    mbtiles(os.path.join(FIX, 'view.mbtiles'), '''
        CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
        CREATE UNIQUE INDEX map_index ON map (zoom_level, tile_column, tile_row);
        CREATE TABLE images (tile_data BLOB, tile_id TEXT);
        CREATE UNIQUE INDEX images_id ON images (tile_id);
        CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
          map.tile_row AS tile_row, images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id;
        CREATE TABLE metadata (name TEXT, value TEXT);''', [
        ('INSERT INTO images VALUES (?, ?)', (PNG_1PX, 'a')),
        ('INSERT INTO map VALUES (14, 13500, ?, ?)', (tms, 'a')),
        ('INSERT INTO map VALUES (15, 27000, 19767, ?)', ('a',)),
        ("INSERT INTO metadata VALUES ('name', '视图包')", ()),
    ])
    mbtiles(os.path.join(FIX, 'no-tiles.mbtiles'), 'CREATE TABLE metadata (name TEXT, value TEXT);')
    mbtiles(os.path.join(FIX, 'vector.mbtiles'), '''CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
        CREATE TABLE metadata (name TEXT, value TEXT); INSERT INTO metadata VALUES ('format', 'pbf');''')
    mbtiles(os.path.join(FIX, 'empty.mbtiles'), '''CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
        CREATE TABLE metadata (name TEXT, value TEXT);''')
    print(f'{len(tiles)} tiles; wrote {ORACLE} and {FIX}')


if __name__ == '__main__':
    main()
