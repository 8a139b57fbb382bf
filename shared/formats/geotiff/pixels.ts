/**
 * From the image's samples to the RGBA the map and the print draw: 8-bit RGB(A) and grey as they are, a palette
 * through its colour map, any other sample type (16-bit, float) through a linear 2 % – 98 % percentile stretch
 * (QGIS's default for such images: the stretch ignores the few extreme values sensors produce). Nodata and
 * alpha 0 are transparent. Nearest neighbour (GDAL's `-r near`): the officer sees the image's own pixels.
 */
import type { WarpMap } from './warp';

export type BandLayout =
  /** Three samples shown as R, G, B (more samples: the first three). */
  | 'rgb'
  /** R, G, B and an alpha sample (ExtraSamples). */
  | 'rgba'
  | 'grey'
  | 'greyAlpha'
  /** One index sample through a TIFF ColorMap. */
  | 'palette';

export interface PixelStyle {
  layout: BandLayout;
  /** Sample indices shown, in layout order (r, g, b[, a]) or (grey[, a]). */
  bands: readonly number[];
  /** Per shown colour band: values mapped lo → 0, hi → 255. Null: the samples are 8-bit and shown as they are. */
  stretch: { lo: readonly number[]; hi: readonly number[] } | null;
  /** GDAL_NODATA: a pixel whose shown colour samples all equal it is transparent. */
  nodata: number | null;
  /** RGB triples (0–255) by index, for 'palette'. */
  palette?: Uint8Array;
  /**
   * The three samples are Y, Cb, Cr (TIFF Photometric 6: GDAL's JPEG-compressed RGB, the usual COG of aerial imagery);
   * geotiff.js hands them over undecoded, so they are turned into RGB here (JPEG's full-range BT.601, as libjpeg).
   */
  ycbcr?: boolean;
}

/** A window of decoded samples, interleaved (sample-major per pixel), at one overview level. */
export interface SampleWindow {
  /** Window origin and size in the level's pixels. */
  x0: number;
  y0: number;
  width: number;
  height: number;
  samplesPerPixel: number;
  data: ArrayLike<number>;
}

/** How the level relates to full resolution (full pixels per level pixel, both axes). */
export interface LevelScale {
  fx: number;
  fy: number;
}

/** The window of level pixels the warp map needs (clamped to the level's size), or null when it misses the image. */
export function neededWindow(
  bounds: [number, number, number, number] | null,
  scale: LevelScale,
  levelWidth: number,
  levelHeight: number,
): [number, number, number, number] | null {
  if (!bounds) return null;
  const x0 = Math.max(0, Math.floor(bounds[0] / scale.fx));
  const y0 = Math.max(0, Math.floor(bounds[1] / scale.fy));
  const x1 = Math.min(levelWidth, Math.floor(bounds[2] / scale.fx) + 1);
  const y1 = Math.min(levelHeight, Math.floor(bounds[3] / scale.fy) + 1);
  return x1 > x0 && y1 > y0 ? [x0, y0, x1 - x0, y1 - y0] : null;
}

const to8 = (v: number, lo: number, hi: number) => (hi > lo ? Math.round(((v - lo) / (hi - lo)) * 255) : v >= hi ? 255 : 0);
const clamp8 = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * Fills `out` (RGBA, map.width × map.height) from the window through the warp map; pixels outside the window or the
 * image stay transparent (out is expected zeroed). Returns how many pixels were drawn.
 */
