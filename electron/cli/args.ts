/** Command-line parsing for `landpatrol`, pure so it can be tested. Errors are data. */

/** One `--with PATH[:FIELD]`: a layer path and, when given, the field that groups that layer's pieces
 *  (overriding `--group-by` for it). */
export interface OverlayLayerArg {
  path: string;
  groupBy?: string;
}

export type ParsedArgs =
  | { command: 'inspect'; paths: string[]; crs?: number; encoding?: string }
  | { command: 'overlay'; plots: string; with: OverlayLayerArg[]; groupBy?: string; idField?: string; crs?: number }
  | {
      command: 'coverage';
      cells: string;
      tracks: string[];
      nameField?: string;
      idField?: string;
      minMetres?: number;
      minSeconds?: number;
      crs?: number;
    }
  | {
      command: 'survey';
      files: string[];
      to?: SurveyTarget;
      /** --zone N: 25–45 a 3° zone, 13–23 a 6° zone. */
      zone?: number;
      encoding?: 'gbk' | 'utf-8';
      out?: string;
    }
  | { command: 'help' }
  | {
      command: 'error';
      key: 'unknownCommand' | 'missingArgument' | 'badOption' | 'badEpsg' | 'badNumber' | 'badZone' | 'badTarget' | 'badSurveyEncoding' | 'usage';
      params: Record<string, string>;
    };

/** What `landpatrol survey --to` converts to. */
export type SurveyTarget = 'cass' | 'baopan' | 'geojson';
const SURVEY_TARGETS: readonly string[] = ['cass', 'baopan', 'geojson'];

/** A field name as DBF and GeoJSON spell them: letters (Chinese too), digits and '_', not starting with a digit. */
const FIELD_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;
/** A Windows drive letter alone ("C" of C:\data or C:x.shp). */
const DRIVE = /^[A-Za-z]$/;

/**
 * `PATH:FIELD` → { path, groupBy }, split at the last ':' only when a field name follows it and what precedes
 * is more than a drive letter; anything else is all path (C:\data\dltb.shp, C:dltb.shp, /data/a:b/c.shp).
 */
export function parseLayerArg(spec: string): OverlayLayerArg {
  const at = spec.lastIndexOf(':');
  if (at <= 0) return { path: spec };
  const head = spec.slice(0, at);
  const field = spec.slice(at + 1);
  if (!FIELD_NAME.test(field) || DRIVE.test(head)) return { path: spec };
  return { path: head, groupBy: field };
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command !== 'inspect' && command !== 'overlay' && command !== 'coverage' && command !== 'survey')
    return { command: 'error', key: 'unknownCommand', params: { command } };
  const positional: string[] = [];
  const opts: Record<string, string[]> = {};
  /** Track paths in command-line order, whether after --track or standing alone (coverage). */
  const trackPaths: string[] = [];
  const takesValue = new Set([
    '--crs',
    '--encoding',
    '--plots',
    '--with',
    '--group-by',
    '--id-field',
    '--cells',
    '--track',
    '--name-field',
    '--min-metres',
    '--min-seconds',
    '--to',
    '--zone',
    '--out',
  ]);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (!takesValue.has(name)) return { command: 'error', key: 'badOption', params: { option: a } };
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return { command: 'error', key: 'missingArgument', params: { option: name } };
      (opts[name] ??= []).push(value);
      if (name === '--track') trackPaths.push(value);
    } else {
      positional.push(a);
      trackPaths.push(a);
    }
  }
  let crs: number | undefined;
  const crsText = opts['--crs']?.[0];
  if (crsText !== undefined) {
    const m = /^(?:EPSG:)?(\d{4,5})$/i.exec(crsText.trim());
    if (!m) return { command: 'error', key: 'badEpsg', params: { value: crsText } };
    crs = Number(m[1]);
  }
  if (command === 'inspect') {
    if (positional.length === 0) return { command: 'error', key: 'missingArgument', params: { option: 'PATH' } };
    for (const k of Object.keys(opts)) if (k !== '--crs' && k !== '--encoding') return { command: 'error', key: 'badOption', params: { option: k } };
    return {
      command: 'inspect',
      paths: positional,
      ...(crs !== undefined ? { crs } : {}),
      ...(opts['--encoding'] ? { encoding: opts['--encoding'][0] as string } : {}),
    };
  }
  if (command === 'coverage') return coverageArgs(trackPaths, opts, crs);
  if (command === 'survey') return surveyArgs(positional, opts);
  // The options of coverage are not overlay's (overlay has always let --encoding pass: it still does).
  for (const k of Object.keys(opts))
    if (!['--crs', '--encoding', '--plots', '--with', '--group-by', '--id-field'].includes(k))
      return { command: 'error', key: 'badOption', params: { option: k } };
  if (positional.length > 0) return { command: 'error', key: 'badOption', params: { option: positional[0] as string } };
  const plots = opts['--plots']?.[0];
  if (!plots) return { command: 'error', key: 'missingArgument', params: { option: '--plots' } };
  const withPaths = opts['--with'] ?? [];
  if (withPaths.length === 0) return { command: 'error', key: 'missingArgument', params: { option: '--with' } };
  return {
    command: 'overlay',
    plots,
    with: withPaths.map(parseLayerArg),
    ...(opts['--group-by'] ? { groupBy: opts['--group-by'][0] as string } : {}),
    ...(opts['--id-field'] ? { idField: opts['--id-field'][0] as string } : {}),
    ...(crs !== undefined ? { crs } : {}),
  };
}

