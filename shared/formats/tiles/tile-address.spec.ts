import { describe, expect, it } from 'vitest';
import oracle from '../../../tests/oracles/imagery-tiles.json';
import { detectTmsRows, flipRow, isValidTile, sniffImageFormat, tileAt, tileBbox, tilesBbox } from './tile-address';

describe('XYZ and TMS rows', () => {
  it('flips rows both ways (row 0 north ↔ row 0 south)', () => {
    expect(flipRow(0, 0)).toBe(0);
    expect(flipRow(1, 0)).toBe(1);
    expect(flipRow(14, 6500)).toBe(9883);
    expect(flipRow(14, flipRow(14, 6500))).toBe(6500);
  });

  it('finds the tile of a point, and a tile’s box holds it (zoom 17 at the sample township)', () => {
    const [lon, lat] = [117.0, 35.05];
    const t = tileAt(lon, lat, 17);
    const [w, s, e, n] = tileBbox(17, t.x, t.y);
    expect(lon >= w && lon < e && lat > s && lat <= n).toBe(true);
    // OSM's slippy-map formula by hand: x = floor((lon + 180) / 360 · 2^z)
    expect(t.x).toBe(Math.floor(((lon + 180) / 360) * 2 ** 17));
    expect(tileBbox(0, 0, 0)[3]).toBeCloseTo(85.0511287798, 9);
  });

  it('agrees with GDAL: the sample’s z17 tiles (XYZ from its TMS rows) cover its stated bounds', () => {
    const z17 = oracle.tiles.filter((t) => t.z === 17);
    const xs = z17.map((t) => t.x);
    const ys = z17.map((t) => t.y);
    const [w, s, e, n] = tilesBbox(17, { min: Math.min(...xs), max: Math.max(...xs) }, { min: Math.min(...ys), max: Math.max(...ys) });
    const [bw, bs, be, bn] = oracle.metadata.bounds.split(',').map(Number) as [number, number, number, number];
    expect(w <= bw && s <= bs && e >= be && n >= bn).toBe(true);
    // and within one tile of them (256 px at z17 ≈ 0.0027° of longitude)
    expect(bw - w).toBeLessThan(0.0028);
    expect(e - be).toBeLessThan(0.0028);
  });

  it('tells a folder’s TMS rows from XYZ ones by the hemisphere they fall in (China: north)', () => {
    const xyz = oracle.tiles.filter((t) => t.z === 16).map((t) => t.y);
    expect(detectTmsRows(16, xyz)).toBe(false);
    expect(
      detectTmsRows(
        16,
        xyz.map((y) => flipRow(16, y)),
      ),
    ).toBe(true);
    expect(detectTmsRows(0, [0])).toBe(false);
    expect(detectTmsRows(5, [])).toBe(false);
    expect(detectTmsRows(2, [1, 2])).toBe(false);
  });

  it('knows a tile address from a non-tile', () => {
    expect(isValidTile(2, 3, 3)).toBe(true);
    expect(isValidTile(2, 4, 0)).toBe(false);
    expect(isValidTile(1.5, 0, 0)).toBe(false);
    expect(isValidTile(31, 0, 0)).toBe(false);
  });

  it('tells image formats by their signature', () => {
    expect(sniffImageFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).toBe('png');
    expect(sniffImageFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(sniffImageFormat(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(new Uint8Array([0x1a, 0x45]))).toBeNull();
  });
});
