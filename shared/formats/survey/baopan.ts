/**
 * The 建设用地报盘 coordinate file (the land-approval submission's boundary file, README "Survey files"):
 *
 *   [属性描述]
 *   坐标系=2000国家大地坐标系
 *   几度分带=3
 *   投影类型=高斯克吕格
 *   计量单位=米
 *   带号=39
 *   精度=0.001
 *   [地块坐标]
 *   5,0.1234,1,地块一,面,,,,@          界址点数,面积(公顷),编号,名称,图形属性,图幅号,用途,地类编码,@
 *   J1,1,3820000.000,39512000.000     点号,圈号,X(north),Y(east, with prefix)
 *   …
 *   J1,1,3820000.000,39512000.000     each ring closed on its first point
 *
 * 圈号 1 is the first (outer) ring; 2, 3 … are further rings: holes or further parts, decided by the plot from
 * containment (shared/domain/survey). Header keys are read wherever they stand before the first plot.
 */
import { badLinesIssue, encodeText, splitFields, type WriteOptions, type WrittenFile } from './cass';
import { ringOf } from './rings';
import { decodeSurveyText, parseSurveyNumber, splitLines } from './text';
import type { DeclaredZone, SurveyFile, SurveyIssue, SurveyPlotInput, SurveyPoint } from './types';

/** Does the text look like a 报盘 file? (its section name, its header keys, or a plot line ending in '@'). */
export function looksLikeBaopan(text: string): boolean {
  return /\[地块坐标\]|^\s*(坐标系|几度分带|带号)\s*=|,\s*@\s*$/m.test(text);
}

interface OpenPlot {
  input: SurveyPlotInput;
  rows: Map<number, SurveyPoint[]>;
  rowCount: number;
  line: number;
}

export function readBaopan(file: string, bytes: Uint8Array): SurveyFile {
  const issues: SurveyIssue[] = [];
  if (bytes.length === 0)
    return { file, format: 'baopan', encoding: 'utf-8', plots: [], issues: [{ code: 'survey.empty', severity: 'error', file }] };
  const decoded = decodeSurveyText(bytes);
  if (decoded.assumedGbk) issues.push({ code: 'survey.encodingGbk', severity: 'info', file });
  const header = new Map<string, string>();
  const plots: OpenPlot[] = [];
  const bad: number[] = [];
  let current: OpenPlot | null = null;
  splitLines(decoded.text).forEach((text, i) => {
    const line = i + 1;
    const t = text.replace(/^\uFEFF/, '').trim();
    if (t === '' || /^\[.*\]$/.test(t)) return;
    const kv = /^([^=,]+)=(.*)$/.exec(t);
    if (kv && plots.length === 0) {
      header.set((kv[1] as string).trim(), (kv[2] as string).trim());
      return;
    }
    const f = splitFields(t);
    if (f[f.length - 1] === '@') {
      const [count, area, number, name, , , use] = f;
      const declared: NonNullable<SurveyPlotInput['declared']> = {};
      const c = parseSurveyNumber(count);
      const a = parseSurveyNumber(area);
      if (c !== null) declared.pointCount = c;
      if (a !== null) declared.areaHectares = a;
      if (number) declared.number = number;
      if (use) declared.use = use;
      current = { input: { name: name || number || `${plots.length + 1}`, rings: [], declared }, rows: new Map(), rowCount: 0, line };
      plots.push(current);
      return;
    }
    const ringNo = parseSurveyNumber(f[1]);
    const x = parseSurveyNumber(f[2]);
    const y = parseSurveyNumber(f[3]);
    if (f.length < 4 || ringNo === null || !Number.isInteger(ringNo) || ringNo < 1 || x === null || y === null) {
      bad.push(line);
      return;
    }
    if (!current) {
      // Rows before any plot line: a file whose plot line was lost. Read them as one plot, and say so.
      issues.push({ code: 'survey.baopanBadHeader', severity: 'warning', file, params: { line } });
      current = { input: { name: `${plots.length + 1}`, rings: [] }, rows: new Map(), rowCount: 0, line };
      plots.push(current);
    }
    const rows = current.rows.get(ringNo) ?? [];
    rows.push({ name: (f[0] ?? '').trim() || `J${rows.length + 1}`, x, y, line });
    current.rows.set(ringNo, rows);
    current.rowCount++;
  });
  if (bad.length) issues.push(badLinesIssue(file, bad));
  const crsName = header.get('坐标系');
  if (crsName !== undefined && !/2000/.test(crsName))
    issues.push({ code: 'survey.baopanNotCgcs2000', severity: 'warning', file, params: { declared: crsName } });
  const out: SurveyPlotInput[] = [];
  for (const p of plots) {
    p.input.rings = [...p.rows.entries()].sort(([a], [b]) => a - b).map(([ringNo, pts]) => ringOf(ringNo, pts));
    const declaredCount = p.input.declared?.pointCount;
    if (declaredCount !== undefined && declaredCount !== p.rowCount)
      issues.push({
        code: 'survey.baopanCountMismatch',
        severity: 'warning',
        file,
        params: { plot: p.input.name, declared: declaredCount, rows: p.rowCount },
      });
    if (p.rowCount > 0) out.push(p.input);
  }
  if (out.length === 0)
    return {
      file,
      format: 'baopan',
      encoding: decoded.encoding,
      plots: [],
      issues: [...issues, { code: 'survey.baopanNoPlots', severity: 'error', file }],
    };
  const result: SurveyFile = { file, format: 'baopan', encoding: decoded.encoding, plots: out, issues };
  const width = parseSurveyNumber(header.get('几度分带'));
  const zone = parseSurveyNumber(header.get('带号'));
  if ((width === 3 || width === 6) && zone !== null && Number.isInteger(zone)) result.declaredZone = { width, zone } as DeclaredZone;
  return result;
}

