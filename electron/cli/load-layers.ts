/**
 * What the commands share for reading their inputs: command-line paths → imported layers, and the one error a
 * command raises for input it cannot use (printed on stderr in Chinese and English, exit 2).
 */
import { importFiles } from '../../shared/formats/import';
import type { ImportResult, InputFile, ParsedLayer, PendingBundle } from '../../shared/formats/types';
import { cliMessageBoth, needsCrsMessage, type CliMessageKey } from '../../shared/i18n/cli';
import { formatIssue } from '../../shared/i18n/issues';
import { InputPathError, readInputPath } from './read-inputs';

/** Input the command cannot use: its lines go to stderr and the command exits 2. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export const fail = (key: CliMessageKey, params: Record<string, string | number> = {}): never => {
  throw new UsageError([cliMessageBoth(key, params)]);
};

export async function readPath(p: string): Promise<InputFile[]> {
  try {
    return await readInputPath(p);
  } catch (e) {
    if (e instanceof InputPathError) return fail(e.code, { path: p });
    return fail('unreadable', { path: p });
  }
}

/** Imports one command-line path; the CRS override applies to every bundle in it. */
export async function importPath(p: string, crs?: number, encoding?: string, featureAreas = true): Promise<ImportResult> {
  const files = await readPath(p);
  const first = await importFiles(files, { featureAreas });
  if (crs === undefined && encoding === undefined) return first;
  const sources = [...first.layers.map((l) => l.source), ...first.pending.map((b) => b.source)];
  const crsOverride = crs === undefined ? undefined : Object.fromEntries(sources.map((s) => [s, crs]));
  const encodingOverride = encoding === undefined ? undefined : Object.fromEntries(sources.map((s) => [s, encoding]));
  return importFiles(files, { featureAreas, ...(crsOverride ? { crsOverride } : {}), ...(encodingOverride ? { encodingOverride } : {}) });
}

/** Why a bundle still needs its CRS from the user: the command cannot ask, so it says so. */
export const pendingReason = (b: PendingBundle): string => b.crsGuess?.reason ?? 'unknown';

/** Errors for everything in a result that could not be used, as stderr lines (Chinese, then English). */
export function unusableLines(r: ImportResult): string[] {
  const lines: string[] = [];
  for (const f of r.failed) for (const i of f.issues) lines.push(`${formatIssue(i, 'zh-CN')}\n${formatIssue(i, 'en')}`);
  for (const b of r.pending) lines.push(needsCrsMessage(b.source, pendingReason(b)));
  return lines;
}

/** `featureAreas: false` for the layers plots are overlaid with: the overlay computes its own figures. */
export async function loadLayers(p: string, crs?: number, featureAreas = true): Promise<ParsedLayer[]> {
  const r = await importPath(p, crs, undefined, featureAreas);
  // A layer that cannot be placed cannot be overlaid, and leaving it out would turn its area into "uncovered":
  // refuse the whole command, naming the file and how to give its CRS.
  if (r.pending.length > 0) throw new UsageError(r.pending.map((b) => needsCrsMessage(b.source, pendingReason(b))));
  const lines = unusableLines(r);
  if (r.layers.length === 0) throw new UsageError(lines.length ? lines : [cliMessageBoth('noLayers', { path: p })]);
  if (lines.length) process.stderr.write(lines.join('\n') + '\n');
  return r.layers;
}
