/**
 * Survey points from lon/lat files: GPX waypoints (a handheld's J1…Jn) or, without waypoints, a track, route or
 * KML polygon's vertices; KML/KMZ placemarks alike. Points are projected into a CGCS2000 3° (or 6°) Gauss-Krüger
 * zone — the one the caller names, else the zone of their mean longitude — with the zone prefix, so every later
 * step sees survey coordinates. The file's datum is not known (GPX and KML say WGS-84, which is CGCS2000 to the
 * cm; 奥维 files are GCJ-02, hundreds of metres off): nothing is shifted, and the issues say what was assumed.
 */
import { kml } from '@tmcw/togeojson';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { gkZoneForLongitude, makeLngLatToGk } from '../../domain/crs/transform';
import { centralMeridianOfZone } from '../../domain/crs/zones';
import { trackDatum } from '../track/datum';
import { readGpxText, rootElementName } from '../track/gpx-sax';
import { parseXml } from '../track/xml';
import { xmlText } from '../track/xml-text';
import { unzipInputs } from '../zip/unzip';
import { baseName } from './cass';
import { ringOf, ringsOfSequence } from './rings';
import type { DeclaredZone, SurveyFile, SurveyFormat, SurveyIssue, SurveyPlotInput, SurveyPoint, SurveyRing } from './types';

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const good = (p: Position): boolean =>
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]) &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;

const nameOf = (f: Feature<Geometry | null>): string => {
  const n = (f.properties as { name?: unknown } | null)?.name;
  return typeof n === 'string' ? n.trim() : '';
};

const pointsOf = (coords: Position[], base: string): SurveyPoint[] =>
  coords.filter(good).map((c, i) => ({ name: `${base}${i + 1}`, x: c[1] as number, y: c[0] as number, lngLat: [c[0] as number, c[1] as number] }));

/** The plots of a FeatureCollection: its named points as one plot (in file order), else one plot per line or polygon. */
function plotsOf(fc: FeatureCollection<Geometry | null>, fallback: string): { plots: SurveyPlotInput[]; ignored: number } {
  const wpts: SurveyPoint[] = [];
  const shapes: SurveyPlotInput[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g?.type === 'Point' && good(g.coordinates)) {
      const [lng, lat] = g.coordinates as [number, number];
      wpts.push({ name: nameOf(f) || `J${wpts.length + 1}`, x: lat, y: lng, lngLat: [lng, lat] });
    } else if (g?.type === 'LineString') shapes.push({ name: nameOf(f) || fallback, rings: ringsOfSequence(pointsOf(g.coordinates, 'J')) });
    else if (g?.type === 'Polygon')
      shapes.push({
        name: nameOf(f) || fallback,
        rings: g.coordinates.map((r, i): SurveyRing => ringOf(i + 1, pointsOf(r, i === 0 ? 'J' : `K${i}-`))),
      });
  }
  if (wpts.length >= 3) return { plots: [{ name: fallback, rings: ringsOfSequence(wpts) }], ignored: shapes.length };
  return { plots: shapes.filter((s) => s.rings.some((r) => r.points.length > 0)), ignored: wpts.length };
}

function fail(file: string, format: SurveyFormat | null, code: SurveyIssue['code'], params?: SurveyIssue['params']): SurveyFile {
  return { file, format, encoding: 'utf-8', plots: [], issues: [{ code, severity: 'error', file, ...(params ? { params } : {}) }] };
}

