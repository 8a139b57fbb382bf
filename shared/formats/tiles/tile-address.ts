/**
 * Tile addressing (issue 12): the map asks in XYZ order (row 0 at the north, as OSM/Google and maplibre's default);
 * MBTiles stores rows in TMS order (row 0 at the south) and so do some tile folders. Web-mercator tiles only.
 */
import type { Bbox } from '../../domain/geometry/bbox';

export const MAX_TILE_ZOOM = 30;

/** XYZ row ↔ TMS row (the same formula both ways). */
export function flipRow(z: number, y: number): number {
  return 2 ** z - 1 - y;
}

export function isValidTile(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) return false;
  if (z < 0 || z > MAX_TILE_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

const lonOf = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const latOf = (y: number, z: number) => {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
};

/** The lon/lat box of an XYZ tile: [west, south, east, north]. */
export function tileBbox(z: number, x: number, y: number): Bbox {
  return [lonOf(x, z), latOf(y + 1, z), lonOf(x + 1, z), latOf(y, z)];
}

/** The XYZ tile holding a lon/lat point at zoom z. */
export function tileAt(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, v));
  return { x: clamp(x), y: clamp(y) };
}

/** The lon/lat box covered by a set of XYZ tiles of one zoom (rows in XYZ order). */
export function tilesBbox(z: number, xs: { min: number; max: number }, ys: { min: number; max: number }): Bbox {
  const nw = tileBbox(z, xs.min, ys.min);
  const se = tileBbox(z, xs.max, ys.max);
  return [nw[0], se[1], se[2], nw[3]];
}

/**
 * Whether a tile folder's rows are TMS (row 0 at the south) rather than XYZ, judged from the rows present at one zoom
 * (its deepest). China lies at 3–54°N: its XYZ rows are all in the upper half of the world (y < 2^(z-1)), its TMS
 * rows all in the lower half. Rows on both sides (data across the equator) or zoom 0 cannot tell: XYZ.
 */
export function detectTmsRows(z: number, rows: readonly number[]): boolean {
  if (rows.length === 0 || z === 0) return false;
  const half = 2 ** (z - 1);
  return rows.every((y) => y >= half);
}

/** Image format of tile bytes by their signature (PNG, JPEG, WebP, GIF); null for anything else (e.g. vector tiles). */
export function sniffImageFormat(bytes: Uint8Array): 'png' | 'jpg' | 'webp' | 'gif' | null {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (
    b.length >= 12 &&
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  )
    return 'webp';
  if (b.length >= 4 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'gif';
  return null;
}
