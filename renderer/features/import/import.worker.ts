/// <reference lib="webworker" />
/**
 * The import worker: reading the files, parsing, reprojection and areas (shared/formats/import.ts) and the
 * IndexedDB write all happen here, so the UI thread never holds the vertices. One worker per import: cancel =
 * terminate, and since everything is written in one transaction at the end, a cancelled or failed import leaves
 * the DB untouched. (The layer jobs — sample, re-decode, restyle — are the layers feature's worker.)
 */
import { importFiles } from '../../../shared/formats/import';
import type { InputFile } from '../../../shared/formats/types';
import { layerSummaryOf, storeNewLayers } from '../../data/layer-records';
import { CodedError } from '../../platform/coded-error';
import { serveWorker, type RequestContext } from '../../platform/worker-host';
import { matchBundleFiles } from './import.logic';
import type { ImportProtocol, ImportRequest, ImportSummary, JobProgress } from './import.protocol';

/** At most one progress message per 80 ms (a forced one always goes): the bar moves, the channel is not flooded. */
function throttled(ctx: RequestContext<JobProgress>) {
  let lastAt = 0;
  return (p: JobProgress, force = false) => {
    const now = performance.now();
    if (!force && now - lastAt < 80) return;
    lastAt = now;
    ctx.progress(p);
  };
}

async function readFile(f: ImportRequest['files'][number]): Promise<InputFile> {
  if (f.data instanceof Uint8Array) return { path: f.path, bytes: f.data };
  try {
    return { path: f.path, bytes: new Uint8Array(await f.data.arrayBuffer()) };
  } catch (err) {
    // A chosen file moved or deleted before the worker read it.
    throw CodedError.of('fileUnreadable', err, { file: f.path });
  }
}

async function runImport(req: ImportRequest, ctx: RequestContext<JobProgress>): Promise<ImportSummary> {
  const progress = throttled(ctx);
  const t0 = performance.now();
  const files: InputFile[] = [];
  for (let i = 0; i < req.files.length; i++) {
    progress({ stage: 'reading', done: i, total: req.files.length });
    files.push(await readFile(req.files[i]!));
  }
  const t1 = performance.now();
  const result = await importFiles(files, {
    encodingOverride: req.encodingOverride,
    crsOverride: req.crsOverride,
    onProgress: (p) => progress({ stage: 'importing', progress: p }, p.phase === 'done'),
  });
  const t2 = performance.now();
  const built =
    result.layers.length > 0
      ? await storeNewLayers(result.layers, {
          sample: false,
          sourceFilesOf: (l) => matchBundleFiles(l.source, files),
          onLayer: (done, total) => progress({ stage: 'saving', done, total }, true),
        })
      : [];
  const t3 = performance.now();
  return {
    layers: built.map((b, i) => layerSummaryOf(b.record, result.layers[i]!.source)),
    pending: result.pending,
    failed: result.failed,
    issues: result.issues,
    timingsMs: { read: t1 - t0, parse: t2 - t1, save: t3 - t2 },
  };
}

serveWorker<ImportProtocol>({ import: runImport });
