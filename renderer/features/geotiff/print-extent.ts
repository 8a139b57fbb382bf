/**
 * A print sheet's map frame: an extent in a Gauss-Krüger zone (the plot's CGCS2000 zone, X = north; drawn measured
 * elements live in the GK plane — DOMAIN.md, evidence-map conventions) rendered at print resolution. Output pixel
 * (u, v) → GK easting/northing → lon/lat → the source's pixels: an image's own CRS, or a tile pyramid's web-mercator
 * world pixels.
 */
import { makeGkToLngLat } from '../../../shared/domain/crs/transform';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { GeoTransform } from '../../../shared/formats/geotiff/georef';
import { lngLatToWorldPixel, type PixelMapper } from '../../../shared/formats/geotiff/warp';

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
