/**
 * `landpatrol survey FILE… [--to cass|baopan|geojson] [--zone N] [--encoding gbk|utf-8] [--out PATH]`: each file's
 * plots — boundary points, sides, closing error and areas — as JSON (X = north), or the plots converted to a CASS
 * .dat, a 报盘 coordinate file or GeoJSON, on stdout or in --out. A folder stands for the survey files in it.
 *
 * Exit codes as the other commands: 0 with the result (a file that gave nothing, a boundary refused or a zone that
 * could not be decided is said on stderr in Chinese and English and in the JSON); 2 when a path does not exist, no
 * file gave a plot, or the conversion asked for cannot be made (naming the plot and why); 1 for our own failure.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadGeometryEngine } from '../../shared/domain/geometry/engine/load';
import { buildSurveyPlot, type SurveyPlot } from '../../shared/domain/survey/plot';
import { zoneFromNumber } from '../../shared/domain/survey/zone';
import { writeBaopan } from '../../shared/formats/survey/baopan';
import { writeCass, type WrittenFile } from '../../shared/formats/survey/cass';
import { writeSurveyGeoJson } from '../../shared/formats/survey/geojson';
import { readSurveyFile, SURVEY_EXTENSIONS } from '../../shared/formats/survey/read';
import type { SurveyFile } from '../../shared/formats/survey/types';
import { cliMessageBoth } from '../../shared/i18n/cli';
import { formatSurveyIssue } from '../../shared/i18n/survey';
import { readPart } from '../input-files';
import type { ParsedArgs } from './args';
import { fail } from './load-layers';
import { surveyIssueJson, surveyPlotJson, type SurveyIssueJson } from './survey-report';

type SurveyArgs = Extract<ParsedArgs, { command: 'survey' }>;

async function readBytes(abs: string, shown: string): Promise<Uint8Array> {
  const bytes = await readPart(abs).catch(() => fail('unreadable', { path: shown }));
  if (bytes === 'tooLarge') return fail('tooLarge', { path: shown });
  return bytes;
}

/** The files of one command-line path: the file itself, or a folder's survey files (one level, sorted). */
async function inputs(p: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const abs = path.resolve(p);
  const st = await fs.stat(abs).catch(() => null);
  if (!st) return fail('notFound', { path: p });
  if (!st.isDirectory()) return [{ name: path.basename(abs), bytes: await readBytes(abs, p) }];
  const names = (await fs.readdir(abs)).filter((n) => SURVEY_EXTENSIONS.includes(path.extname(n).slice(1).toLowerCase())).sort();
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const n of names) out.push({ name: `${path.basename(abs)}/${n}`, bytes: await readBytes(path.join(abs, n), path.join(p, n)) });
  return out;
}

const both = (i: Parameters<typeof formatSurveyIssue>[0]): string => `${formatSurveyIssue(i, 'zh-CN')}\n${formatSurveyIssue(i, 'en')}`;

/** Local date as the 报盘 header writes it (yyyy-m-d). */
const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
};

function convert(a: SurveyArgs, read: { file: SurveyFile; plots: SurveyPlot[] }[]): WrittenFile {
  const to = a.to as NonNullable<SurveyArgs['to']>;
  const all = read.flatMap((r) => r.plots.map((plot, i) => ({ file: r.file, plot, input: r.file.plots[i] as SurveyFile['plots'][number] })));
  if (to === 'cass') {
    if (all.length !== 1) return fail('surveyOnePlot', { count: all.length });
    return writeCass((all[0] as (typeof all)[number]).input, a.encoding ? { encoding: a.encoding } : {});
  }
  for (const { file, plot } of all) {
    if (plot.refusal) fail('surveyRefused', { file: file.file, plot: plot.name, to });
    if (plot.zone.kind !== 'known') fail('surveyNoZone', { file: file.file, plot: plot.name, to });
  }
  const plots = all.map((x) => x.plot);
  if (to === 'geojson') return { bytes: writeSurveyGeoJson(plots), unencodable: 0 };
  const zones = [...new Set(plots.map((p) => (p.zone.kind === 'known' ? `${p.zone.zone.width}:${p.zone.zone.zone}` : '')))];
  if (zones.length !== 1) return fail('surveyZonesDiffer', { zones: zones.map((z) => z.split(':')[1]).join('、') });
  const [width, zone] = (zones[0] as string).split(':').map(Number) as [3 | 6, number];
  return writeBaopan(
    all.map((x) => ({ plot: x.input, planarM2: x.plot.area?.planarM2 as number })),
    { zone: { width, zone }, date: today(), ...(a.encoding ? { encoding: a.encoding } : {}) },
  );
}

export async function survey(a: SurveyArgs): Promise<number> {
  const zone = a.zone === undefined ? undefined : (zoneFromNumber(a.zone) ?? undefined);
  const engine = await loadGeometryEngine();
  const read: { file: SurveyFile; plots: SurveyPlot[] }[] = [];
  const errors: SurveyIssueJson[] = [];
  const stderr: string[] = [];
  for (const p of a.files) {
    for (const input of await inputs(p)) {
      const file = readSurveyFile(input.name, input.bytes, zone ? { zone } : {});
      const plots = file.plots.map((plot) =>
        buildSurveyPlot(plot, {
          file: input.name,
          engine,
          ...(zone ? { zone } : {}),
          ...(file.declaredZone ? { declaredZone: file.declaredZone } : {}),
        }),
      );
      // Errors and warnings are said; notes (the column order, the encoding, the zone taken) are in the JSON.
      for (const i of [...file.issues, ...plots.flatMap((x) => x.issues)]) if (i.severity !== 'info') stderr.push(both(i));
      if (plots.length === 0) errors.push(...file.issues.filter((i) => i.severity === 'error').map(surveyIssueJson));
      else read.push({ file, plots });
    }
  }
  if (stderr.length) process.stderr.write(stderr.join('\n') + '\n');
  if (read.length === 0) {
    process.stderr.write(cliMessageBoth('noSurveyPlots', { path: a.files.join(' ') }) + '\n');
    return 2;
  }
  if (a.to) {
    const written = convert(a, read);
    if (written.unencodable > 0) process.stderr.write(cliMessageBoth('surveyUnencodable', { count: written.unencodable }) + '\n');
    if (a.out) await fs.writeFile(a.out, written.bytes).catch(() => fail('unwritable', { path: a.out as string }));
    else process.stdout.write(written.bytes);
    return 0;
  }
  const json = { plots: read.flatMap((r) => r.plots.map((p) => surveyPlotJson(r.file, p))), errors };
  const text = JSON.stringify(json, null, 2) + '\n';
  if (a.out) await fs.writeFile(a.out, text).catch(() => fail('unwritable', { path: a.out as string }));
  else process.stdout.write(text);
  return 0;
}
