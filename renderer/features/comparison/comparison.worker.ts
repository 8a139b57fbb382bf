/// <reference lib="webworker" />
/**
 * The comparison (套合) off the UI thread: reads the role layers' stored features from IndexedDB, keeps them indexed
 * (OverlayIndex: a Flatbush index per layer, so a 50,000-polygon farmland layer is searched, not scanned, and the
 * candidates built in GEOS once) while their data versions and group fields stay the same, and runs
 * shared/domain/inspection/comparison-run.ts — the code `npm run bench` measures. The 一览表 compares every patch of
 * a patch layer with the same index and writes the .xlsx here (exceljs loads only in workers).
 * Cancel = terminate (the client is per-use persistent, see use-comparison.ts).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { groupValueOf, OverlayIndex, type OverlayFeature } from '../../../shared/domain/geometry/overlay';
import type { GeometryEngine } from '../../../shared/domain/geometry/engine/engine';
import { compareWithIndex, overlayLayersOf, type RoleLayer } from '../../../shared/domain/inspection/comparison-run';
import type { RoleAssignment } from '../../../shared/domain/inspection/comparison';
import { fieldOf } from '../../../shared/domain/layers/kind';
import { writeXlsx } from '../../../shared/formats/xlsx/write';
import { getLayerRecord, listInspections } from '../../db';
import { readStoredLayer } from '../../data/stored-features';
import { translate, type MessageKey } from '../../i18n/i18n.logic';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import type { ComparisonProtocol } from './comparison.protocol';
import { inspectionsByTask, summaryWorkbook, type SummaryRow } from './summary-table.logic';

async function readRoleLayer(a: RoleAssignment): Promise<RoleLayer> {
  const rec = await getLayerRecord(a.layerId);
  const stored = rec ? await readStoredLayer(a.layerId) : null;
  if (!rec || !stored) throw new CodedError('layerNotFound', { detail: `${a.layerName} (${a.layerId})` });
  const features: OverlayFeature[] = [];
  for (const f of stored.features) {
    const g = f.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
    features.push({ geometryLngLat: g as Polygon | MultiPolygon, group: a.groupField ? groupValueOf(f.properties[a.groupField]) : null, fid: f.fid });
  }
  return { assignment: { ...a, layerName: rec.name }, dataVersion: rec.dataVersion, features };
}

/** The warm index: built for one set of role layers (each at its data version, with its group field). */
let warm: { key: string; index: OverlayIndex; layers: RoleLayer[]; engine: GeometryEngine } | null = null;

async function indexFor(roles: RoleAssignment[]): Promise<NonNullable<typeof warm>> {
  const versions = await Promise.all(roles.map((r) => getLayerRecord(r.layerId).then((rec) => rec?.dataVersion ?? -1)));
  const key = JSON.stringify(roles.map((r, i) => [r.role, r.layerId, versions[i], r.groupField]));
  if (warm?.key === key) return warm;
  warm?.index.dispose();
  warm = null;
  const layers: RoleLayer[] = [];
  for (const r of roles) layers.push(await readRoleLayer(r));
  const engine = await loadGeometryEngine().catch((err: unknown) => {
    throw CodedError.of('engineUnavailable', err);
  });
  warm = { key, index: new OverlayIndex(engine, overlayLayersOf(layers)), layers, engine };
  return warm;
}

serveWorker<ComparisonProtocol>({
  compare: async (req, ctx) => {
    ctx.progress({ step: 'reading' });
    const w = await indexFor(req.roles);
    const t0 = performance.now();
    const out = compareWithIndex(w.index, w.engine, {
      geometry: req.geometry,
      zone: req.zone,
      layers: w.layers,
      verdicts: req.verdicts,
      ranAt: req.ranAt,
    });
    return out.ok ? { ok: true, stored: out.stored, ms: performance.now() - t0 } : { ok: false, refusal: out.refusal };
  },

  summaryTable: async (req, ctx) => {
    ctx.progress({ step: 'reading' });
    const rec = await getLayerRecord(req.patchLayerId);
    const patches = rec ? await readStoredLayer(req.patchLayerId) : null;
    if (!rec || !patches) throw new CodedError('layerNotFound', { detail: req.patchLayerId });
    const idField = fieldOf(rec.meta.fields, 'JCBH', 'TBBH', 'BSM', 'BH');
    const w = await indexFor(req.roles);
    const byTask = inspectionsByTask(await listInspections());
    const rows: SummaryRow[] = [];
    let last = 0;
    const total = patches.features.length;
    patches.features.forEach((f, k) => {
      const v = idField ? f.properties[idField] : null;
      const patchNo = v === null || v === undefined || String(v).trim() === '' ? `#${f.fid}` : String(v).trim();
      const g = f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon' ? (f.geometry as Polygon | MultiPolygon) : null;
      const outcome = compareWithIndex(
        w.index,
        w.engine,
        { geometry: g, zone: f.area?.zone ?? null, layers: w.layers, verdicts: req.verdicts, ranAt: req.createdMs },
        patchNo,
      );
      rows.push({ patchNo, outcome, inspection: byTask.get(patchNo) ?? null });
      const now = performance.now();
      if (now - last > 80 || k + 1 === total) {
        last = now;
        ctx.progress({ step: 'comparing', done: k + 1, total });
      }
    });
    ctx.progress({ step: 'writing' });
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(req.lang, key, params);
    const book = summaryWorkbook(rows, { layerName: rec.name, office: req.office, created: new Date(req.createdMs) }, t);
    let bytes: Uint8Array;
    try {
      bytes = await writeXlsx(book);
    } catch (err) {
      throw CodedError.of('xlsxFailed', err);
    }
    ctx.transfer(bytes.buffer);
    return { bytes, patches: rows.length, refused: rows.filter((r) => !r.outcome.ok).length, layerName: rec.name };
  },
});
