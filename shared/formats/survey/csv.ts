/**
 * Delimited text of points (Excel CSV, handheld TXT exports) with or without a header: the columns are listed with
 * samples so the column mapping dialog can show them, `suggestMapping` proposes which column is the name, X (north),
 * Y (east) and H — from the header's words and from the magnitudes (columns.ts) — and `applyMapping` turns rows
 * into points. A mapping may also name longitude/latitude columns (`kind: 'lnglat'`): those points are projected
 * into a CGCS2000 zone by lnglat.ts, as GPX points are.
 */
import { badLinesIssue, baseName } from './cass';
import { isEastingLike, isLatitudeLike, isLongitudeLike, isNorthingLike } from './columns';
import { ringsOfSequence } from './rings';
import { decodeSurveyText, parseSurveyNumber, splitLines } from './text';
import type { SurveyFile, SurveyIssue, SurveyPoint } from './types';

export type Delimiter = ',' | '\t' | ';' | '，' | ' ';

export interface CsvColumn {
  index: number;
  /** The header's text, or null when the file has no header row. */
  header: string | null;
  /** The first values of the column (up to SAMPLE_ROWS), as written. */
  samples: string[];
}

export interface ParsedCsv {
  delimiter: Delimiter;
  hasHeader: boolean;
  columns: CsvColumn[];
  /** Data rows with their 1-based line numbers. */
  rows: { line: number; fields: string[] }[];
  encoding: string;
  assumedGbk: boolean;
}

export const SAMPLE_ROWS = 5;

