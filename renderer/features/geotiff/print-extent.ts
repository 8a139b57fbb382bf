/**
 * A print sheet's map frame: an extent in a Gauss-Krüger zone (the plot's CGCS2000 zone, X = north; drawn measured
 * elements live in the GK plane — DOMAIN.md, evidence-map conventions) rendered at print resolution. Output pixel
 * (u, v) → GK easting/northing → lon/lat → the source's pixels: an image's own CRS, or a tile pyramid's web-mercator
 * world pixels.
 */
import { makeGkToLngLat } from '../../../shared/domain/crs/transform';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { GeoTransform } from '../../../shared/formats/geotiff/georef';
import { buildWarpMap, lngLatToWorldPixel, type PixelMapper } from '../../../shared/formats/geotiff/warp';

export interface GkExtent {
  zone: GkZoneRef;
  /** Whether the eastings below carry the zone prefix (39 500 000 + …). */
  zonePrefix: boolean;
  /** [minEasting, minNorthing, maxEasting, maxNorthing], metres. */
  extent: [number, number, number, number];
}

/** Output pixel → GK [easting, northing] of the frame (u right, v down; continuous, corner convention). */
export function gkOfPixel(ex: GkExtent, widthPx: number, heightPx: number): (u: number, v: number) => [number, number] {
  const [e0, n0, e1, n1] = ex.extent;
  return (u, v) => [e0 + (u / widthPx) * (e1 - e0), n1 - (v / heightPx) * (n1 - n0)];
}

/** The frame's pixels → an image's full-resolution pixels, through lon/lat and the image's CRS. */
export function gkExtentMapper(
  ex: GkExtent,
  widthPx: number,
  heightPx: number,
  fromLngLat: (lng: number, lat: number) => [number, number],
  gt: GeoTransform,
): PixelMapper {
  const gk = gkOfPixel(ex, widthPx, heightPx);
  const toLngLat = makeGkToLngLat(ex.zone, ex.zonePrefix);
  return (u, v) => {
    const [lng, lat] = toLngLat(...gk(u, v));
    const [x, y] = fromLngLat(lng, lat);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    return [(x - gt[0]) / gt[1], (y - gt[3]) / gt[5]];
  };
}

/** The frame's pixels → web-mercator world pixels at zoom z (tiles of `tileSize`). */
export function gkExtentToWorldPixels(ex: GkExtent, widthPx: number, heightPx: number, z: number, tileSize = 256): PixelMapper {
  const gk = gkOfPixel(ex, widthPx, heightPx);
  const toLngLat = makeGkToLngLat(ex.zone, ex.zonePrefix);
  return (u, v) => {
    const [lng, lat] = toLngLat(...gk(u, v));
    return lngLatToWorldPixel(lng, lat, z, tileSize);
  };
}

/** The frame's lon/lat bounds (its outline sampled: a GK rectangle is not a lon/lat box). */
export function gkExtentLngLatBounds(ex: GkExtent): [number, number, number, number] {
  const toLngLat = makeGkToLngLat(ex.zone, ex.zonePrefix);
  const [e0, n0, e1, n1] = ex.extent;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    for (const [x, y] of [
      [e0 + t * (e1 - e0), n0],
      [e0 + t * (e1 - e0), n1],
      [e0, n0 + t * (n1 - n0)],
      [e1, n0 + t * (n1 - n0)],
    ] as const) {
      const [lng, lat] = toLngLat(x, y);
      w = Math.min(w, lng);
      e = Math.max(e, lng);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return [w, s, e, n];
}

/**
 * The zoom of a tile pyramid to read for a frame: the lowest whose tile pixels are no larger on the ground than the
 * frame's (web-mercator metres per pixel at the frame's latitude ≤ the frame's metres per pixel), capped to the
 * pyramid's range.
 */
export function zoomForFrame(ex: GkExtent, widthPx: number, minzoom: number, maxzoom: number, tileSize = 256): number {
  const metresPerPx = (ex.extent[2] - ex.extent[0]) / widthPx;
  const [, s, , n] = gkExtentLngLatBounds(ex);
  const lat = ((s + n) / 2) * (Math.PI / 180);
  const equator = (2 * Math.PI * 6378137) / tileSize; // metres per pixel at z 0
  const z = Math.ceil(Math.log2((equator * Math.cos(lat)) / metresPerPx));
  return Math.max(minzoom, Math.min(maxzoom, z));
}

/** Decoded tiles laid side by side: `rgba` of width × height, its upper-left at world pixel (x0Px, y0Px) of the tiles' zoom. */
export interface TileMosaic {
  rgba: ArrayLike<number>;
  width: number;
  height: number;
  x0Px: number;
  y0Px: number;
}

/**
 * Fills `out` (RGBA, widthPx × heightPx, zeroed) from a mosaic of web-mercator tiles through `toWorld` (frame pixel →
 * world pixel), nearest neighbour, interpolated on a grid within 0.125 tile pixels (warp.ts), in strips of 256 rows.
 */
export function sampleMosaic(out: Uint8ClampedArray, widthPx: number, heightPx: number, mosaic: TileMosaic, toWorld: PixelMapper): void {
  const STRIP = 256;
  const { rgba, width, height, x0Px, y0Px } = mosaic;
  for (let s = 0; s < heightPx; s += STRIP) {
    const h = Math.min(STRIP, heightPx - s);
    const map = buildWarpMap(widthPx, h, (u, v) => toWorld(u, v + s));
    for (let k = 0; k < map.cols.length; k++) {
      const mx = Math.floor(map.cols[k]! - x0Px);
      const my = Math.floor(map.rows[k]! - y0Px);
      if (!(mx >= 0 && my >= 0 && mx < width && my < height)) continue;
      const src = (my * width + mx) * 4;
      const dst = (s * widthPx + k) * 4;
      out[dst] = rgba[src]!;
      out[dst + 1] = rgba[src + 1]!;
      out[dst + 2] = rgba[src + 2]!;
      out[dst + 3] = rgba[src + 3]!;
    }
  }
}
