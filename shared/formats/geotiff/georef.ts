/**
 * Where a GeoTIFF lies: its geotransform (from the GeoTIFF tags, or a .tfw / .aux.xml beside it) and its CRS (from
 * the GeoKeys, or a .prj / the .aux.xml's SRS), decided by our crs module (README, Domain rule 4) — never by a
 * library's guess. What it cannot place is refused with a named reason the UI says in Chinese and English.
 *
 * Geotransform in GDAL's order and convention: X = gt[0] + col·gt[1] + row·gt[2], Y = gt[3] + col·gt[4] + row·gt[5]
 * with (col, row) the pixel CORNER (0, 0 = the upper-left corner of the first pixel; its centre is 0.5, 0.5).
 */
import { parsePrj } from '../../domain/crs/prj';
import type { CrsInfo, CrsWarning } from '../../domain/crs/types';
import { crsFromEpsg, geographicCrs, gkCrs, type GkDatum } from '../../domain/crs/zones';
import { fail, ok, type Validation } from '../../validation/validation';

export type GeoTransform = readonly [number, number, number, number, number, number];

export type GeorefRefusal =
  /** No geotransform in the tags nor beside the file. */
  | 'noGeoreferencing'
  /** Only ground control points (several tiepoints, no pixel scale): it would need a fitted transform. */
  | 'gcpsOnly'
  /** A geotransform with rotation/shear terms. */
  | 'rotated'
  /** A CRS that is not CGCS2000 geographic / Gauss-Krüger (or WGS 84, Xian 1980, Beijing 1954). */
  | 'unknownCrs'
  /** A geotransform but no CRS anywhere. */
  | 'noCrs';

export interface Georef {
  transform: GeoTransform;
  crs: CrsInfo;
  /** Where each half came from. */
  transformFrom: 'tags' | 'tfw' | 'aux.xml';
  crsFrom: 'geokeys' | 'prj' | 'aux.xml';
  warnings: CrsWarning[];
}

/** The GeoTIFF tags we read (values as geotiff.js gives them). */
export interface GeoTiffTags {
  modelPixelScale?: readonly number[];
  modelTiepoint?: readonly number[];
  modelTransformation?: readonly number[];
  /** geotiff.js's parsed GeoKeyDirectory, by key name. */
  geoKeys?: Readonly<Record<string, unknown>> | null;
}

/** Text sidecars found beside the image (read by the caller; we take text, not paths). */
export interface GeoTiffSidecars {
  tfw?: string;
  prj?: string;
  auxXml?: string;
}

const USER_DEFINED = 32767;

/** The GeoTIFF tags → geotransform, or null when there are none. PixelIsPoint shifts by half a pixel as GDAL does. */
export function transformFromTags(tags: GeoTiffTags): Validation<GeoTransform | null, GeorefRefusal> {
  const pointShift = num(tags.geoKeys?.GTRasterTypeGeoKey) === 2 ? 0.5 : 0;
  const m = tags.modelTransformation;
  if (m && m.length >= 16) {
    const gt: GeoTransform = [m[3]!, m[0]!, m[1]!, m[7]!, m[4]!, m[5]!];
    return ok(shiftHalf(gt, pointShift));
  }
  const tp = tags.modelTiepoint;
  const sc = tags.modelPixelScale;
  if (tp && tp.length >= 6 && sc && sc.length >= 2) {
    const [i, j, , x, y] = tp as [number, number, number, number, number];
    const gt: GeoTransform = [x - i * sc[0]!, sc[0]!, 0, y + j * sc[1]!, 0, -sc[1]!];
    return ok(shiftHalf(gt, pointShift));
  }
  if (tp && tp.length >= 12) return fail('gcpsOnly');
  return ok(null);
}

/** Pixel-is-point: the tiepoint names a pixel centre; move the origin half a pixel up-left (GDAL's default). */
function shiftHalf(gt: GeoTransform, s: number): GeoTransform {
  if (s === 0) return gt;
  return [gt[0] - s * gt[1] - s * gt[2], gt[1], gt[2], gt[3] - s * gt[4] - s * gt[5], gt[4], gt[5]];
}

/**
 * An ESRI world file (.tfw/.tifw/.wld): six lines A, D, B, E, C, F, where C, F is the CENTRE of the upper-left
 * pixel (ESRI's definition), so the corner is half a pixel up-left of it.
 */