/** One CSV line's fields (RFC 4180 quotes for the comma; other delimiters split plainly). */
export function splitDelimited(line: string, d: Delimiter): string[] {
  if (d === ' ') return line.trim().split(/\s+/);
  if (d !== ',') return line.split(d).map((s) => s.trim());
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** The delimiter that splits the first lines into the same number (≥ 2) of fields most often. */
function chooseDelimiter(lines: string[]): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of [',', '\t', ';', '，', ' '] as const) {
    const counts = lines.map((l) => splitDelimited(l, d).length);
    const common = counts.filter((c) => c === counts[counts.length - 1] && c >= 2).length;
    const score = common * 10 + (counts[counts.length - 1] ?? 0);
    if (common > 0 && score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const isNumber = (s: string | undefined): boolean => parseSurveyNumber(s) !== null;

export function parseDelimited(bytes: Uint8Array): ParsedCsv {
  const decoded = decodeSurveyText(bytes);
  const all = splitLines(decoded.text)
    .map((text, i) => ({ line: i + 1, text: text.replace(/^\uFEFF/, '') }))
    .filter((l) => l.text.trim() !== '' && !/^(#|\/\/)/.test(l.text.trim()));
  const delimiter = chooseDelimiter(all.slice(0, 20).map((l) => l.text));
  const split = all.map((l) => ({ line: l.line, fields: splitDelimited(l.text, delimiter) }));
  // A header: the first row has a non-number where the rows below hold numbers.
  const [first, ...below] = split;
  const hasHeader =
    !!first && below.length > 0 && first.fields.some((f, i) => !isNumber(f) && f !== '' && below.slice(0, 5).every((r) => isNumber(r.fields[i])));
  const rows = hasHeader ? below : split;
  const width = Math.max(0, ...split.map((r) => r.fields.length));
  const columns: CsvColumn[] = [];
  for (let i = 0; i < width; i++)
    columns.push({
      index: i,
      header: hasHeader ? (first?.fields[i] ?? '') : null,
      samples: rows.slice(0, SAMPLE_ROWS).map((r) => r.fields[i] ?? ''),
    });
  return { delimiter, hasHeader, columns, rows, encoding: decoded.encoding, assumedGbk: decoded.assumedGbk };
}

export interface ColumnMapping {
  /** 'gk': x = north, y = east in metres; 'lnglat': x = latitude, y = longitude in degrees. */
  kind: 'gk' | 'lnglat';
  name: number | null;
  x: number;
  y: number;
  h?: number;
}

export type MappingSuggestion =
  { ok: true; mapping: ColumnMapping; /** How X and Y were chosen. */ by: 'header' | 'magnitude' } | { ok: false; reason: 'noCoordinateColumns' };

const NAME_WORDS = /^(点名|点号|名称|界址点号?|编号|序号|name|id|point|pt|no\.?)$/i;
const NORTH_WORDS = /^(x|x坐标|北坐标|纵坐标|north(ing)?|n)$/i;
const EAST_WORDS = /^(y|y坐标|东坐标|横坐标|east(ing)?|e)$/i;
const H_WORDS = /^(h|z|高程|高度|elev(ation)?|alt(itude)?)$/i;
const LNG_WORDS = /^(经度|lon|lng|long|longitude)$/i;
const LAT_WORDS = /^(纬度|lat|latitude)$/i;

const numbers = (c: CsvColumn): number[] | null => {
  const v = c.samples.filter((s) => s !== '').map((s) => parseSurveyNumber(s));
  return v.length > 0 && v.every((n) => n !== null) ? (v as number[]) : null;
};
const all = (c: CsvColumn, test: (v: number) => boolean): boolean => numbers(c)?.every(test) ?? false;
const headerIs = (c: CsvColumn, re: RegExp): boolean => c.header !== null && re.test(c.header.trim());

/**
 * The mapping the dialog proposes. Magnitudes decide X and Y when they can (a column of 1e6–6.5e6 is north, one
 * of 1e5–1e6 or zone-prefixed 8 digits is east), because "X" and "Y" mean the other way round in GIS exports;
 * the header's words decide otherwise (X坐标/北坐标 → north), and longitude/latitude columns make a lon/lat mapping.
 */
export function suggestMapping(columns: readonly CsvColumn[]): MappingSuggestion {
  const north = columns.find((c) => all(c, isNorthingLike));
  const east = columns.find((c) => c !== north && all(c, isEastingLike));
  const nameCol =
    columns.find((c) => headerIs(c, NAME_WORDS)) ?? columns.find((c) => numbers(c) === null && c.samples.some((s) => s !== '')) ?? columns[0];
  const rest = (used: (CsvColumn | undefined)[]) => columns.filter((c) => !used.includes(c));
  const hOf = (used: (CsvColumn | undefined)[]): number | undefined => rest(used).find((c) => headerIs(c, H_WORDS) && numbers(c))?.index;
  const name = nameCol && nameCol !== north && nameCol !== east ? nameCol.index : null;
  if (north && east) {
    const h = hOf([north, east, nameCol]);
    return { ok: true, by: 'magnitude', mapping: { kind: 'gk', name, x: north.index, y: east.index, ...(h !== undefined ? { h } : {}) } };
  }
  const hx = columns.find((c) => headerIs(c, NORTH_WORDS) && numbers(c));
  const hy = columns.find((c) => c !== hx && headerIs(c, EAST_WORDS) && numbers(c));
  if (hx && hy) {
    const h = hOf([hx, hy, nameCol]);
    return { ok: true, by: 'header', mapping: { kind: 'gk', name, x: hx.index, y: hy.index, ...(h !== undefined ? { h } : {}) } };
  }
  const lng = columns.find((c) => (headerIs(c, LNG_WORDS) || c.header === null) && all(c, isLongitudeLike));
  const lat = columns.find((c) => c !== lng && (headerIs(c, LAT_WORDS) || c.header === null) && all(c, isLatitudeLike));
  if (lng && lat) {
    const h = hOf([lng, lat, nameCol]);
    return {
      ok: true,
      by: lng.header === null ? 'magnitude' : 'header',
      mapping: { kind: 'lnglat', name, x: lat.index, y: lng.index, ...(h !== undefined ? { h } : {}) },
    };
  }
  return { ok: false, reason: 'noCoordinateColumns' };
}

/** Rows → points under `mapping` (GK or lon/lat: see ColumnMapping), as one plot; bad rows named by line. */
export function applyMapping(file: string, parsed: ParsedCsv, mapping: ColumnMapping): SurveyFile {
  const issues: SurveyIssue[] = [];
  if (parsed.assumedGbk) issues.push({ code: 'survey.encodingGbk', severity: 'info', file });
  const points: SurveyPoint[] = [];
  const bad: number[] = [];
  for (const r of parsed.rows) {
    const x = parseSurveyNumber(r.fields[mapping.x]);
    const y = parseSurveyNumber(r.fields[mapping.y]);
    if (x === null || y === null) {
      bad.push(r.line);
      continue;
    }
    const name = mapping.name === null ? '' : (r.fields[mapping.name] ?? '').trim();
    const p: SurveyPoint = { name: name || `J${points.length + 1}`, x, y, line: r.line };
    if (mapping.kind === 'lnglat') p.lngLat = [y, x];
    const h = mapping.h === undefined ? null : parseSurveyNumber(r.fields[mapping.h]);
    if (h !== null) p.h = h;
    points.push(p);
  }
  if (bad.length) issues.push(badLinesIssue(file, bad));
  if (points.length === 0)
    return { file, format: 'csv', encoding: parsed.encoding, plots: [], issues: [...issues, { code: 'survey.noPoints', severity: 'error', file }] };
  const rings = ringsOfSequence(points);
  if (rings.length > 1) issues.push({ code: 'survey.severalRings', severity: 'info', file, params: { count: rings.length } });
  return { file, format: 'csv', encoding: parsed.encoding, plots: [{ name: baseName(file), rings }], issues };
}

/** A CSV read with the suggested mapping (the batch command has no dialog): an error issue when none fits. */
export function readCsv(file: string, bytes: Uint8Array): { file: SurveyFile; mapping: ColumnMapping | null } {
  if (bytes.length === 0)
    return {
      file: { file, format: 'csv', encoding: 'utf-8', plots: [], issues: [{ code: 'survey.empty', severity: 'error', file }] },
      mapping: null,
    };
  const parsed = parseDelimited(bytes);
  const s = suggestMapping(parsed.columns);
  if (!s.ok)
    return {
      file: {
        file,
        format: 'csv',
        encoding: parsed.encoding,
        plots: [],
        issues: [{ code: 'survey.csvNoCoordinates', severity: 'error', file, params: { columns: parsed.columns.length } }],
      },
      mapping: null,
    };
  return { file: applyMapping(file, parsed, s.mapping), mapping: s.mapping };
}
