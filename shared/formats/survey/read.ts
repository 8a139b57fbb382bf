/**
 * One surveyor's file → its plots, the format decided by extension and content: .gpx/.kml/.kmz/.ovkml/.ovkmz (and any
 * zip or XML) → lon/lat points projected into a zone; a text that looks like a 报盘 file → baopan.ts; .csv, or a
 * text whose first row is a header → csv.ts with the suggested mapping; any other text → cass.ts. Never throws.
 */
import { readBaopan, looksLikeBaopan } from './baopan';
import { readCass } from './cass';
import { readCsv } from './csv';
import { projectLngLat, readLngLatFile, hasLngLatPoints } from './lnglat';
import { decodeSurveyText } from './text';
import type { DeclaredZone, SurveyFile } from './types';

export const SURVEY_EXTENSIONS: readonly string[] = ['dat', 'txt', 'csv', 'gpx', 'kml', 'kmz', 'ovkml', 'ovkmz'];
const LNGLAT_EXTENSIONS = new Set(['gpx', 'kml', 'kmz', 'ovkml', 'ovkmz', 'xml']);

const extOf = (path: string): string => /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

export interface ReadSurveyOptions {
  /** The zone lon/lat points go into (--zone, or the user's choice); else the zone of their mean longitude. */
  zone?: DeclaredZone;
}

export function readSurveyFile(file: string, bytes: Uint8Array, opts: ReadSurveyOptions = {}): SurveyFile {
  if (bytes.length === 0) return { file, format: null, encoding: 'utf-8', plots: [], issues: [{ code: 'survey.empty', severity: 'error', file }] };
  const ext = extOf(file);
  const zipOrXml = (bytes[0] === 0x50 && bytes[1] === 0x4b) || /^\s*</.test(decodeSurveyText(bytes.subarray(0, 64)).text.replace(/^\uFEFF/, ''));
  let read: SurveyFile;
  if (LNGLAT_EXTENSIONS.has(ext) || zipOrXml) read = readLngLatFile(file, bytes);
  else if (!['dat', 'txt', 'csv'].includes(ext) && ext !== '')
    return {
      file,
      format: null,
      encoding: 'utf-8',
      plots: [],
      issues: [{ code: 'survey.unsupportedType', severity: 'error', file, params: { ext } }],
    };
  else {
    const text = decodeSurveyText(bytes).text;
    if (looksLikeBaopan(text)) read = readBaopan(file, bytes);
    else if (ext === 'csv') read = readCsv(file, bytes).file;
    else read = readCass(file, bytes);
  }
  return hasLngLatPoints(read) ? projectLngLat(read, opts.zone) : read;
}