export interface BaopanPlot {
  plot: SurveyPlotInput;
  /** Planar area in m² (the plot's, from the geometry engine): written in hectares to 4 decimals. */
  planarM2: number;
}

export interface BaopanOptions extends WriteOptions {
  zone: DeclaredZone;
  /** 数据产生单位 and 数据产生日期 (yyyy-m-d), when known. */
  producer?: string;
  date?: string;
}

const m3 = (v: number): string => v.toFixed(3);

/**
 * Plots as one 报盘 file in `opts.zone`: X, Y to 3 decimals with Y carrying the zone prefix (added when the plot's
 * Y lacks it), each ring closed on its first point, 界址点数 counting the rows written.
 */
export function writeBaopan(plots: readonly BaopanPlot[], opts: BaopanOptions): WrittenFile {
  const prefix = opts.zone.zone * 1_000_000;
  const lines = [
    '[属性描述]',
    '格式版本号=1.01版本',
    `数据产生单位=${opts.producer ?? ''}`,
    `数据产生日期=${opts.date ?? ''}`,
    '坐标系=2000国家大地坐标系',
    `几度分带=${opts.zone.width}`,
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${opts.zone.zone}`,
    '精度=0.001',
    '转换参数=,,,,,,',
    '[地块坐标]',
  ];
  plots.forEach(({ plot, planarM2 }, i) => {
    const rows: string[] = [];
    for (const ring of plot.rings) {
      const row = (p: SurveyPoint): string => `${p.name},${ring.ringNo},${m3(p.x)},${m3(p.y < 10_000_000 ? p.y + prefix : p.y)}`;
      ring.points.forEach((p) => rows.push(row(p)));
      const first = ring.points[0];
      if (first) rows.push(row(ring.closingPoint ?? first));
    }
    const d = plot.declared;
    lines.push(`${rows.length},${(planarM2 / 10_000).toFixed(4)},${d?.number ?? i + 1},${plot.name},面,,${d?.use ?? ''},,@`, ...rows);
  });
  return encodeText(lines.join('\r\n') + '\r\n', opts.encoding);
}
