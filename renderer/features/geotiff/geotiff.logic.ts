/**
 * The geotiff feature's pure rules: which picked or dropped files are an image and its sidecars, the zoom range a
 * layer is drawn in, the print frame of a sheet, and the words for a refusal.
 */
import type { Bbox } from '../../../shared/domain/geometry/bbox';
import { gkZoneForLongitude } from '../../../shared/domain/crs/transform';
import type { GeoTiffInfo, OpenRefusal } from './geotiff-image';
import type { GkExtent } from './print-extent';

const lower = (p: string) => p.replace(/\\/g, '/').toLowerCase();
const IMAGE = /\.(tif|tiff)$/;
const WORLD = /\.(tfw|tifw|tiffw|wld)$/;
const AUX = /\.(tif|tiff)\.aux\.xml$/;

export const isGeoTiffPath = (path: string): boolean => IMAGE.test(lower(path));

/** Stem of an image ("a/b/img.tif" → "a/b/img"). */
const stemOf = (p: string) => lower(p).replace(/\.(tif|tiff)(\.aux\.xml)?$|\.(tfw|tifw|tiffw|wld|prj)$/, '');

/**
 * Whether a picked or dropped file belongs to an image: the image itself, its world file or .aux.xml, or a .prj whose
 * stem is an image's among the same files (a .prj beside a shapefile stays the shapefile's).
 */
export function claimsGeoTiffFile(path: string, all: readonly string[]): boolean {
  const p = lower(path);
  if (IMAGE.test(p) || AUX.test(p)) return true;
  const stem = stemOf(p);
  const images = new Set(all.filter(isGeoTiffPath).map(stemOf));
  if (!images.has(stem)) return false;
  return WORLD.test(p) || p.endsWith('.prj');
}

export interface GeoTiffGroup<F> {
  image: F;
  tfw?: F;
  prj?: F;
  auxXml?: F;
}

/** Each image with the sidecars named after it (img.tfw / img.tifw / img.wld, img.prj, img.tif.aux.xml). */
export function groupGeoTiffFiles<F extends { path: string }>(files: readonly F[]): GeoTiffGroup<F>[] {
  const groups: GeoTiffGroup<F>[] = [];
  for (const f of files) if (isGeoTiffPath(f.path)) groups.push({ image: f });
  for (const f of files) {
    const p = lower(f.path);
    const g = groups.find((x) => stemOf(x.image.path) === stemOf(p));
    if (!g) continue;
    if (AUX.test(p) && lower(g.image.path) + '.aux.xml' === p) g.auxXml = f;
    else if (WORLD.test(p)) g.tfw = f;
    else if (p.endsWith('.prj')) g.prj = f;
  }
  return groups;
}

const EQUATOR_METRES_PER_PX = (2 * Math.PI * 6378137) / 256; // web mercator, 256 px tiles, zoom 0
const METRES_PER_DEGREE = 111_320;

/** The image's full-resolution pixel size in metres (a geographic image's degrees taken at its latitude). */
export function pixelMetres(info: Pick<GeoTiffInfo, 'pixelSize' | 'epsg' | 'boundsLngLat' | 'crsLabel'>, geographic: boolean): number {
  const [sx, sy] = info.pixelSize;
  if (!geographic) return Math.min(sx, sy);
  const lat = ((info.boundsLngLat[1] + info.boundsLngLat[3]) / 2) * (Math.PI / 180);
  return Math.min(sx * METRES_PER_DEGREE * Math.cos(lat), sy * METRES_PER_DEGREE);
}

/**
 * The zoom range the map asks tiles for: up to the zoom whose tile pixels are as small as the image's (beyond it the
 * map scales the last tiles up), and down to where the coarsest level still gives each tile at most 4 × its pixels
 * (below that the image is a few dozen screen pixels across; a COG without overviews is not read whole to draw them).
 */
export function zoomRange(metresPerPixel: number, latDeg: number, coarsestFactor: number): { minzoom: number; maxzoom: number } {
  const cos = Math.cos((latDeg * Math.PI) / 180);
  const native = Math.log2((EQUATOR_METRES_PER_PX * cos) / metresPerPixel);
  const maxzoom = Math.max(0, Math.min(24, Math.ceil(native)));
  const minzoom = Math.max(0, Math.min(maxzoom, Math.floor(native - Math.log2(coarsestFactor * 4))));
  return { minzoom, maxzoom };
}

/** The i18n key of a refusal ("geotiff.refused.rotated" …). */
export const refusalKey = (reason: OpenRefusal) => `geotiff.refused.${reason}` as const;

/**
 * A sheet's map frame at print resolution: `scale` 1:N, the frame `widthMm × heightMm` on paper, centred on a
 * lon/lat, in the CGCS2000 3° zone of that longitude (eastings without the prefix), `dpi` 300 by default.
 * 100 mm at 1:2,000 is 200 m of ground and 1,181 px.
 */
export function sheetFrame(o: {
  centre: [number, number];
  scale: number;
  widthMm: number;
  heightMm: number;
  dpi?: number;
  toGk: (lng: number, lat: number) => [number, number];
}): {
  frame: GkExtent;
  widthPx: number;
  heightPx: number;
} {
  const dpi = o.dpi ?? 300;
  const zone = gkZoneForLongitude(o.centre[0], 3);
  const [e, n] = o.toGk(o.centre[0], o.centre[1]);
  const halfW = (o.widthMm / 1000) * o.scale * 0.5;
  const halfH = (o.heightMm / 1000) * o.scale * 0.5;
  return {
    frame: { zone, zonePrefix: false, extent: [e - halfW, n - halfH, e + halfW, n + halfH] },
    widthPx: Math.round((o.widthMm / 25.4) * dpi),
    heightPx: Math.round((o.heightMm / 25.4) * dpi),
  };
}

/** The web-mercator tiles at zoom z covering a lon/lat box. */
export function tilesCovering(b: Bbox, z: number): { x: number; y: number }[] {
  const n = 2 ** z;
  const tx = (lng: number) => Math.min(n - 1, Math.max(0, Math.floor(((lng + 180) / 360) * n)));
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)));
  };
  const out: { x: number; y: number }[] = [];
  for (let y = ty(b[3]); y <= ty(b[1]); y++) for (let x = tx(b[0]); x <= tx(b[2]); x++) out.push({ x, y });
  return out;
}