export function renderWarped(out: Uint8ClampedArray, map: WarpMap, scale: LevelScale, win: SampleWindow, style: PixelStyle): number {
  const { layout, bands, stretch, nodata, palette } = style;
  const spp = win.samplesPerPixel;
  const data = win.data;
  const colourBands = layout === 'rgb' || layout === 'rgba' ? 3 : 1;
  const alphaBand = layout === 'rgba' ? bands[3] : layout === 'greyAlpha' ? bands[1] : undefined;
  const rgb = [0, 0, 0];
  let drawn = 0;
  for (let k = 0; k < map.cols.length; k++) {
    const c = map.cols[k]!;
    const r = map.rows[k]!;
    if (!(c >= 0 && r >= 0)) continue; // NaN or left/above the image
    const lx = Math.floor(c / scale.fx) - win.x0;
    const ly = Math.floor(r / scale.fy) - win.y0;
    if (lx < 0 || ly < 0 || lx >= win.width || ly >= win.height) continue;
    const base = (ly * win.width + lx) * spp;
    let allNodata = nodata !== null;
    for (let b = 0; b < colourBands; b++) {
      const v = data[base + bands[b]!]!;
      if (allNodata && !(v === nodata || (Number.isNaN(v) && Number.isNaN(nodata)))) allNodata = false;
      rgb[b] = stretch ? clamp8(to8(v, stretch.lo[b]!, stretch.hi[b]!)) : v;
    }
    if (allNodata) continue;
    const alpha = alphaBand !== undefined ? data[base + alphaBand]! : 255;
    if (alpha === 0) continue;
    const o = k * 4;
    if (layout === 'palette' && palette) {
      const i = data[base + bands[0]!]! * 3;
      out[o] = palette[i]!;
      out[o + 1] = palette[i + 1]!;
      out[o + 2] = palette[i + 2]!;
    } else if (colourBands === 3 && style.ycbcr) {
      const [y, cb, cr] = [rgb[0]!, rgb[1]! - 128, rgb[2]! - 128];
      out[o] = y + 1.402 * cr;
      out[o + 1] = y - 0.344136 * cb - 0.714136 * cr;
      out[o + 2] = y + 1.772 * cb;
    } else if (colourBands === 3) {
      out[o] = rgb[0]!;
      out[o + 1] = rgb[1]!;
      out[o + 2] = rgb[2]!;
    } else {
      out[o] = out[o + 1] = out[o + 2] = rgb[0]!;
    }
    out[o + 3] = stretch && alphaBand !== undefined ? 255 : alpha;
    drawn++;
  }
  return drawn;
}

/**
 * The 2 % and 98 % values of one sample of interleaved data, nodata and NaN left out: the lower and the higher
 * nearest rank (numpy's `percentile(method='lower' | 'higher')`). Null when no value is left.
 */
export function percentileStretch(
  data: ArrayLike<number>,
  samplesPerPixel: number,
  sample: number,
  nodata: number | null,
  low = 0.02,
  high = 0.98,
): { lo: number; hi: number } | null {
  const values: number[] = [];
  for (let k = sample; k < data.length; k += samplesPerPixel) {
    const v = data[k]!;
    if (Number.isNaN(v) || v === nodata) continue;
    values.push(v);
  }
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length - 1;
  return { lo: sorted[Math.floor(low * n)]!, hi: sorted[Math.ceil(high * n)]! };
}

/** A TIFF ColorMap (3 × 2^bits uint16: all reds, all greens, all blues) → RGB triples 0–255. */
export function paletteFromColorMap(colorMap: ArrayLike<number>): Uint8Array {
  const n = Math.floor(colorMap.length / 3);
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    out[i * 3] = colorMap[i]! >> 8;
    out[i * 3 + 1] = colorMap[n + i]! >> 8;
    out[i * 3 + 2] = colorMap[2 * n + i]! >> 8;
  }
  return out;
}

/** How the samples are shown, from the TIFF's photometric interpretation, sample count, extra samples and bit depth. */
export function layoutOf(photometric: number, samplesPerPixel: number, extraSamples: readonly number[]): { layout: BandLayout; bands: number[] } {
  const hasAlpha = extraSamples.some((e) => e === 1 || e === 2);
  if (photometric === 3) return { layout: 'palette', bands: [0] };
  if (samplesPerPixel >= 3 && (photometric === 2 || photometric === 6 || samplesPerPixel > 2)) {
    if (samplesPerPixel >= 4 && hasAlpha)
      return { layout: 'rgba', bands: [0, 1, 2, samplesPerPixel - extraSamples.length + extraSamples.findIndex((e) => e === 1 || e === 2)] };
    return { layout: 'rgb', bands: [0, 1, 2] };
  }
  if (samplesPerPixel === 2 && hasAlpha) return { layout: 'greyAlpha', bands: [0, 1] };
  return { layout: 'grey', bands: [0] };
}
