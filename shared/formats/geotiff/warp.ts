/**
 * Warping an image onto another grid (a web-mercator map tile, or a print sheet's Gauss-Krüger extent): for every
 * output pixel centre, the source image pixel it falls on. A Gauss-Krüger image is WARPED, never placed by its
 * corners: its grid north turns against the map's north by the meridian convergence (≈ Δλ·sin φ: 0.4° at 60 km
 * from the central meridian at 36°N, 3.5 px across a 512 px image).
 *
 * Exact points on a grid of `step` output pixels, bilinear interpolation between them (GDAL's approximate
 * transformer does the same): the grid is refined until the interpolation error measured at every cell centre is
 * within `tolerancePx` source pixels (0.125 by default, GDAL's own default threshold), down to an exact transform
 * per pixel. warp.spec.ts measures the worst error over whole tiles against the exact transform.
 */
import type { GeoTransform } from './georef';

/** Output continuous coordinates (u, v: 0…width, 0…height; a pixel centre is k + 0.5) → source full-resolution pixel (col, row), or null where undefined. */
export type PixelMapper = (u: number, v: number) => readonly [number, number] | null;

export interface WarpMap {
  width: number;
  height: number;
  /** Source full-resolution pixel coordinates (continuous, corner convention) of each output pixel centre; NaN where none. */
  cols: Float64Array;
  rows: Float64Array;
  /** The grid step that met the tolerance (1 = exact per pixel). */
  step: number;
  /** The largest interpolation error measured at the cell centres (source pixels; 0 when exact). */
  maxErrorPx: number;
}

const STEPS = [16, 8, 4, 2];

export function buildWarpMap(width: number, height: number, exact: PixelMapper, tolerancePx = 0.125): WarpMap {
  for (const step of STEPS) {
    if (step >= Math.max(width, height)) continue;
    const m = tryGrid(width, height, exact, step, tolerancePx);
    if (m) return m;
  }
  return exactMap(width, height, exact);
}

function exactMap(width: number, height: number, exact: PixelMapper): WarpMap {
  const cols = new Float64Array(width * height);
  const rows = new Float64Array(width * height);
  for (let j = 0; j < height; j++)
    for (let i = 0; i < width; i++) {
      const p = exact(i + 0.5, j + 0.5);
      cols[j * width + i] = p ? p[0] : NaN;
      rows[j * width + i] = p ? p[1] : NaN;
    }
  return { width, height, cols, rows, step: 1, maxErrorPx: 0 };
}

function tryGrid(width: number, height: number, exact: PixelMapper, step: number, tol: number): WarpMap | null {
  const nx = Math.ceil(width / step) + 1;
  const ny = Math.ceil(height / step) + 1;
  const gc = new Float64Array(nx * ny);
  const gr = new Float64Array(nx * ny);
  for (let b = 0; b < ny; b++)
    for (let a = 0; a < nx; a++) {
      const p = exact(a * step, b * step);
      if (!p) return null; // outside the projection's domain somewhere: exact per pixel
      gc[b * nx + a] = p[0];
      gr[b * nx + a] = p[1];
    }
  let maxErr = 0;
  for (let b = 0; b < ny - 1; b++)
    for (let a = 0; a < nx - 1; a++) {
      const p = exact((a + 0.5) * step, (b + 0.5) * step);
      if (!p) return null;
      const k = b * nx + a;
      const ic = (gc[k]! + gc[k + 1]! + gc[k + nx]! + gc[k + nx + 1]!) / 4;
      const ir = (gr[k]! + gr[k + 1]! + gr[k + nx]! + gr[k + nx + 1]!) / 4;
      maxErr = Math.max(maxErr, Math.abs(ic - p[0]), Math.abs(ir - p[1]));
      if (maxErr > tol) return null;
    }
  const cols = new Float64Array(width * height);
  const rows = new Float64Array(width * height);
  for (let j = 0; j < height; j++) {
    const v = (j + 0.5) / step;
    const b = Math.min(Math.floor(v), ny - 2);
    const fy = v - b;
    for (let i = 0; i < width; i++) {
      const u = (i + 0.5) / step;
      const a = Math.min(Math.floor(u), nx - 2);
      const fx = u - a;
      const k = b * nx + a;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      cols[j * width + i] = gc[k]! * w00 + gc[k + 1]! * w10 + gc[k + nx]! * w01 + gc[k + nx + 1]! * w11;
      rows[j * width + i] = gr[k]! * w00 + gr[k + 1]! * w10 + gr[k + nx]! * w01 + gr[k + nx + 1]! * w11;
    }
  }
  return { width, height, cols, rows, step, maxErrorPx: maxErr };
}

