/// <reference lib="webworker" />
/**
 * The layer-jobs worker: parsing, reprojection and areas (shared/formats/import.ts) and the IndexedDB write all
 * happen here, so the UI thread never holds the vertices. One worker per job: cancel = terminate, and since
 * everything is written in one transaction at the end, a cancelled or failed job leaves the DB untouched.
 */
import { groupBundles } from '../../../shared/formats/bundle';
import { decodedTextPreview } from '../../../shared/formats/encoding/preview';
import { importFiles } from '../../../shared/formats/import';
import type { InputFile, ParsedLayer } from '../../../shared/formats/types';
import { makeSampleTownship } from '../../../shared/sample/township';
import { addLayers, getLayerRecord, getSourceFiles, replaceLayerData, type LayerDataRecord, type NewLayer } from '../../db';
import { readStoredLayer } from '../../data/stored-features';
import { buildDisplayData, buildLayerData, buildLayerRecord, newLayerId, type BuiltLayerData } from './build-layer';
import { matchBundleFiles } from './import.logic';
import { JobError, type JobMessage, type JobProgress, type JobRequest, type JobSummary } from './worker-protocol';

const post = (m: JobMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
let lastProgressAt = 0;
const progress = (p: JobProgress, force = false) => {
  const now = performance.now();
  if (!force && now - lastProgressAt < 80) return;
  lastProgressAt = now;
  post({ type: 'progress', progress: p });
};

const jsonBlob = (text: string) => new Blob([text], { type: 'application/json' });
/** The stored data record of a layer: its display copy as built, and its attribute store. */
const layerDataOf = (layerId: string, display: Omit<BuiltLayerData, 'attributesText'>, attributes: Blob): LayerDataRecord => ({
  layerId,
  geojson: jsonBlob(display.geojsonText),
  attributes,
  labels: display.labelsText ? jsonBlob(display.labelsText) : null,
});

function toNewLayer(layer: ParsedLayer, sample: boolean, files: InputFile[] | null): NewLayer {
  const record = buildLayerRecord(layer, { id: newLayerId(), sample, now: Date.now() });
  const built = buildLayerData(layer, record.style);
  const own = files ? matchBundleFiles(layer.source, files) : [];
  return {
    record,
    data: layerDataOf(record.id, built, jsonBlob(built.attributesText)),
    sourceFiles: own.length > 0 ? { layerId: record.id, files: own.map((f) => ({ path: f.path, bytes: f.bytes })) } : null,
  };
}

async function saveLayers(layers: ParsedLayer[], sample: boolean, files: InputFile[] | null): Promise<NewLayer[]> {
  const built: NewLayer[] = [];
  layers.forEach((l, i) => {
    progress({ stage: 'saving', done: i, total: layers.length }, true);
    built.push(toNewLayer(l, sample, files));
  });
  await addLayers(built);
  return built;
}

const summaryOf = (built: NewLayer[], layers: ParsedLayer[]): JobSummary['layers'] =>
  built.map((b, i) => ({ id: b.record.id, name: b.record.name, source: layers[i]!.source, featureCount: b.record.meta.featureCount, encoding: b.record.meta.encoding, crs: b.record.meta.crs, issues: b.record.meta.issues }));

async function runImport(req: Extract<JobRequest, { type: 'import' }>): Promise<JobSummary> {
  const t0 = performance.now();
  const files: InputFile[] = [];
  for (let i = 0; i < req.files.length; i++) {
    const f = req.files[i]!;
    progress({ stage: 'reading', done: i, total: req.files.length });
    files.push({ path: f.path, bytes: f.data instanceof Uint8Array ? f.data : new Uint8Array(await f.data.arrayBuffer()) });
  }
  const t1 = performance.now();
  const result = await importFiles(files, {
    encodingOverride: req.encodingOverride,
    crsOverride: req.crsOverride,
    onProgress: (p) => progress({ stage: 'importing', progress: p }, p.phase === 'done'),
  });
  const t2 = performance.now();
  const built = result.layers.length > 0 ? await saveLayers(result.layers, false, files) : [];
  const t3 = performance.now();
  return { layers: summaryOf(built, result.layers), pending: result.pending, failed: result.failed, issues: result.issues, timingsMs: { read: t1 - t0, parse: t2 - t1, save: t3 - t2 } };
}

async function runSample(): Promise<JobSummary> {
  const t0 = performance.now();
  const layers = makeSampleTownship();
  const t1 = performance.now();
  const built = await saveLayers(layers, true, null);
  return { layers: summaryOf(built, layers), pending: [], failed: [], issues: [], timingsMs: { read: 0, parse: t1 - t0, save: performance.now() - t1 } };
}

async function runRedecode(req: Extract<JobRequest, { type: 'redecode' }>): Promise<JobSummary> {
  const [record, src] = await Promise.all([getLayerRecord(req.layerId), getSourceFiles(req.layerId)]);
  if (!record || !src || src.files.length === 0) throw new JobError('noSourceFiles');
  // Only this layer's parts (a stored zip may hold many layers): the preview reads its .dbf alone, applying
  // re-imports this one bundle.
  const { bundles } = groupBundles(src.files);
  const bundle = bundles.find((b) => b.source === record.meta.source) ?? (bundles.length === 1 ? bundles[0] : undefined);
  if (req.previewOnly) {
    const none: JobSummary = { layers: [], pending: [], failed: [], issues: [], timingsMs: { read: 0, parse: 0, save: 0 } };
    return bundle?.dbf ? { ...none, preview: decodedTextPreview(bundle.dbf, req.encoding) } : none;
  }
  const parts = bundle ? [bundle.shp, bundle.shx, bundle.dbf, bundle.prj, bundle.cpg].filter((f) => f !== undefined) : src.files;
  const result = await importFiles(parts, { encodingOverride: { [record.meta.source]: req.encoding } });
  const layer = result.layers.find((l) => l.source === record.meta.source) ?? (result.layers.length === 1 ? result.layers[0] : undefined);
  const base: JobSummary = { layers: [], pending: result.pending, failed: result.failed, issues: result.issues, timingsMs: { read: 0, parse: 0, save: 0 } };
  if (!layer) return base;
  const built = buildLayerData(layer, record.style);
  await replaceLayerData(
    record.id,
    { meta: { ...record.meta, encoding: layer.encoding, fields: layer.fields, featureCount: layer.features.length, issues: layer.issues } },
    layerDataOf(record.id, built, jsonBlob(built.attributesText)),
  );
  return { ...base, layers: [{ id: record.id, name: record.name, source: layer.source, featureCount: layer.features.length, encoding: layer.encoding, crs: layer.crs, issues: layer.issues }] };
}

/** New style → new per-feature style keys: rebuild the display copy from the stored geometry; attributes stay. */
async function runRestyle(req: Extract<JobRequest, { type: 'restyle' }>): Promise<JobSummary> {
  const [record, stored] = await Promise.all([getLayerRecord(req.layerId), readStoredLayer(req.layerId)]);
  if (!record || !stored) throw new JobError('layerNotFound');
  const built = buildDisplayData(stored.features, req.style);
  await replaceLayerData(record.id, { style: req.style, kind: req.kind }, layerDataOf(record.id, built, stored.attributesBlob));
  return { layers: [], pending: [], failed: [], issues: [], timingsMs: { read: 0, parse: 0, save: 0 } };
}

self.onmessage = async (e: MessageEvent<JobRequest>) => {
  try {
    const req = e.data;
    const summary =
      req.type === 'import' ? await runImport(req) : req.type === 'sample' ? await runSample() : req.type === 'redecode' ? await runRedecode(req) : await runRestyle(req);
    post({ type: 'done', summary });
  } catch (err) {
    post({ type: 'error', code: err instanceof JobError ? err.code : 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