/** Reads a GPX, KML or KMZ (or 奥维 .ovkml/.ovkmz) file's points, still in lon/lat (see projectLngLat). */
export function readLngLatFile(file: string, bytes: Uint8Array): SurveyFile {
  if (bytes.length === 0) return fail(file, null, 'survey.empty');
  let xmlBytes = bytes;
  let kmz = false;
  if (isZip(bytes)) {
    const z = unzipInputs({ path: file, bytes }, { members: /\.kml$/i, maxUncompressedBytes: 64 * 1024 ** 2 });
    const main = z.files.find((f) => /(^|\/)doc\.kml$/i.test(f.path)) ?? z.files[0];
    if (!main) return fail(file, 'kmz', 'survey.kmzNoKml');
    xmlBytes = main.bytes;
    kmz = true;
  }
  const issues: SurveyIssue[] = [];
  const decoded = xmlText(xmlBytes);
  if (decoded.assumed)
    issues.push({
      code: 'survey.encodingAssumed',
      severity: 'warning',
      file,
      params: { declared: decoded.assumed.declared ?? '-', used: decoded.encoding },
    });
  let fc: FeatureCollection<Geometry | null>;
  let format: SurveyFormat;
  try {
    if (rootElementName(decoded.text) === 'gpx') {
      const g = readGpxText(decoded.text);
      if (!g.ok) return fail(file, 'gpx', 'survey.badXml', { reason: g.reason });
      fc = g.fc;
      format = 'gpx';
    } else {
      const x = parseXml(decoded.text);
      if (!x.ok) return fail(file, kmz ? 'kmz' : 'kml', 'survey.badXml', { reason: x.reason });
      if (x.root !== 'kml') return fail(file, null, 'survey.badXml', { reason: `<${x.root}>` });
      fc = kml(x.doc);
      format = kmz ? 'kmz' : 'kml';
    }
  } catch (e) {
    return fail(file, null, 'survey.badXml', { reason: e instanceof Error ? e.message : String(e) });
  }
  const { plots, ignored } = plotsOf(fc, baseName(file));
  if (plots.length === 0)
    return { file, format, encoding: decoded.encoding, plots: [], issues: [...issues, { code: 'survey.noPoints', severity: 'error', file }] };
  if (ignored > 0) issues.push({ code: 'survey.otherFeaturesIgnored', severity: 'info', file, params: { count: ignored } });
  if (trackDatum(file, decoded.text) === 'gcj02-likely') issues.push({ code: 'survey.gcj02Likely', severity: 'warning', file });
  return { file, format, encoding: decoded.encoding, plots, issues };
}

/** Does any point of the file still wait for projection (a lon/lat file, or a lon/lat CSV mapping)? */
export const hasLngLatPoints = (f: SurveyFile): boolean => f.plots.some((p) => p.rings.some((r) => r.points.some((q) => q.lngLat)));

/**
 * The file with its lon/lat points projected into CGCS2000 GK (`zone` when given, else the 3° zone of the points'
 * mean longitude), Y with the zone prefix; `survey.lngLatPoints` says which zone and that the datum was assumed.
 */
export function projectLngLat(f: SurveyFile, zone?: DeclaredZone): SurveyFile {
  const all = f.plots.flatMap((p) => p.rings.flatMap((r) => r.points)).filter((p) => p.lngLat);
  if (all.length === 0) return f;
  const meanLng = all.reduce((s, p) => s + (p.lngLat as [number, number])[0], 0) / all.length;
  const ref = zone
    ? { width: zone.width, zone: zone.zone, centralMeridian: centralMeridianOfZone(zone.width, zone.zone) }
    : gkZoneForLongitude(meanLng, 3);
  const toGk = makeLngLatToGk(ref, true);
  const project = (p: SurveyPoint): SurveyPoint => {
    if (!p.lngLat) return p;
    const { x, y } = toGk(p.lngLat[0], p.lngLat[1]);
    return { ...p, x, y };
  };
  const plots = f.plots.map((p) => ({
    ...p,
    rings: p.rings.map((r) => ({ ...r, points: r.points.map(project), ...(r.closingPoint ? { closingPoint: project(r.closingPoint) } : {}) })),
  }));
  const source = zone ? 'option' : 'longitude';
  return {
    ...f,
    plots,
    projectedInto: { width: ref.width, zone: ref.zone, source },
    issues: [...f.issues, { code: 'survey.lngLatPoints', severity: 'info', file: f.file, params: { zone: ref.zone, width: ref.width, source } }],
  };
}
