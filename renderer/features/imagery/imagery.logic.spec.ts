import { describe, expect, it } from 'vitest';
import oracle from '../../../tests/oracles/imagery-tiles.json';
import { flipRow } from '../../../shared/formats/tiles/tile-address';
import {
  claimsImageryFile,
  COPY_LIMIT_BYTES,
  formatBytes,
  isTilePath,
  moveInOrder,
  packageKindOf,
  scanTileFolder,
  storageFor,
  zoomToView,
} from './imagery.logic';

// The sample package's tiles (GDAL's, by XYZ address) laid out as a folder both ways.
const xyzPaths = oracle.tiles.map((t) => `青石镇/${t.z}/${t.x}/${t.y}.png`);
const tmsPaths = oracle.tiles.map((t) => `青石镇/${t.z}/${t.x}/${flipRow(t.z, t.y)}.png`);

describe('tile folders', () => {
  it('reads an XYZ folder: every tile by its address, the zoom range and the extent of GDAL’s bounds', () => {
    const r = scanTileFolder(['青石镇/readme.txt', ...xyzPaths]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scan.rows).toBe('xyz');
    expect([r.scan.minzoom, r.scan.maxzoom]).toEqual([Number(oracle.metadata.minzoom), Number(oracle.metadata.maxzoom)]);
    expect(r.scan.tiles.size).toBe(oracle.tiles.length);
    const t = oracle.tiles[10]!;
    expect(r.scan.tiles.get(`${t.z}/${t.x}/${t.y}`)).toBe(11);
    const [w, s, e, n] = oracle.metadata.bounds.split(',').map(Number) as [number, number, number, number];
    const b = r.scan.bounds;
    expect(b[0] <= w && b[1] <= s && b[2] >= e && b[3] >= n).toBe(true);
  });

  it('detects TMS rows (gdal2tiles’ default) and addresses the tiles in XYZ all the same', () => {
    const r = scanTileFolder(tmsPaths);
    expect(r.ok && r.scan.rows).toBe('tms');
    const x = scanTileFolder(xyzPaths);
    if (!r.ok || !x.ok) return;
    expect(r.scan.bounds).toEqual(x.scan.bounds);
    expect([...r.scan.tiles.keys()].sort()).toEqual([...x.scan.tiles.keys()].sort());
  });

  it('refuses a folder without tiles, or with mixed formats', () => {
    expect(scanTileFolder(['a/b.png', 'a/1/2.png', 'a/3/9/1.png'])).toEqual({ ok: false, reason: 'noTiles' });
    expect(scanTileFolder(['a/3/1/1.png', 'a/3/1/2.jpg'])).toEqual({ ok: false, reason: 'mixedFormats' });
    expect(scanTileFolder(['a/3/1/1.JPEG']).ok).toBe(true);
  });
});

describe('packages', () => {
  it('knows the readers by extension, and keeps a copy of small packages only', () => {
    expect(packageKindOf('县域影像.MBTiles')).toBe('mbtiles');
    expect(packageKindOf('a.pmtiles')).toBe('pmtiles');
    expect(packageKindOf('a.tif')).toBeNull();
    expect(storageFor(COPY_LIMIT_BYTES, false)).toBe('copy');
    expect(storageFor(2 * 1024 ** 3, true)).toBe('handle');
    expect(storageFor(2 * 1024 ** 3, false)).toBe('session');
    expect(formatBytes(385_024)).toBe('376 KB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.00 GB');
  });

  it('moves a layer one place in the stack, not past the ends', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'down')).toEqual(['b', 'a', 'c']);
  });
});

describe('zoom to', () => {
  it('keeps a fitted view that shows tiles, and goes to the centre at the shallowest zoom otherwise', () => {
    expect(zoomToView([111, 35, 112, 36], 13, 14.2)).toBeNull();
    expect(zoomToView([111, 35, 112, 36], 17, 10.4)).toEqual({ center: [111.5, 35.5], zoom: 17 });
  });
});

describe('which dropped files are imagery', () => {
  // The geotiff feature's claim (claimsGeoTiffFile, specified there) decides for images and sidecars; here: the img.* set.
  const geotiff = (p: string, all: readonly string[]) => all.includes('img.tif') && /^img\./.test(p);
  it('takes packages and tiles of a z/x/y folder, and what the GeoTIFF claim takes; a shapefile and the rest stay with the import', () => {
    const all = [
      '县域.mbtiles',
      'a.PMTILES',
      'img.tif',
      'img.tfw',
      'img.prj',
      'img.tif.aux.xml',
      'dltb.shp',
      'dltb.prj',
      'tiles/15/27001/13000.png',
      'notes.txt',
    ];
    expect(all.filter((p) => claimsImageryFile(p, all, geotiff))).toEqual([
      '县域.mbtiles',
      'a.PMTILES',
      'img.tif',
      'img.tfw',
      'img.prj',
      'img.tif.aux.xml',
      'tiles/15/27001/13000.png',
    ]);
    expect(isTilePath('a\\12\\3300\\1600.JPG')).toBe(true);
    expect(isTilePath('photos/2026/06/15.jpg')).toBe(false); // a zoom has at most two digits
    expect(isTilePath('12/3300/1600.tif')).toBe(false);
  });
});