export function parseWorldFile(text: string): GeoTransform | null {
  const v = text
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter((n) => Number.isFinite(n));
  if (v.length < 6) return null;
  const [a, d, b, e, c, f] = v as [number, number, number, number, number, number];
  if (a === 0 || e === 0) return null;
  return [c - a / 2 - b / 2, a, b, f - d / 2 - e / 2, d, e];
}

const decodeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** GDAL's PAM sidecar (.aux.xml): its <GeoTransform> and <SRS> (WKT), either may be absent. */
export function parseAuxXml(text: string): { transform: GeoTransform | null; wkt: string | null } {
  const gtText = /<GeoTransform>([^<]*)<\/GeoTransform>/i.exec(text)?.[1];
  const v = gtText?.split(',').map((s) => Number(s.trim())) ?? [];
  const transform = v.length === 6 && v.every(Number.isFinite) ? (v as unknown as GeoTransform) : null;
  const srs = /<SRS[^>]*>([\s\S]*?)<\/SRS>/i.exec(text)?.[1];
  return { transform, wkt: srs ? decodeXml(srs).trim() : null };
}

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : Array.isArray(v) && typeof v[0] === 'number' ? v[0] : null;

/** EPSG datum / ellipsoid codes that are CGCS2000 (datum 1043, ellipsoid 1024) or GRS80 (7019, which CGCS2000 equals to 0.1 mm). */
const CGCS2000_DATUMS = new Set([1043, 6490]);
const CGCS2000_ELLIPSOIDS = new Set([1024, 7019]);

/** The datum a user-defined GeoKey set is on, when it is CGCS2000 (by geographic CRS, datum, ellipsoid or its axes). */
function isCgcs2000(keys: Readonly<Record<string, unknown>>): boolean {
  const geog = num(keys.GeographicTypeGeoKey);
  if (geog === 4490) return true;
  if (geog !== null && geog !== USER_DEFINED) return false;
  const datum = num(keys.GeogGeodeticDatumGeoKey);
  if (datum !== null && datum !== USER_DEFINED) return CGCS2000_DATUMS.has(datum);
  const ellipsoid = num(keys.GeogEllipsoidGeoKey);
  if (ellipsoid !== null && ellipsoid !== USER_DEFINED) return CGCS2000_ELLIPSOIDS.has(ellipsoid);
  const a = num(keys.GeogSemiMajorAxisGeoKey);
  const rf = num(keys.GeogInvFlatteningGeoKey);
  return a === 6378137 && rf !== null && Math.abs(rf - 298.257222101) < 1e-6;
}

/** The CRS the GeoKeys describe, null when they describe none, a refusal when it is one we cannot place. */
export function crsFromGeoKeys(keys: Readonly<Record<string, unknown>> | null | undefined): Validation<CrsInfo | null, GeorefRefusal> {
  if (!keys) return ok(null);
  const model = num(keys.GTModelTypeGeoKey);
  const projected = num(keys.ProjectedCSTypeGeoKey);
  const geographic = num(keys.GeographicTypeGeoKey);
  if (projected !== null && projected !== USER_DEFINED) {
    const crs = crsFromEpsg(projected, 'prj');
    return crs && crs.kind === 'projected' ? ok(crs) : fail('unknownCrs', 'ProjectedCSTypeGeoKey', `EPSG:${projected}`);
  }
  if (model === 1 || projected === USER_DEFINED) {
    // User-defined Gauss-Krüger: transverse Mercator (ProjCoordTrans 1), k = 1, origin on the equator, metres.
    const method = num(keys.ProjCoordTransGeoKey);
    const cm = num(keys.ProjNatOriginLongGeoKey) ?? num(keys.ProjCenterLongGeoKey) ?? num(keys.ProjFalseOriginLongGeoKey);
    const k = num(keys.ProjScaleAtNatOriginGeoKey) ?? num(keys.ProjScaleAtCenterGeoKey) ?? 1;
    const lat0 = num(keys.ProjNatOriginLatGeoKey) ?? num(keys.ProjCenterLatGeoKey) ?? 0;
    const fe = num(keys.ProjFalseEastingGeoKey) ?? 0;
    const fn = num(keys.ProjFalseNorthingGeoKey) ?? 0;
    const units = num(keys.ProjLinearUnitsGeoKey) ?? 9001;
    if (method !== 1 || cm === null || k !== 1 || lat0 !== 0 || fn !== 0 || units !== 9001 || !isCgcs2000(keys))
      return fail('unknownCrs', 'ProjectedCSTypeGeoKey', 'user-defined projection that is not CGCS2000 Gauss-Krüger');
    const datum: GkDatum = 'CGCS2000';
    return ok(gkCrs({ datum, width: guessWidth(cm, fe), centralMeridian: cm, falseEasting: fe }, 'prj'));
  }
  if (model === 2 || geographic !== null) {
    if (geographic !== null && geographic !== USER_DEFINED) {
      const crs = crsFromEpsg(geographic, 'prj');
      return crs && crs.kind === 'geographic' ? ok(crs) : fail('unknownCrs', 'GeographicTypeGeoKey', `EPSG:${geographic}`);
    }
    return isCgcs2000(keys) ? ok(geographicCrs('CGCS2000', 'prj')) : fail('unknownCrs', 'GeographicTypeGeoKey', 'user-defined datum');
  }
  return ok(null);
}

