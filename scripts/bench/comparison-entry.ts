/**
 * The comparison benchmark's code under test, bundled by scripts/bench/comparison.mjs with esbuild and run in Node:
 * the same shared code the app's comparison worker runs (OverlayIndex + compareWithIndex). It reads the five role
 * layers (GeoJSON, lon/lat), builds the index once (the worker's one-time cost per set of layers, printed apart), then
 * compares each plot once — every plot meets its candidates for the first time, as a new record does — and reports
 * each plot's milliseconds and its blocks (for the agreement check with the shapely reference).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Polygon } from 'geojson';
import { loadGeometryEngine } from '../../shared/domain/geometry/engine/load';
import { OverlayIndex, groupValueOf } from '../../shared/domain/geometry/overlay';
import { DEFAULT_PLANNING_VERDICTS, type ComparisonRole } from '../../shared/domain/inspection/comparison';
import { compareWithIndex, overlayLayersOf, type RoleLayer } from '../../shared/domain/inspection/comparison-run';

export const ROLE_FILES: [ComparisonRole, string, string | null][] = [
  ['farmland', 'farmland.geojson', null],
  ['landClass', 'landclass.geojson', 'DLBM'],
  ['planning', 'planning.geojson', 'GHFQMC'],
  ['approval', 'approval.geojson', 'PZWH'],
  ['supply', 'supply.geojson', 'GDBH'],
];

interface Fc {
  features: { properties: Record<string, unknown>; geometry: Polygon }[];
}

export async function run(dir: string) {
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Fc;
  const t0 = performance.now();
  const layers: RoleLayer[] = ROLE_FILES.map(([role, file, field]) => ({
    assignment: { role, layerId: role, layerName: file, groupField: field },
    dataVersion: 1,
    features: read(file).features.map((f, i) => ({ geometryLngLat: f.geometry, group: field ? groupValueOf(f.properties[field]) : null, fid: i })),
  }));
  const plots = read('plots.geojson').features;
  const t1 = performance.now();
  const engine = await loadGeometryEngine();
  const index = new OverlayIndex(engine, overlayLayersOf(layers));
  const t2 = performance.now();
  const out = plots.map((p) => {
    const s0 = performance.now();
    const o = compareWithIndex(index, engine, { geometry: p.geometry, zone: null, layers, verdicts: DEFAULT_PLANNING_VERDICTS, ranAt: 0 });
    const ms = performance.now() - s0;
    if (!o.ok) throw new Error(`plot ${String(p.properties.id)} refused: ${o.refusal.reason}`);
    const again0 = performance.now();
    compareWithIndex(index, engine, { geometry: p.geometry, zone: null, layers, verdicts: DEFAULT_PLANNING_VERDICTS, ranAt: 0 });
    const warmMs = performance.now() - again0;
    const s = o.stored.summary;
    return {
      id: String(p.properties.id),
      ms,
      warmMs,
      total: s.total.planarM2,
      farmland: s.farmland!.inside.planarM2,
      cultivated: s.landClass!.cultivated.planarM2,
      planningForbidden: s.planning!.byVerdict.forbidden.planarM2,
      approval: s.approval!.inside.planarM2,
      supply: s.supply!.inside.planarM2,
      outsideAll: s.outsideAll.planarM2,
    };
  });
  index.dispose();
  return { readMs: t1 - t0, indexMs: t2 - t1, features: layers.reduce((n, l) => n + l.features.length, 0), plots: out };
}
