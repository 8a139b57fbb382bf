/**
 * `landpatrol coverage --cells PATH --track FILE…`: for each track in the files (GPX, KML, KMZ, or a folder of
 * them) the length and time inside each cell it entered and whether that covers the cell — the county brigade
 * checking a month of handheld tracks at once. Lengths are geodesic on CGCS2000, times the track's own
 * (shared/domain/patrol/coverage.ts).
 *
 * Exit codes as the other commands: 0 with the JSON (a file that gave no track, or a warning such as a likely
 * GCJ-02 file, is said on stderr in Chinese and English, the others measured); 2 when the cells cannot be used, a
 * path does not exist, or no file gave a track; 1 for our own failure.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { prepareCells, trackCoverage } from '../../shared/domain/patrol/coverage';
import { readTrackFile, TRACK_EXTENSIONS } from '../../shared/formats/track/read-track';
import type { InputFile } from '../../shared/formats/types';
import { cliMessageBoth } from '../../shared/i18n/cli';
import { formatTrackIssue } from '../../shared/i18n/track';
import { readPart } from '../input-files';
import type { ParsedArgs } from './args';
import { cellsFromGeoJson, cellsFromLayers, type CellsResult } from './coverage-cells';
import { fail, loadLayers, UsageError } from './load-layers';
import { coverageTrackJson } from './reports';

type CoverageArgs = Extract<ParsedArgs, { command: 'coverage' }>;

async function readBytes(abs: string, shown: string): Promise<Uint8Array> {
  const bytes = await readPart(abs).catch(() => fail('unreadable', { path: shown }));
  if (bytes === 'tooLarge') return fail('tooLarge', { path: shown });
  return bytes;
}

async function loadCells(a: CoverageArgs): Promise<CellsResult> {
  const opts = { ...(a.nameField ? { nameField: a.nameField } : {}), ...(a.idField ? { idField: a.idField } : {}) };
  if (/\.(geo)?json$/i.test(a.cells)) {
    const abs = path.resolve(a.cells);
    if (
      !(await fs.stat(abs).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      return fail('notFound', { path: a.cells });
    return cellsFromGeoJson(path.basename(abs), new TextDecoder().decode(await readBytes(abs, a.cells)), opts);
  }
  // The overlay does not need the layer's own areas: neither does coverage.
  return cellsFromLayers(await loadLayers(a.cells, a.crs, false), opts);
}

/** The track files of one command-line path: the file itself, or a folder's track files (one level, sorted). */
async function trackInputs(p: string): Promise<InputFile[]> {
  const abs = path.resolve(p);
  const st = await fs.stat(abs).catch(() => null);
  if (!st) return fail('notFound', { path: p });
  if (!st.isDirectory()) return [{ path: path.basename(abs), bytes: await readBytes(abs, p) }];
  const names = (await fs.readdir(abs)).filter((n) => TRACK_EXTENSIONS.includes(path.extname(n).slice(1).toLowerCase())).sort();
  const out: InputFile[] = [];
  for (const n of names) out.push({ path: `${path.basename(abs)}/${n}`, bytes: await readBytes(path.join(abs, n), path.join(p, n)) });
  return out;
}

export async function coverage(a: CoverageArgs): Promise<number> {
  const cells = await loadCells(a);
  if (!cells.ok) throw new UsageError([cliMessageBoth(cells.key, cells.params)]);
  const prepared = prepareCells(cells.cells);
  const opts = {
    ...(a.minMetres !== undefined ? { minMetres: a.minMetres } : {}),
    ...(a.minSeconds !== undefined ? { minSeconds: a.minSeconds } : {}),
  };
  const tracks: ReturnType<typeof coverageTrackJson>[] = [];
  const stderr: string[] = [];
  for (const p of a.tracks) {
    for (const input of await trackInputs(p)) {
      const file = readTrackFile(input);
      // Errors and warnings (a likely GCJ-02 file above all) are said; notes (waypoints ignored) are not.
      for (const i of file.issues) if (i.severity !== 'info') stderr.push(`${formatTrackIssue(i, 'zh-CN')}\n${formatTrackIssue(i, 'en')}`);
      file.tracks.forEach((t, k) =>
        tracks.push(coverageTrackJson(file.tracks.length > 1 ? `${input.path}#${k + 1}` : input.path, trackCoverage(prepared, t.points, opts))),
      );
    }
  }
  if (stderr.length) process.stderr.write(stderr.join('\n') + '\n');
  if (tracks.length === 0) {
    process.stderr.write(cliMessageBoth('noTracks', { path: a.tracks.join(' ') }) + '\n');
    return 2;
  }
  process.stdout.write(JSON.stringify({ tracks }, null, 2) + '\n');
  return 0;
}
