/**
 * The comparison (套合) against GEOS: tests/oracles/comparison.json (scripts/make-comparison-oracle.py: shapely/GEOS +
 * pyproj, the blocks summed in Python) — plots with a hole, a multipart plot, one across several land classes and
 * planning zones, one reaching outside every layer, one that fits the plan — every block's figures to 1e-6 relative,
 * and every block adding up to the total; a bowtie refused, naming its crossing sides; staleness of a stored result.
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { oracleComparison } from '../../../tests/support/comparison-oracle';
import { loadGeometryEngine } from '../geometry/engine/load';
import type { AreaFigures, GkZoneRef } from '../units/area';
import { DEFAULT_PLANNING_VERDICTS, type ComparisonRole } from './comparison';
import {
  compareWithIndex,
  comparisonStaleness,
  geometryHashOf,
  isStale,
  plotRefusal,
  restoreStoredComparison,
  type StoredComparison,
} from './comparison-run';

type Fig = { planarM2: number; ellipsoidalM2: number; mu: number };
interface Oracle {
  zone: GkZoneRef;
  layers: { role: ComparisonRole; groupField: string | null; features: { geometry: Polygon['coordinates']; group: string | null }[] }[];
  plots: {
    id: string;
    type: 'Polygon' | 'MultiPolygon';
    geometry: unknown;
    blocks: {
      total: Fig;
      farmland: { inside: Fig; outside: Fig };
      landClass: { level1: Record<string, Fig>; detail: Record<string, Fig>; cultivated: Fig; three: Record<string, Fig>; uncovered: Fig };
      planning: { zones: Record<string, Fig>; byVerdict: Record<string, Fig>; uncovered: Fig; fits: boolean | null };
      approval: { inside: Fig; outside: Fig; documents: Record<string, Fig> };
      supply: { inside: Fig; outside: Fig; documents: Record<string, Fig> };
      outsideAll: Fig;
    };
  }[];
  bowtie: Polygon['coordinates'];
}

const oracle = JSON.parse(readFileSync(new URL('../../../tests/oracles/comparison.json', import.meta.url), 'utf8')) as Oracle;
const engine = await loadGeometryEngine();
const { roleLayers, index } = oracleComparison(engine, oracle.layers);
const geometryOf = (p: Oracle['plots'][number]) => ({ type: p.type, coordinates: p.geometry }) as Polygon | MultiPolygon;

/** 1e-6 relative to `scale` (the figure itself; for a remainder, total − Σ parts, the plot's total). */
const near = (got: number, want: number, what: string, scale = Math.abs(want)) =>
  expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(1e-6 * Math.max(scale, 1));
const same = (got: AreaFigures, want: Fig, what: string, scale?: number) => {
  near(got.planarM2, want.planarM2, `${what} planar`, scale);
  near(got.ellipsoidalM2, want.ellipsoidalM2, `${what} ellipsoidal`, scale);
  near(got.mu, want.mu, `${what} 亩`, scale);
};
const sumOf = (list: AreaFigures[]) => list.reduce((s, a) => s + a.planarM2, 0);

describe.each(oracle.plots.map((p) => [p.id, p] as const))('comparison of plot “%s” against GEOS (oracle)', (_id, p) => {
  const out = compareWithIndex(index, engine, {
    geometry: geometryOf(p),
    zone: oracle.zone,
    layers: roleLayers,
    verdicts: DEFAULT_PLANNING_VERDICTS,
    ranAt: 1,
  });
  if (!out.ok) throw new Error(`refused: ${JSON.stringify(out.refusal)}`);
  const s = out.stored.summary;
  const b = p.blocks;

  it('total: ellipsoidal and planar m², 亩', () => same(s.total, b.total, 'total'));

  it('permanent farmland inside / outside, adding up to the total', () => {
    same(s.farmland!.inside, b.farmland.inside, 'farmland inside');
    same(s.farmland!.outside, b.farmland.outside, 'farmland outside', b.total.planarM2);
    near(s.farmland!.inside.planarM2 + s.farmland!.outside.planarM2, s.total.planarM2, 'farmland sum');
  });

  it('land classes to the first level, 其中耕地 with 0101/0102/0103, the 三大类; adding up', () => {
    const lc = s.landClass!;
    expect(lc.level1.map((l) => l.code)).toEqual(Object.keys(b.landClass.level1).sort());
    for (const l of lc.level1) {
      same(l.area, b.landClass.level1[l.code]!, `level1 ${l.code}`);
      for (const d of l.detail) same(d.area, b.landClass.detail[d.code]!, `class ${d.code}`);
      near(sumOf(l.detail.map((d) => d.area)), l.area.planarM2, `detail sum ${l.code}`);
    }
    same(lc.cultivated, b.landClass.cultivated, '其中耕地');
    for (const t of ['agricultural', 'construction', 'unused'] as const) same(lc.three[t], b.landClass.three[t]!, t);
    expect(lc.three.unclassified.planarM2).toBe(0);
    same(lc.uncovered, b.landClass.uncovered, 'land class uncovered', b.total.planarM2);
    near(sumOf(lc.level1.map((l) => l.area)) + lc.uncovered.planarM2, s.total.planarM2, 'land class sum');
    near(
      lc.three.agricultural.planarM2 + lc.three.construction.planarM2 + lc.three.unused.planarM2 + lc.uncovered.planarM2,
      s.total.planarM2,
      '三大类 sum',
    );
  });

  it('planning zones with verdicts and 符合/不符合规划; adding up', () => {
    const pl = s.planning!;
    expect(pl.zones.map((z) => z.name).sort()).toEqual(Object.keys(b.planning.zones).sort());
    for (const z of pl.zones) same(z.area, b.planning.zones[z.name]!, `zone ${z.name}`);
    for (const v of ['allowed', 'conditional', 'forbidden', 'unknown'] as const) same(pl.byVerdict[v], b.planning.byVerdict[v]!, `verdict ${v}`);
    same(pl.uncovered, b.planning.uncovered, 'planning uncovered', b.total.planarM2);
    expect(pl.fits).toBe(b.planning.fits);
    near(sumOf(pl.zones.map((z) => z.area)) + pl.uncovered.planarM2, s.total.planarM2, 'planning sum');
  });

  it('approval and supply: inside per document, outside; adding up', () => {
    for (const role of ['approval', 'supply'] as const) {
      same(s[role]!.inside, b[role].inside, `${role} inside`);
      same(s[role]!.outside, b[role].outside, `${role} outside`, b.total.planarM2);
      const docs = out.stored.documents[role];
      expect(docs.map((d) => d.doc).sort()).toEqual(Object.keys(b[role].documents).sort());
      for (const d of docs) same(d.area, b[role].documents[d.doc!]!, `${role} ${d.doc}`);
      near(sumOf(docs.map((d) => d.area)) + s[role]!.outside.planarM2, s.total.planarM2, `${role} sum`);
    }
  });

  it('outside every layer', () => {
    same(s.outsideAll, b.outsideAll, 'outside all', b.total.planarM2);
    expect(s.complete).toBe(true);
  });

  it('names the layers and data versions it used, and the geometry it compared', () => {
    expect(out.stored.layers.map((l) => [l.role, l.id, l.dataVersion])).toEqual(roleLayers.map((l) => [l.assignment.role, l.assignment.layerId, 1]));
    expect(out.stored.geometryHash).toBe(geometryHashOf(geometryOf(p), oracle.zone));
    expect(restoreStoredComparison(JSON.parse(JSON.stringify(out.stored))).ok).toBe(true);
  });
});