/** The extent of a warp map in source pixels: [colMin, rowMin, colMax, rowMax], or null when nothing maps. */
export function warpMapBounds(m: WarpMap): [number, number, number, number] | null {
  let c0 = Infinity,
    r0 = Infinity,
    c1 = -Infinity,
    r1 = -Infinity;
  for (let k = 0; k < m.cols.length; k++) {
    const c = m.cols[k]!;
    const r = m.rows[k]!;
    if (Number.isNaN(c) || Number.isNaN(r)) continue;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
  }
  return c0 <= c1 ? [c0, r0, c1, r1] : null;
}

/** Source pixels per output pixel near the middle of the output (the mean of both axes): what picks the overview. */
export function sourcePixelsPerOutputPixel(width: number, height: number, exact: PixelMapper): number {
  const u = width / 2;
  const v = height / 2;
  const p = exact(u, v);
  const px = exact(u + 1, v);
  const py = exact(u, v + 1);
  if (!p || !px || !py) return 1;
  const sx = Math.hypot(px[0] - p[0], px[1] - p[1]);
  const sy = Math.hypot(py[0] - p[0], py[1] - p[1]);
  return (sx + sy) / 2;
}

/**
 * The overview to read: the coarsest whose downsampling factor does not exceed the source pixels per output pixel
 * (never a coarser image than the output can show; GDAL picks the same way). `levels` are full resolution first.
 */
export function chooseLevel(levels: readonly { width: number; height: number }[], sourcePerOutput: number): number {
  const full = levels[0];
  if (!full) return 0;
  let best = 0;
  levels.forEach((l, i) => {
    const factor = full.width / l.width;
    if (factor <= sourcePerOutput * (1 + 1e-9) && factor > full.width / levels[best]!.width) best = i;
  });
  return best;
}

// ---- web mercator (the map: lon/lat drawn on the sphere of EPSG:3857, CGCS2000 taken as WGS 84 — Domain rule 4)

/** A point of tile (z, x, y) at continuous tile pixel coordinates (px, py of `size`) → lon/lat degrees. */
export function tilePixelToLngLat(z: number, x: number, y: number, px: number, py: number, size = 256): [number, number] {
  const n = 2 ** z;
  const lng = ((x + px / size) / n) * 360 - 180;
  const t = Math.PI * (1 - (2 * (y + py / size)) / n);
  const lat = (Math.atan(Math.sinh(t)) * 180) / Math.PI;
  return [lng, lat];
}

/** lon/lat → continuous world pixel coordinates at zoom z (tiles of `size`). */
export function lngLatToWorldPixel(lng: number, lat: number, z: number, size = 256): [number, number] {
  const n = 2 ** z * size;
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * n, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n];
}

/** The mapper from a tile's pixels to the image's full-resolution pixels, through lon/lat and the image CRS. */
export function tileToImageMapper(
  z: number,
  x: number,
  y: number,
  size: number,
  fromLngLat: (lng: number, lat: number) => [number, number],
  gt: GeoTransform,
): PixelMapper {
  return (u, v) => {
    const [lng, lat] = tilePixelToLngLat(z, x, y, u, v, size);
    const [e, n] = fromLngLat(lng, lat);
    if (!Number.isFinite(e) || !Number.isFinite(n)) return null;
    return [(e - gt[0]) / gt[1], (n - gt[3]) / gt[5]];
  };
}
