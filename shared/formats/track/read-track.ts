/**
 * One file → its tracks: GPX (trk/trkseg/trkpt with times; rte as a track; wpt ignored), KML and 奥维 .ovkml
 * (LineString, MultiGeometry, gx:Track and gx:MultiTrack with when/coord), KMZ and .ovkmz (a zip holding the KML).
 * The format is decided by the bytes (a zip, a <gpx> or <kml> root), the extension only names the datum hint.
 * GPX is read by a streaming parser (gpx-sax.ts: 20,000 points in a tenth of the time), KML by togeojson over
 * xmldom's DOM; both run in a worker and in Node alike. Nothing throws: a bad file
 * gives no tracks and an error issue naming it, in the i18n style of the importer (shared/i18n/track.ts).
 */
import { kml } from '@tmcw/togeojson';
import type { FeatureCollection, Geometry } from 'geojson';
import { unzipInputs } from '../zip/unzip';
import type { InputFile } from '../types';
import { trackDatum } from './datum';
import { readGpxText, rootElementName } from './gpx-sax';
import { tracksFromGeoJson } from './to-tracks';
import type { TrackFile, TrackFormat, TrackIssue } from './types';
import { parseXml } from './xml';
import { xmlText } from './xml-text';

/** The extensions a track may come in. */
export const TRACK_EXTENSIONS: readonly string[] = ['gpx', 'kml', 'kmz', 'ovkml', 'ovkmz'];

/** A KMZ unpacks to its KML only; 64 MiB of XML is far beyond any day's track and stops a zip bomb early. */
const KMZ_LIMIT_BYTES = 64 * 1024 ** 2;

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** "巡查/0420.gpx" → "0420". */
export const baseName = (path: string): string => (path.split(/[/\\]/).pop() ?? path).replace(/\.[^.]*$/, '') || path;

const extOf = (path: string): string => /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

const failed = (file: string, format: TrackFormat | null, issue: Omit<TrackIssue, 'file' | 'severity'>): TrackFile => ({
  file,
  format,
  datum: trackDatum(file, null),
  tracks: [],
  issues: [{ ...issue, severity: 'error', file }],
});

/** An XML track file (GPX or KML) from its bytes; `label` names it in issues, `nameFile` gives unnamed tracks a name. */
function readXml(label: string, bytes: Uint8Array, nameFile: string, kmz: boolean): TrackFile {
  const issues: TrackIssue[] = [];
  const decoded = xmlText(bytes);
  if (decoded.assumed)
    issues.push({
      code: 'track.encodingAssumed',
      severity: 'warning',
      file: label,
      params: { declared: decoded.assumed.declared ?? '-', used: decoded.encoding },
    });
  let fc: FeatureCollection<Geometry | null>;
  let format: TrackFormat;
  if (rootElementName(decoded.text) === 'gpx') {
    const g = readGpxText(decoded.text);
    if (!g.ok) return failed(label, kmz ? 'kmz' : null, { code: 'track.badXml', params: { reason: g.reason } });
    format = 'gpx';
    fc = g.fc;
  } else {
    const parsed = parseXml(decoded.text);
    if (!parsed.ok) return failed(label, kmz ? 'kmz' : null, { code: 'track.badXml', params: { reason: parsed.reason } });
    if (parsed.root !== 'kml') return failed(label, kmz ? 'kmz' : null, { code: 'track.notTrackFile', params: { root: parsed.root } });
    format = kmz ? 'kmz' : 'kml';
    fc = kml(parsed.doc);
  }
  const datum = trackDatum(nameFile, decoded.text);
  const r = tracksFromGeoJson(fc, baseName(nameFile));
  if (r.tracks.length === 0)
    return {
      file: label,
      format,
      datum,
      tracks: [],
      issues: [...issues, { code: 'track.noTracks', severity: 'error', file: label, params: { others: r.othersIgnored } }],
    };
  if (r.badPoints > 0) issues.push({ code: 'track.badPoints', severity: 'warning', file: label, params: { count: r.badPoints } });
  if (r.timesMismatched.length > 0)
    issues.push({ code: 'track.timesMismatch', severity: 'warning', file: label, params: { tracks: r.timesMismatched.join('、') } });
  if (r.timesWithoutZone > 0) issues.push({ code: 'track.timesWithoutZone', severity: 'info', file: label, params: { count: r.timesWithoutZone } });
  if (r.othersIgnored > 0) issues.push({ code: 'track.othersIgnored', severity: 'info', file: label, params: { count: r.othersIgnored } });
  if (datum === 'gcj02-likely') issues.push({ code: 'track.gcj02Likely', severity: 'warning', file: label });
  return { file: label, format, datum, tracks: r.tracks, issues };
}

function readKmz(file: InputFile): TrackFile {
  const z = unzipInputs(file, { members: /\.kml$/i, maxUncompressedBytes: KMZ_LIMIT_BYTES });
  const bad = z.issues.find((i) => i.severity === 'error');
  // The zip reader's own issue names the member and says why (damaged, a zip bomb …).
  if (bad)
    return {
      ...failed(file.path, 'kmz', { code: 'track.kmzNoKml' }),
      issues: [{ code: bad.code as TrackIssue['code'], severity: 'error', file: bad.file, ...(bad.params ? { params: bad.params } : {}) }],
    };
  // Google Earth names the main one doc.kml; otherwise the first KML at the top level, else the first at all.
  const kmls = z.files;
  const main = kmls.find((f) => /(^|\/)doc\.kml$/i.test(f.path)) ?? kmls.find((f) => !f.path.slice(file.path.length + 1).includes('/')) ?? kmls[0];
  if (!main) return failed(file.path, 'kmz', { code: 'track.kmzNoKml' });
  const r = readXml(main.path, main.bytes, file.path, true);
  const warnings: TrackIssue[] = z.issues.map((i) => ({
    code: i.code as TrackIssue['code'],
    severity: i.severity,
    file: i.file,
    ...(i.params ? { params: i.params } : {}),
  }));
  return { ...r, file: file.path, format: r.format ?? 'kmz', issues: [...warnings, ...r.issues] };
}

/** Reads one track file. Never throws. */
export function readTrackFile(file: InputFile): TrackFile {
  try {
    if (file.bytes.length === 0) return failed(file.path, null, { code: 'track.empty' });
    if (isZip(file.bytes)) return readKmz(file);
    const ext = extOf(file.path);
    if (!TRACK_EXTENSIONS.includes(ext) && ext !== 'xml') return failed(file.path, null, { code: 'track.unsupportedType', params: { ext } });
    return readXml(file.path, file.bytes, file.path, false);
  } catch (e) {
    // togeojson on a document it did not expect, or anything else: still the file's problem, said as one.
    return failed(file.path, null, { code: 'track.badXml', params: { reason: e instanceof Error ? e.message : String(e) } });
  }
}