describe('plots that are not simple are refused, never repaired', () => {
  const bowtie: Polygon = { type: 'Polygon', coordinates: oracle.bowtie };

  it('a bowtie drawn by a user: refused, naming the sides that cross', () => {
    expect(plotRefusal(bowtie, oracle.zone, engine)).toEqual({ reason: 'selfIntersection', part: 1, ring: 1, sideA: '1–2', sideB: '3–4' });
    const out = compareWithIndex(index, engine, { geometry: bowtie, zone: oracle.zone, layers: roleLayers, verdicts: {}, ranAt: 1 });
    expect(out).toEqual({ ok: false, refusal: { reason: 'selfIntersection', part: 1, ring: 1, sideA: '1–2', sideB: '3–4' } });
  });

  it('a hole outside its shell (each ring simple): refused by GEOS IsValid', () => {
    const p = oracle.plots.find((x) => x.id === 'hole')!;
    const g = geometryOf(p) as Polygon;
    const shell = g.coordinates[0]!;
    const far = oracle.plots.find((x) => x.id === 'outside')!;
    const bad: Polygon = { type: 'Polygon', coordinates: [shell, (geometryOf(far) as Polygon).coordinates[0]!] };
    expect(plotRefusal(bad, oracle.zone, engine)).toEqual({ reason: 'invalid' });
  });

  it('no geometry, and a ring of two points', () => {
    expect(plotRefusal(null, null)).toEqual({ reason: 'noGeometry' });
    const two: Polygon = { type: 'Polygon', coordinates: [[oracle.bowtie[0]![0]!, oracle.bowtie[0]![1]!, oracle.bowtie[0]![0]!]] };
    expect(plotRefusal(two, oracle.zone)).toMatchObject({ reason: 'tooFewPoints', points: 2 });
  });
});

describe('a stored result says when it is out of date', () => {
  const p = oracle.plots[0]!;
  const out = compareWithIndex(index, engine, {
    geometry: geometryOf(p),
    zone: oracle.zone,
    layers: roleLayers,
    verdicts: DEFAULT_PLANNING_VERDICTS,
    ranAt: 1,
  });
  const stored = (out as { stored: StoredComparison }).stored;
  const now = roleLayers.map((l) => ({ id: l.assignment.layerId, dataVersion: l.dataVersion }));
  const roles = roleLayers.map((l) => l.assignment);

  it('the same boundary and layers: current', () => {
    expect(isStale(comparisonStaleness(stored, { geometry: geometryOf(p), zone: oracle.zone }, now, roles))).toBe(false);
  });
  it('a layer rewritten, a layer removed, the boundary rebuilt, the roles changed', () => {
    const moved = now.map((l, i) => (i === 1 ? { ...l, dataVersion: 2 } : l)).filter((_, i) => i !== 4);
    const other = geometryOf(oracle.plots[1]!);
    const s = comparisonStaleness(stored, { geometry: other, zone: oracle.zone }, moved, roles.slice(0, 4));
    expect(s).toEqual({ geometryChanged: true, layersChanged: ['图层1'], layersRemoved: ['图层4'], rolesChanged: true });
  });
});
