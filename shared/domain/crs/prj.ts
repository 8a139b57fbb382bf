/**
 * .prj (WKT) → CrsGuess. Handles OGC WKT1 as GDAL writes it, ESRI WKT1 (PROJECTION["Gauss_Kruger"],
 * GCS_China_Geodetic_Coordinate_System_2000, D_China_2000 …) and WKT2 (PROJCRS/BASEGEOGCRS/CONVERSION/
 * METHOD["Transverse Mercator"]), with BOM, CRLF and stray whitespace.
 *
 * The datum and zone decisions are ours (proj4 can parse these strings, but its ESRI name handling is
 * not something we want evidence figures to depend on): datum from the GEOGCS/DATUM names, zone from
 * central meridian + false easting (prefix: FE = zone × 1e6 + 500 000), 3° vs 6° from the name and the
 * CM. Parameters that fit an EPSG code map to it; other GK parameters still give a usable CrsInfo.
 */
import type { CrsGuess, CrsWarning } from './types';
import { geographicCrs, gkCrs, isChinaZone, isLocalDatum, zoneOfCentralMeridian, type GkDatum, type GkWidth } from './zones';

type Datum4 = 'CGCS2000' | 'WGS84' | 'Xian1980' | 'Beijing1954';

/** Upper case, every run of non-alphanumerics → "_": "China Geodetic Coordinate System 2000" → CHINA_GEODETIC_COORDINATE_SYSTEM_2000. */
const norm = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

function datumOf(text: string): Datum4 | null {
  const t = norm(text);
  if (/CHINA_2000|CGCS_?2000|CHINA_GEODETIC_COORDINATE_SYSTEM_2000/.test(t)) return 'CGCS2000';
  if (/XIAN_?1980|XIAN_?80/.test(t)) return 'Xian1980';
  if (/BEIJING_?1954|BEIJING_?54/.test(t)) return 'Beijing1954';
  if (/WGS_?1984|WGS_?84/.test(t)) return 'WGS84';
  return null;
}

/** PARAMETER["name", value] (WKT1) or PARAMETER["name", value, …] (WKT2), by normalised name. */
function params(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /PARAMETER\s*\[\s*"([^"]+)"\s*,\s*([-+0-9.eE]+)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) out.set(norm(m[1] ?? ''), Number(m[2]));
  return out;
}

const first = (p: Map<string, number>, names: string[]): number | undefined => {
  for (const n of names) {
    const v = p.get(n);
    if (v !== undefined) return v;
  }
  return undefined;
};

const unrecognised = (): CrsGuess => ({ kind: 'ask-user', reason: 'prj-unrecognised', candidates: [], warnings: [] });

export function parsePrj(text: string): CrsGuess {
  const wkt = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  const head = /^\s*([A-Z_]+)\s*\[\s*"([^"]*)"/i.exec(wkt);
  if (!head) return unrecognised();
  const keyword = (head[1] ?? '').toUpperCase();
  const name = head[2] ?? '';
  const datum = datumOf(wkt.slice(0, Math.max(wkt.search(/PROJECTION|CONVERSION|METHOD/i), 0) || wkt.length));
  if (!datum) return unrecognised();
  const warnings: CrsWarning[] = isLocalDatum(datum) ? [{ code: 'crs.localDatum', params: { datum } }] : [];

  if (keyword === 'GEOGCS' || keyword === 'GEOGCRS' || keyword === 'GEODCRS') {
    return { kind: 'known', crs: geographicCrs(datum, 'prj'), warnings };
  }
  if (keyword !== 'PROJCS' && keyword !== 'PROJCRS') return unrecognised();

  const method = /(?:PROJECTION|METHOD)\s*\[\s*"([^"]+)"/i.exec(wkt)?.[1] ?? '';
  if (!/^(TRANSVERSE_MERCATOR|GAUSS_KRUGER|GAUSS_KRUEGER)$/.test(norm(method))) return unrecognised();
  if (datum === 'WGS84') return unrecognised(); // WGS84 TM (UTM) is not a Chinese survey CRS

  const p = params(wkt);
  const cm = first(p, ['CENTRAL_MERIDIAN', 'LONGITUDE_OF_NATURAL_ORIGIN', 'LONGITUDE_OF_CENTER']);
  const fe = first(p, ['FALSE_EASTING']) ?? 0;
  const fn = first(p, ['FALSE_NORTHING']) ?? 0;
  const k = first(p, ['SCALE_FACTOR', 'SCALE_FACTOR_AT_NATURAL_ORIGIN']) ?? 1;
  const lat0 = first(p, ['LATITUDE_OF_ORIGIN', 'LATITUDE_OF_NATURAL_ORIGIN']) ?? 0;
  // Gauss-Krüger in China: k = 1, origin on the equator, no false northing.
  if (cm === undefined || k !== 1 || lat0 !== 0 || fn !== 0) return unrecognised();

  const width = widthOf(name, cm, fe);
  return { kind: 'known', crs: gkCrs({ datum: datum as GkDatum, width, centralMeridian: cm, falseEasting: fe }, 'prj'), warnings };
}

/** 3° or 6°: the name says so ("3_Degree", "3-degree"); else a prefixed false easting names the zone
 *  (13–23 → 6°, 25–45 → 3°, README Domain rule 4); else a CM of the form 6n − 3 in a name without "3 degree" is 6°. */
function widthOf(name: string, cm: number, fe: number): GkWidth {
  const n = norm(name);
  if (/(^|_)3_DEGREE/.test(n)) return 3;
  if (/(^|_)6_DEGREE/.test(n)) return 6;
  const prefixZone = Math.floor(fe / 1_000_000);
  if (isChinaZone(6, prefixZone) && zoneOfCentralMeridian(6, cm) === prefixZone) return 6;
  if (isChinaZone(3, prefixZone) && zoneOfCentralMeridian(3, cm) === prefixZone) return 3;
  if (/GAUSS|GK/.test(n) && zoneOfCentralMeridian(6, cm) !== null) return 6;
  return 3;
}
