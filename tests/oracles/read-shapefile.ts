/**
 * Minimal test-only reader for the real shapefiles in ../shared/data/real beside the repo (read in place, never
 * copied): polygon rings from .shp (shape type 5) and one text field from .dbf. Rings are returned as
 * stored (ESRI: outer rings clockwise); the real layers have no holes or multiparts (checked by ogrinfo
 * in scripts/make-oracles.py), so each record is one GeoJSON-like polygon [rings][points][x, y].
 */
import { readFileSync } from 'node:fs';

export function readPolygonShp(path: string): number[][][][] {
  const buf = readFileSync(path);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: number[][][][] = [];
  let off = 100;
  while (off + 8 <= buf.byteLength) {
    const contentBytes = dv.getInt32(off + 4, false) * 2;
    const rec = off + 8;
    const type = dv.getInt32(rec, true);
    if (type === 5) {
      const numParts = dv.getInt32(rec + 36, true);
      const numPoints = dv.getInt32(rec + 40, true);
      const parts: number[] = [];
      for (let i = 0; i < numParts; i++) parts.push(dv.getInt32(rec + 44 + 4 * i, true));
      const pts = rec + 44 + 4 * numParts;
      const rings: number[][][] = [];
      for (let i = 0; i < numParts; i++) {
        const start = parts[i] as number;
        const end = i + 1 < numParts ? (parts[i + 1] as number) : numPoints;
        const ring: number[][] = [];
        for (let j = start; j < end; j++) ring.push([dv.getFloat64(pts + 16 * j, true), dv.getFloat64(pts + 16 * j + 8, true)]);
        rings.push(ring);
      }
      out.push(rings);
    } else {
      out.push([]);
    }
    off = rec + contentBytes;
  }
  return out;
}

export function readDbfTextField(path: string, field: string, encoding = 'utf-8'): string[] {
  const buf = readFileSync(path);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const count = dv.getUint32(4, true);
  const headerBytes = dv.getUint16(8, true);
  const recordBytes = dv.getUint16(10, true);
  let fieldOffset = 1;
  let found: { offset: number; length: number } | null = null;
  for (let p = 32; buf[p] !== 0x0d; p += 32) {
    const name = new TextDecoder('latin1').decode(buf.subarray(p, p + 11)).replace(/\0.*$/, '');
    const length = buf[p + 16] as number;
    if (name === field) found = { offset: fieldOffset, length };
    fieldOffset += length;
  }
  if (!found) throw new Error(`no field ${field}`);
  const dec = new TextDecoder(encoding);
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = headerBytes + i * recordBytes + found.offset;
    values.push(dec.decode(buf.subarray(start, start + found.length)).trim());
  }
  return values;
}
