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
  | { command: 'help' }
  | { command: 'error'; key: 'unknownCommand' | 'missingArgument' | 'badOption' | 'badEpsg' | 'usage'; params: Record<string, string> };

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
  if (command !== 'inspect' && command !== 'overlay') return { command: 'error', key: 'unknownCommand', params: { command } };
  const positional: string[] = [];
  const opts: Record<string, string[]> = {};
  const takesValue = new Set(['--crs', '--encoding', '--plots', '--with', '--group-by', '--id-field']);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a.startsWith('--')) {
      const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (!takesValue.has(name)) return { command: 'error', key: 'badOption', params: { option: a } };
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return { command: 'error', key: 'missingArgument', params: { option: name } };
      (opts[name] ??= []).push(value);
    } else positional.push(a);
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
    return { command: 'inspect', paths: positional, ...(crs !== undefined ? { crs } : {}), ...(opts['--encoding'] ? { encoding: opts['--encoding'][0] as string } : {}) };
  }
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