/**
 * 3° or 6° for a user-defined CM: the zone prefix says it when present (3° zones 25–45, 6° zones 13–23); without one,
 * a CM that is a multiple of 3 but not of the 6° form (6n − 3) is 3°, else both fit and 3° is taken (the county's
 * large-scale work is 3°). The choice changes only the label, never the transform (the CM and FE are used as given).
 */
function guessWidth(cm: number, fe: number): 3 | 6 {
  const prefix = Math.floor(fe / 1e6);
  if (prefix >= 25 && prefix <= 45) return 3;
  if (prefix >= 13 && prefix <= 23) return 6;
  return (cm + 3) % 6 === 0 && cm % 3 !== 0 ? 6 : 3;
}

function rotated(gt: GeoTransform): boolean {
  const scale = Math.max(Math.abs(gt[1]), Math.abs(gt[5]));
  return Math.abs(gt[2]) > scale * 1e-9 || Math.abs(gt[4]) > scale * 1e-9;
}

/**
 * The image's georeferencing from its tags and sidecars. Order of evidence: the GeoTIFF tags (GDAL's own order), then
 * an .aux.xml, then a world file, for the transform; the GeoKeys, then the .aux.xml's SRS, then a .prj for the CRS.
 */
export function decideGeoref(tags: GeoTiffTags, side: GeoTiffSidecars = {}): Validation<Georef, GeorefRefusal> {
  const fromTags = transformFromTags(tags);
  if (!fromTags.ok) return fromTags;
  const aux = side.auxXml ? parseAuxXml(side.auxXml) : null;
  const tfw = side.tfw ? parseWorldFile(side.tfw) : null;
  let transform: GeoTransform | null = fromTags.value;
  let transformFrom: Georef['transformFrom'] = 'tags';
  if (!transform && aux?.transform) [transform, transformFrom] = [aux.transform, 'aux.xml'];
  if (!transform && tfw) [transform, transformFrom] = [tfw, 'tfw'];
  if (!transform) return fail('noGeoreferencing');
  if (rotated(transform)) return fail('rotated', 'transform', transform.join(','));

  const fromKeys = crsFromGeoKeys(tags.geoKeys);
  if (!fromKeys.ok) return fromKeys;
  let crs = fromKeys.value;
  let crsFrom: Georef['crsFrom'] = 'geokeys';
  let warnings: CrsWarning[] = [];
  for (const [text, from] of [
    [aux?.wkt, 'aux.xml'],
    [side.prj, 'prj'],
  ] as const) {
    if (crs || !text) continue;
    const g = parsePrj(text);
    if (g.kind !== 'known') return fail('unknownCrs', from, 'WKT not recognised');
    [crs, crsFrom, warnings] = [g.crs, from, g.warnings];
  }
  if (!crs) return fail('noCrs');
  if (crs.datum === 'Xian1980' || crs.datum === 'Beijing1954') warnings = [...warnings, { code: 'crs.localDatum', params: { datum: crs.datum } }];
  return ok({ transform, crs, transformFrom, crsFrom, warnings: dedupe(warnings) });
}

const dedupe = (ws: CrsWarning[]) => ws.filter((w, i) => ws.findIndex((x) => x.code === w.code) === i);

/** Pixel corner (col, row) → CRS coordinates. */
export const pixelToCrs = (gt: GeoTransform, col: number, row: number): [number, number] => [
  gt[0] + col * gt[1] + row * gt[2],
  gt[3] + col * gt[4] + row * gt[5],
];

/** CRS coordinates → pixel (col, row), for a north-up transform (rotation refused before). */
export const crsToPixel = (gt: GeoTransform, x: number, y: number): [number, number] => [(x - gt[0]) / gt[1], (y - gt[3]) / gt[5]];