/** A threshold: a finite number ≥ 0 ("200", "200.5"); anything else is an error naming the option. */
const THRESHOLD = /^\d+(?:\.\d+)?$/;

/**
 * `coverage --cells PATH --track FILE… [--name-field F] [--id-field F] [--min-metres N] [--min-seconds N] [--crs EPSG]`:
 * `--track` may be repeated, and the paths after it are tracks too (`--track a.gpx b.gpx`, as a shell glob expands).
 */
function coverageArgs(trackPaths: string[], opts: Record<string, string[]>, crs: number | undefined): ParsedArgs {
  for (const k of Object.keys(opts))
    if (!['--cells', '--track', '--name-field', '--id-field', '--min-metres', '--min-seconds', '--crs'].includes(k))
      return { command: 'error', key: 'badOption', params: { option: k } };
  const cells = opts['--cells']?.[0];
  if (!cells) return { command: 'error', key: 'missingArgument', params: { option: '--cells' } };
  if (!opts['--track']) return { command: 'error', key: 'missingArgument', params: { option: '--track' } };
  const tracks = trackPaths;
  const numbers: { minMetres?: number; minSeconds?: number } = {};
  for (const [option, key] of [
    ['--min-metres', 'minMetres'],
    ['--min-seconds', 'minSeconds'],
  ] as const) {
    const text = opts[option]?.[0];
    if (text === undefined) continue;
    if (!THRESHOLD.test(text.trim())) return { command: 'error', key: 'badNumber', params: { option, value: text } };
    numbers[key] = Number(text);
  }
  return {
    command: 'coverage',
    cells,
    tracks,
    ...(opts['--name-field'] ? { nameField: opts['--name-field'][0] as string } : {}),
    ...(opts['--id-field'] ? { idField: opts['--id-field'][0] as string } : {}),
    ...numbers,
    ...(crs !== undefined ? { crs } : {}),
  };
}

/**
 * `survey FILE… [--to cass|baopan|geojson] [--zone N] [--encoding gbk|utf-8] [--out PATH]`: --zone is a CGCS2000 zone
 * number (25–45: 3°, 13–23: 6°; the ranges do not meet, so the number names its width).
 */
function surveyArgs(files: string[], opts: Record<string, string[]>): ParsedArgs {
  for (const k of Object.keys(opts))
    if (!['--to', '--zone', '--encoding', '--out'].includes(k)) return { command: 'error', key: 'badOption', params: { option: k } };
  if (files.length === 0) return { command: 'error', key: 'missingArgument', params: { option: 'FILE' } };
  const to = opts['--to']?.[0];
  if (to !== undefined && !SURVEY_TARGETS.includes(to.toLowerCase())) return { command: 'error', key: 'badTarget', params: { value: to } };
  const zoneText = opts['--zone']?.[0];
  let zone: number | undefined;
  if (zoneText !== undefined) {
    const n = /^\d{2}$/.test(zoneText.trim()) ? Number(zoneText) : NaN;
    if (!((n >= 13 && n <= 23) || (n >= 25 && n <= 45))) return { command: 'error', key: 'badZone', params: { value: zoneText } };
    zone = n;
  }
  const encText = opts['--encoding']?.[0]?.toLowerCase();
  const encoding =
    encText === undefined
      ? undefined
      : encText === 'gbk' || encText === 'gb2312' || encText === 'gb18030'
        ? 'gbk'
        : encText === 'utf-8' || encText === 'utf8'
          ? 'utf-8'
          : null;
  if (encoding === null) return { command: 'error', key: 'badSurveyEncoding', params: { value: opts['--encoding']?.[0] as string } };
  return {
    command: 'survey',
    files,
    ...(to !== undefined ? { to: to.toLowerCase() as SurveyTarget } : {}),
    ...(zone !== undefined ? { zone } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
    ...(opts['--out'] ? { out: opts['--out'][0] as string } : {}),
  };
}
