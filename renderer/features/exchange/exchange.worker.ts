/// <reference lib="webworker" />
/**
 * Exchange files are written and read off the UI thread (a county's grid is thousands of cells): the GeoJSON and
 * shapefile writers, the shapefile reader (the import pipeline: .cpg/LDID encodings, the .prj, GEOS repair), the
 * import plan against the stored areas, and the patrol month's SHA-256.
 */
import { newGridAreaId } from '../../../shared/domain/grid/area-record';
import { areasFromRows, gridToGeoJson, readGridGeoJson, type GridFileResult } from '../../../shared/formats/exchange/grid-geojson';
import { planGridImport } from '../../../shared/formats/exchange/grid-import-plan';
import { gridToShapefile } from '../../../shared/formats/exchange/grid-shapefile';
import { readPatrolMonth, writePatrolMonth } from '../../../shared/formats/exchange/patrol-month';
import { encodeText } from '../../../shared/formats/encoding/text-encode';
import { importFiles } from '../../../shared/formats/import';
import { serveWorker } from '../../platform/worker-host';
import type { ExchangeProtocol, GridFileProblemJson } from './exchange.protocol';
import { dayOf } from './exchange.logic';

async function readGridFile(
  fileName: string,
  bytes: Uint8Array,
  at: number,
  by: string,
): Promise<GridFileResult | { ok: false; reason: string; detail?: string }> {
  const opts = { newId: () => newGridAreaId(Date.now()), at, by };
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return readGridGeoJson(new TextDecoder('utf-8').decode(bytes), opts);
  if (!lower.endsWith('.zip')) return { ok: false, reason: 'unknownFile' };
  const r = await importFiles([{ path: fileName, bytes }], { featureAreas: false });
  const layer = r.layers.find((l) => l.geometryKind === 'polygon');
  if (!layer) {
    if (r.pending.length > 0) return { ok: false, reason: 'noCrs' };
    const first = r.failed[0]?.issues[0];
    return first ? { ok: false, reason: 'shapefileUnreadable', detail: `${first.file}: ${first.code}` } : { ok: false, reason: 'notShapefile' };
  }
  return areasFromRows(
    layer.features.map((f) => ({ properties: f.properties, geometry: f.geometry })),
    opts,
  );
}

serveWorker<ExchangeProtocol>({
  exportGrid: async (req) => {
    if (req.format === 'geojson') {
      const fc = gridToGeoJson(req.areas, req.all, { office: req.office, exportedAt: req.at });
      return {
        bytes: encodeText(JSON.stringify(fc), 'utf-8').bytes,
        fileName: `${req.baseName}.geojson`,
        mime: 'application/geo+json',
        ext: 'geojson',
        cut: 0,
        unmappable: 0,
      };
    }
    const s = gridToShapefile(req.areas, req.all, {
      baseName: req.baseName,
      encoding: req.format === 'shp-gbk' ? 'gbk' : 'utf-8',
      planarZone: req.planarZone,
      date: dayOf(req.at),
    });
    return {
      bytes: s.zip,
      fileName: `${req.baseName}.zip`,
      mime: 'application/zip',
      ext: 'zip',
      cut: s.dbf.cut.length,
      unmappable: s.dbf.unmappable,
    };
  },
  readGrid: async (req) => {
    const r = await readGridFile(req.fileName, req.bytes, req.at, req.by);
    if (!r.ok) {
      const p = r as GridFileProblemJson & { areaReason?: string };
      return {
        ok: false,
        problem: {
          reason: p.reason,
          ...(p.index ? { index: p.index } : {}),
          ...(p.name ? { name: p.name } : {}),
          ...(p.areaReason ? { why: p.areaReason } : {}),
          ...(p.detail ? { detail: p.detail } : {}),
        },
      };
    }
    const plan = planGridImport(r.areas, req.stored, { at: req.at, by: req.by, file: req.fileName });
    return { ok: true, plan, office: r.office };
  },
  writePatrols: async (req) => {
    const text = await writePatrolMonth({ office: req.office, month: req.month, patrols: req.patrols }, req.at);
    return {
      bytes: encodeText(text, 'utf-8').bytes,
      fileName: `巡查_${req.office}_${req.month}.json`,
      mime: 'application/json',
      ext: 'json',
      cut: 0,
      unmappable: 0,
    };
  },
  readPatrols: async (req) => readPatrolMonth(req.text),
});
