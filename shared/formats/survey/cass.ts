/**
 * CASS `.dat` point files (南方 CASS, the RTK and total-station software of Chinese survey work): one point a line,
 * `点名,编码,Y(east),X(north),H`, half-width commas, 编码 often empty (`1,,365760.368,2936912.007,1118.852`).
 * Variants met in the field: blank- or tab-separated, no 编码, no H, and X before Y. The order is decided from the
 * magnitudes (columns.ts) over the whole file and said as an issue (`survey.columnsYX` / `survey.columnsXY`); when
 * the numbers cannot tell (a local grid), CASS's own order Y, X is kept and `survey.columnsUndecided` says so.
 * Blank lines and comments (#, //, ;) are skipped; a header line before the first point is skipped and named;
 * any other line that is not a point is reported with its line number. A point that returns to the ring's first
 * point closes it; points after it start another ring (rings.ts).
 */
import type { SurveyFile, SurveyIssue, SurveyPoint, SurveyPlotInput } from './types';
import { pairOrder, type PairOrder } from './columns';
import { ringsOfSequence } from './rings';
import { encodeText as encodeWith } from '../encoding/text-encode';
import { decodeSurveyText, parseSurveyNumber, splitLines } from './text';

/** How many bad line numbers a message lists (the count says how many there were). */
export const LISTED_LINES = 10;

export const baseName = (path: string): string => (path.split(/[/\\]/).pop() ?? path).replace(/\.[^.]*$/, '') || path;

