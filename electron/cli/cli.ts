/**
 * `landpatrol` — the headless batch command on the same shared/ code as the app.
 *   landpatrol inspect PATH...            → JSON description of every layer found
 *   landpatrol overlay --plots P --with L → JSON areas of each plot over the given layers
 *   landpatrol coverage --cells C --track T… → JSON length and time of each track inside each cell
 *   landpatrol survey FILE… [--to F]      → JSON points, sides, closure and areas of each plot, or the file converted
 * Exit 0 when the input was read (warnings are in the JSON; inspect describes a layer whose CRS is unknown in
 * its own coordinates), 2 with a clear message on stderr when it cannot be used (overlay refuses a layer it
 * cannot place). Bad input never produces a stack trace.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { loadGeometryEngine } from '../../shared/domain/geometry/engine/load';
import { groupValueOf, overlayPlots } from '../../shared/domain/geometry/overlay';
import type { BundleDescription, ParsedLayer, PendingBundle } from '../../shared/formats/types';
import { cliMessageBoth } from '../../shared/i18n/cli';
import { parseArgs, type OverlayLayerArg } from './args';
import { coverage } from './coverage';
import { survey } from './survey';
import { fail, importPath, loadLayers, pendingReason, unusableLines, UsageError } from './load-layers';
import { inspectJson, issueJson, overlayPlotJson, pendingInspectJson, type IssueJson } from './reports';

const isDescribed = (b: PendingBundle): b is PendingBundle & { description: BundleDescription } => b.description !== undefined;

async function inspect(paths: string[], crs?: number, encoding?: string): Promise<number> {
  const layers: (ReturnType<typeof inspectJson> | ReturnType<typeof pendingInspectJson>)[] = [];
  const errors: IssueJson[] = [];
  const stderr: string[] = [];
  for (const p of paths) {
    const r = await importPath(p, crs, encoding);
    layers.push(...r.layers.map(inspectJson));
    // A layer whose CRS is unknown is still described (fields, rows, native extent), with a warning saying how
    // to give the CRS: describing a file is what inspect is for, as ogrinfo does.
    layers.push(...r.pending.filter(isDescribed).map(pendingInspectJson));
    const undescribed = { ...r, pending: r.pending.filter((b) => !isDescribed(b)) };
    for (const f of r.failed) errors.push(...f.issues.map(issueJson));
    for (const b of undescribed.pending)
      errors.push(issueJson({ code: 'crs.needsUser', severity: 'error', file: b.source, params: { reason: pendingReason(b) } }));
    errors.push(...r.issues.map(issueJson));
    stderr.push(...unusableLines(undescribed));
  }
  if (stderr.length) process.stderr.write(stderr.join('\n') + '\n');
  if (layers.length === 0) {
    if (!stderr.length) process.stderr.write(cliMessageBoth('noLayers', { path: paths.join(' ') }) + '\n');
    return 2;
  }
  process.stdout.write(JSON.stringify({ layers, errors }, null, 2) + '\n');
  return 0;
}

const isAreal = (g: unknown): g is Polygon | MultiPolygon =>
  !!g && typeof g === 'object' && ((g as { type?: string }).type === 'Polygon' || (g as { type?: string }).type === 'MultiPolygon');

/** The plot's id: the --id-field value, else a monitoring/parcel number field, else the record number. */
function plotId(layer: ParsedLayer, props: Record<string, unknown>, fid: number, idField?: string): string {
  const field = idField ?? ['JCBH', 'TBBH', 'BSM', 'ID'].find((f) => layer.fields.some((d) => d.name.toUpperCase() === f));
  const key = field ? layer.fields.find((d) => d.name.toUpperCase() === field.toUpperCase())?.name : undefined;
  const v = key ? props[key] : undefined;
  return v === undefined || v === null || v === '' ? String(fid + 1) : String(v);
}

async function overlay(a: { plots: string; with: OverlayLayerArg[]; groupBy?: string; idField?: string; crs?: number }): Promise<number> {
  const plotLayers = await loadLayers(a.plots, a.crs);
  const plotLayer = plotLayers[0] as ParsedLayer;
  if (plotLayer.geometryKind !== 'polygon') fail('plotsNotPolygons', { file: plotLayer.source });
  if (a.idField && !plotLayer.fields.some((f) => f.name.toUpperCase() === a.idField?.toUpperCase()))
    fail('idFieldMissing', { file: plotLayer.source, field: a.idField });
  const overlayLayers = [];
  for (const w of a.with) {
    // PATH:FIELD groups this layer by FIELD, which it must have; --group-by groups the layers that have it.
    const groupBy = w.groupBy ?? a.groupBy;
    for (const layer of await loadLayers(w.path, a.crs, false)) {
      if (layer.geometryKind !== 'polygon') continue;
      const groupKey = groupBy ? layer.fields.find((f) => f.name.toUpperCase() === groupBy.toUpperCase())?.name : undefined;
      if (w.groupBy && !groupKey) fail('groupFieldMissing', { file: layer.source, field: w.groupBy });
      overlayLayers.push({
        name: layer.name,
        features: layer.features
          .filter((f) => isAreal(f.geometry))
          .map((f) => ({
            geometryLngLat: f.geometry as Polygon | MultiPolygon,
            group: groupKey ? groupValueOf(f.properties[groupKey]) : null,
            fid: f.fid,
          })),
      });
    }
  }
  // Every plot record gets its row: one without a polygon (a null shape, or nothing left once repaired) is
  // marked in the result rather than dropped.
  const plots = plotLayer.features
    // The plot's own zone (its layer's data zone), so its total here is the one identify and inspect print.
    .map((f) => ({
      id: plotId(plotLayer, f.properties, f.fid, a.idField),
      geometryLngLat: isAreal(f.geometry) ? f.geometry : null,
      ...(f.area ? { zone: f.area.zone } : {}),
    }));
  // Progress on a terminal (a county's 3,000 patches take a while); Ctrl+C cancels, as for any command.
  let shownAt = 0;
  const onProgress = process.stderr.isTTY
    ? (done: number, total: number) => {
        const now = Date.now();
        if (now - shownAt < 200 && done < total) return;
        shownAt = now;
        process.stderr.write(`\r${cliMessageBoth('overlayProgress', { done, total }).replace(/\n/g, ' / ')}${done === total ? '\n' : ''}`);
      }
    : undefined;
  const result = overlayPlots(await loadGeometryEngine(), plots, overlayLayers, onProgress ? { onProgress } : {});
  const out = { plots: result.plots.map(overlayPlotJson) };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  try {
    switch (args.command) {
      case 'help':
        process.stdout.write(cliMessageBoth('usage') + '\n');
        return 0;
      case 'error':
        process.stderr.write(cliMessageBoth(args.key, args.params) + '\n\n' + cliMessageBoth('usage') + '\n');
        return 2;
      case 'inspect':
        return await inspect(args.paths, args.crs, args.encoding);
      case 'overlay':
        return await overlay(args);
      case 'coverage':
        return await coverage(args);
      case 'survey':
        return await survey(args);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(e.lines.join('\n') + '\n');
      return 2;
    }
    // Anything else is our bug, not the user's input: say so briefly, keep the detail for a report.
    process.stderr.write(cliMessageBoth('internal', { detail: e instanceof Error ? e.message : String(e) }) + '\n');
    if (process.env.LANDPATROL_DEBUG) console.error(e);
    return 1;
  }
}
