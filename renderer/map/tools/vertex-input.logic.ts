/**
 * A vertex typed by the user: Gauss-Krüger survey coordinates (X = north, Y = east, README Domain rule 4) in a CGCS2000
 * zone, or lon/lat degrees. Pure: text in, a lon/lat position (or a named reason) out.
 *
 * Accepted: "3875969.496, 39511268.446" (X then Y, as survey tables print them), "X=3875969.496 Y=39511268.446" and
 * "Y=… X=…", "117.1234567 35.0123456" (lon lat; lat lon is recognised too: China's longitudes and latitudes do not
 * overlap), "经度 117.1 纬度 35.0"; separated by commas (also "，" "、" "；"), spaces or tabs; full-width digits and
 * signs (NFKC).
 *
 * The zone: an 8-digit Y carries it (its first two digits: 25–45 are 3° zones, 13–23 are 6° zones); a 6-digit Y is in
 * the zone the caller gives (the layer's or the cell's) and is refused when there is none — never a silent guess.
 * An unlabelled pair whose first number has the zone prefix and whose second does not is taken as Y, X.
 */
import { makeGkToLngLat } from '../../../shared/domain/crs/transform';
import { inChinaLngLat } from '../../../shared/domain/crs/detect';
import { centralMeridianOfZone, isChinaZone } from '../../../shared/domain/crs/zones';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { LngLat } from './tool-machine.logic';

export type VertexInputRefusal =
  /** Nothing typed. */
  | 'empty'
  /** Not two numbers (or X/Y, lon/lat labels that do not pair up). */
  | 'unreadable'
  /** A Y without the zone prefix, and no zone given. */
  | 'zoneNeeded'
  /** An 8-digit Y whose first two digits are no CGCS2000 zone in China (3° 25–45, 6° 13–23). */
  | 'badZone'
  /** The position falls outside China (3–54°N, 73–135°E). */
  | 'outsideChina';

export type ParsedVertex =
  | { ok: true; kind: 'lngLat'; lngLat: LngLat }
  | { ok: true; kind: 'gk'; xNorth: number; yEast: number; zone: GkZoneRef; zonePrefix: boolean; lngLat: LngLat }
  | { ok: false; reason: VertexInputRefusal };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** A number after a label: "X=…", "x: …", "X …". */
const LABELLED = /(x|y|lon|lng|lat|经度|纬度)\s*[=:]?\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))/gi;

/** Full-width forms to ASCII (NFKC), Chinese separators to commas, lower case. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[、；;，]/g, ',')
    .replace(/\u3000/g, ' ')
    .trim()
    .toLowerCase();
}

const isZonePrefixed = (yEast: number): boolean => yEast >= 1e7;

/** The zone of an 8-digit Y (its millions), or null when that is no zone in China. */
function zoneOfPrefix(yEast: number): GkZoneRef | null {
  const zone = Math.floor(yEast / 1e6);
  const width = zone >= 25 ? 3 : 6;
  if (!isChinaZone(width, zone)) return null;
  return { width, zone, centralMeridian: centralMeridianOfZone(width, zone) };
}

function fromGk(xNorth: number, yEast: number, zone: GkZoneRef | null): ParsedVertex {
  const prefixed = isZonePrefixed(yEast);
  const z = prefixed ? zoneOfPrefix(yEast) : zone;
  if (!z) return { ok: false, reason: prefixed ? 'badZone' : 'zoneNeeded' };
  const lngLat = makeGkToLngLat(z, prefixed)(yEast, xNorth);
  if (!Number.isFinite(lngLat[0]) || !Number.isFinite(lngLat[1]) || !inChinaLngLat(lngLat[0], lngLat[1]))
    return { ok: false, reason: 'outsideChina' };
  return { ok: true, kind: 'gk', xNorth, yEast, zone: z, zonePrefix: prefixed, lngLat };
}

function fromDegrees(a: number, b: number): ParsedVertex {
  if (inChinaLngLat(a, b)) return { ok: true, kind: 'lngLat', lngLat: [a, b] };
  if (inChinaLngLat(b, a)) return { ok: true, kind: 'lngLat', lngLat: [b, a] };
  return { ok: false, reason: 'outsideChina' };
}

/** Degrees have at most 3 integer digits; survey coordinates have 6 or more. */
const looksLikeDegrees = (v: number): boolean => Math.abs(v) <= 180;

function fromLabels(text: string, zone: GkZoneRef | null): ParsedVertex | null {
  const found = new Map<string, number>();
  for (const m of text.matchAll(LABELLED)) {
    const label = m[1] === 'lng' ? 'lon' : m[1] === '经度' ? 'lon' : m[1] === '纬度' ? 'lat' : (m[1] as string);
    if (found.has(label)) return { ok: false, reason: 'unreadable' };
    found.set(label, Number(m[2]));
  }
  if (found.size === 0) return null;
  const x = found.get('x');
  const y = found.get('y');
  const lon = found.get('lon');
  const lat = found.get('lat');
  if (found.size === 2 && x !== undefined && y !== undefined) return fromGk(x, y, zone);
  if (found.size === 2 && lon !== undefined && lat !== undefined)
    return inChinaLngLat(lon, lat) ? { ok: true, kind: 'lngLat', lngLat: [lon, lat] } : { ok: false, reason: 'outsideChina' };
  return { ok: false, reason: 'unreadable' };
}

/** Reads a typed vertex; `zone` is the zone a Y without its prefix is in (null: none known). */
export function parseVertexInput(text: string, zone: GkZoneRef | null): ParsedVertex {
  const s = normalise(text);
  if (s === '') return { ok: false, reason: 'empty' };
  const labelled = fromLabels(s, zone);
  if (labelled) return labelled;
  const parts = s.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) return { ok: false, reason: 'unreadable' };
  const a = Number(parts[0]);
  const b = Number(parts[1]);
  if (looksLikeDegrees(a) && looksLikeDegrees(b)) return fromDegrees(a, b);
  if (looksLikeDegrees(a) || looksLikeDegrees(b)) return { ok: false, reason: 'unreadable' };
  // X first (survey order), unless only the first carries a zone prefix: then it is Y.
  if (isZonePrefixed(a) && !isZonePrefixed(b)) return fromGk(b, a, zone);
  return fromGk(a, b, zone);
}