const COMMENT = /^(#|\/\/|;)/;
/** Coordinates are large numbers: ≥ 10 000 in any projected CRS a land office uses (a height or a code is not). */
const isCoordinate = (s: string | undefined): boolean => {
  const v = parseSurveyNumber(s);
  return v !== null && Math.abs(v) >= 10_000;
};

export function splitFields(line: string): string[] {
  const t = line.trim();
  return /[,，]/.test(t) ? t.split(/\s*[,，]\s*/) : t.split(/\s+/);
}

interface RawPoint {
  name: string;
  code: string | undefined;
  a: number;
  b: number;
  h: number | null;
  line: number;
}

/** Fields of one line → name, code and the two coordinates in file order; null when it is not a point. */
function rawPoint(fields: string[], line: number): RawPoint | null {
  const n = fields.length;
  if (n < 3) return null;
  // name,code,a,b[,h] (CASS); name,a,b[,h] when the second field is already a coordinate.
  const start = n >= 4 && !(isCoordinate(fields[1]) && isCoordinate(fields[2]) && !isCoordinate(fields[3])) ? 2 : 1;
  const a = parseSurveyNumber(fields[start]);
  const b = parseSurveyNumber(fields[start + 1]);
  if (a === null || b === null) return null;
  const h = parseSurveyNumber(fields[start + 2]);
  return { name: (fields[0] ?? '').trim(), code: start === 2 ? (fields[1] ?? '').trim() : undefined, a, b, h, line };
}

const listLines = (lines: number[]): string => lines.slice(0, LISTED_LINES).join('、') + (lines.length > LISTED_LINES ? '…' : '');

export function badLinesIssue(file: string, lines: number[]): SurveyIssue {
  return { code: 'survey.badLines', severity: 'warning', file, params: { count: lines.length, lines: listLines(lines) } };
}

/** Reads a CASS .dat (or any one-point-a-line file). Never throws. */
export function readCass(file: string, bytes: Uint8Array): SurveyFile {
  const issues: SurveyIssue[] = [];
  if (bytes.length === 0) return { file, format: 'cass', encoding: 'utf-8', plots: [], issues: [{ code: 'survey.empty', severity: 'error', file }] };
  const decoded = decodeSurveyText(bytes);
  if (decoded.assumedGbk) issues.push({ code: 'survey.encodingGbk', severity: 'info', file });
  const raws: RawPoint[] = [];
  const bad: number[] = [];
  splitLines(decoded.text).forEach((text, i) => {
    const line = i + 1;
    const t = text.replace(/^\uFEFF/, '').trim();
    if (t === '' || COMMENT.test(t)) return;
    const r = rawPoint(splitFields(t), line);
    if (r) raws.push(r);
    else if (raws.length === 0 && bad.length === 0 && /[^\d\s,，.+-]/.test(t))
      issues.push({ code: 'survey.headerSkipped', severity: 'info', file, params: { line, text: t.slice(0, 60) } });
    else bad.push(line);
  });
  if (raws.length === 0) {
    if (bad.length) issues.push(badLinesIssue(file, bad));
    return { file, format: 'cass', encoding: decoded.encoding, plots: [], issues: [...issues, { code: 'survey.noPoints', severity: 'error', file }] };
  }
  const orders = raws.map((r) => pairOrder(r.a, r.b));
  const yx = orders.filter((o) => o === 'YX').length;
  const xy = orders.filter((o) => o === 'XY').length;
  const fileOrder: Exclude<PairOrder, null> = xy > yx ? 'XY' : 'YX';
  if (yx === 0 && xy === 0) issues.push({ code: 'survey.columnsUndecided', severity: 'warning', file, params: { points: raws.length } });
  else if (yx > 0 && xy > 0) issues.push({ code: 'survey.columnsMixed', severity: 'warning', file, params: { yx, xy } });
  else
    issues.push({
      code: fileOrder === 'YX' ? 'survey.columnsYX' : 'survey.columnsXY',
      severity: fileOrder === 'YX' ? 'info' : 'warning',
      file,
      params: { points: raws.length },
    });
  const points: SurveyPoint[] = raws.map((r, k) => {
    const order = orders[k] ?? fileOrder;
    const p: SurveyPoint = {
      name: r.name === '' ? `J${k + 1}` : r.name,
      x: order === 'XY' ? r.a : r.b,
      y: order === 'XY' ? r.b : r.a,
      line: r.line,
    };
    if (r.code !== undefined) p.code = r.code;
    if (r.h !== null) p.h = r.h;
    return p;
  });
  if (bad.length) issues.push(badLinesIssue(file, bad));
  const rings = ringsOfSequence(points);
  if (rings.length > 1) issues.push({ code: 'survey.severalRings', severity: 'info', file, params: { count: rings.length } });
  const plot: SurveyPlotInput = { name: baseName(file), rings };
  return { file, format: 'cass', encoding: decoded.encoding, plots: [plot], issues };
}

export interface WriteOptions {
  /** 'gbk' (default: CASS and the 报盘 tools are Chinese Windows programs) or 'utf-8'. */
  encoding?: 'gbk' | 'utf-8';
}

export interface WrittenFile {
  bytes: Uint8Array;
  /** Characters GBK cannot hold, written as '?'. */
  unencodable: number;
}

export function encodeText(text: string, encoding: 'gbk' | 'utf-8' = 'gbk'): WrittenFile {
  const e = encodeWith(text, encoding);
  return { bytes: e.bytes, unencodable: e.unmappable };
}

const m3 = (v: number): string => v.toFixed(3);

/**
 * A plot's points as CASS .dat: `点名,编码,Y,X,H` with 3 decimals (1 mm), Y as the plot has it (prefix kept or not),
 * CRLF line ends. Each ring the file had closed is closed again on its first point; an unknown H is left empty
 * (a height we do not have is never written as 0). Several rings follow one another, each closed.
 */
export function writeCass(plot: SurveyPlotInput, opts: WriteOptions = {}): WrittenFile {
  const lines: string[] = [];
  const row = (p: SurveyPoint): string => `${p.name},${p.code ?? ''},${m3(p.y)},${m3(p.x)},${p.h === undefined ? '' : m3(p.h)}`;
  for (const ring of plot.rings) {
    for (const p of ring.points) lines.push(row(p));
    const first = ring.points[0];
    if (first && (ring.closed || plot.rings.length > 1)) lines.push(row(ring.closingPoint ?? first));
  }
  return encodeText(lines.join('\r\n') + '\r\n', opts.encoding);
}
