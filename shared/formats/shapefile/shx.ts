// The .shx index: a 100-byte header like the .shp's, then one 8-byte entry per record — offset and content
// length, both big-endian in 16-bit words (ESRI Shapefile Technical Description, "Index file"). We read the
// .shp sequentially and use the index only to notice disagreement (a sign of a broken or mismatched pair).
import type { Issue } from '../types';

export interface ShxEntry {
  /** Byte offset of the record header in the .shp. */
  offsetBytes: number;
  contentLengthBytes: number;
}

export function readShxEntries(shx: Uint8Array): ShxEntry[] | null {
  if (shx.length < 100) return null;
  const view = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
  if (view.getInt32(0, false) !== 9994) return null;
  const n = Math.floor((shx.length - 100) / 8);
  const out: ShxEntry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = { offsetBytes: view.getInt32(100 + i * 8, false) * 2, contentLengthBytes: view.getInt32(104 + i * 8, false) * 2 };
  }
  return out;
}

/** Compares the index with the record offsets actually found in the .shp; one warning, with counts. */
export function checkShx(shx: Uint8Array, shpOffsetsBytes: readonly number[], shxPath: string): Issue[] {
  const entries = readShxEntries(shx);
  if (!entries) {
    return [
      {
        code: 'shx.mismatch',
        severity: 'warning',
        file: shxPath,
        params: { shx: 0, shp: shpOffsetsBytes.length, differing: shpOffsetsBytes.length },
      },
    ];
  }
  let differing = Math.abs(entries.length - shpOffsetsBytes.length);
  const n = Math.min(entries.length, shpOffsetsBytes.length);
  for (let i = 0; i < n; i++) if ((entries[i] as ShxEntry).offsetBytes !== shpOffsetsBytes[i]) differing++;
  if (differing === 0) return [];
  return [{ code: 'shx.mismatch', severity: 'warning', file: shxPath, params: { shx: entries.length, shp: shpOffsetsBytes.length, differing } }];
}
