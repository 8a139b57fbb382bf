/**
 * The 面积表 from stored comparisons run here on the comparison oracle's layers and plots (tests/oracles/comparison.json,
 * scripts/make-comparison-oracle.py: GEOS via shapely + pyproj): a plot with a hole, a multipart plot, one across
 * several classes and zones, one outside every layer, one that fits the plan. Each block adds up to the printed total
 * to the last digit, and each row is the oracle's figure to the printed digit.
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { oracleComparison } from '../../../tests/support/comparison-oracle';
import { loadGeometryEngine } from '../geometry/engine/load';
import { DEFAULT_PLANNING_VERDICTS, type ComparisonRole } from '../inspection/comparison';
import { compareWithIndex } from '../inspection/comparison-run';
import type { GkZoneRef } from '../units/area';
import { AREA_TABLE_LABEL_KEYS, areaRows, type AreaTableLabels } from './area-table';
import type { AreaRow } from './inputs';

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
      farmland: { inside: Fig };
      landClass: { level1: Record<string, Fig>; cultivated: Fig; uncovered: Fig };
      planning: { byVerdict: Record<string, Fig>; uncovered: Fig };
      approval: { inside: Fig; outside: Fig };
      supply: { inside: Fig; outside: Fig };
    };
  }[];
}

const oracle = JSON.parse(readFileSync(new URL('../../../tests/oracles/comparison.json', import.meta.url), 'utf8')) as Oracle;
const engine = await loadGeometryEngine();
const { roleLayers, index } = oracleComparison(engine, oracle.layers);
// Labels: the key itself, so the spec sees which row is which without depending on the wording.
const labels = Object.fromEntries(AREA_TABLE_LABEL_KEYS.map((k) => [k, k])) as unknown as AreaTableLabels;

const cents = (v: number) => Math.round(v * 100);
const tenThousandths = (v: number) => Math.round(v * 10_000);

/** The blocks: runs of level-0 rows from one with a `block` heading to the next (the total's block has one row). */
function blocksOf(rows: AreaRow[]): Map<string, AreaRow[]> {
  const out = new Map<string, AreaRow[]>();
  let cur: AreaRow[] = [];
  for (const r of rows) {
    if (r.block) out.set(r.block, (cur = []));
    if (r.level === 0) cur.push(r);
  }
  return out;
}

describe.each(oracle.plots.map((p) => [p.id, p] as const))('area table of plot “%s”', (_id, p) => {
  const out = compareWithIndex(index, engine, {
    geometry: { type: p.type, coordinates: p.geometry } as Polygon | MultiPolygon,
    zone: oracle.zone,
    layers: roleLayers,
    verdicts: DEFAULT_PLANNING_VERDICTS,
    ranAt: 1,
  });
  if (!out.ok) throw new Error('refused');
  const rows = areaRows(out.stored.summary, labels);
  const b = p.blocks;

  it('prints the total planar, ellipsoidal and 亩 to the printed digits of GEOS’s figures', () => {
    const t = rows[0]!;
    expect(t.label).toBe('areaTotal');
    expect(cents(t.planarM2)).toBe(cents(b.total.planarM2));
    expect(cents(t.ellipsoidalM2!)).toBe(cents(b.total.ellipsoidalM2));
    expect(tenThousandths(t.mu)).toBe(tenThousandths(b.total.planarM2 * 0.0015));
  });

  it('every block adds up to the printed total to the last digit, in m² and in 亩', () => {
    const t = rows[0]!;
    const blocks = blocksOf(rows);
    expect([...blocks.keys()]).toEqual(['areaBlockTotal', 'areaBlockLandClass', 'areaBlockPlanning', 'areaBlockApproval', 'areaBlockSupply']);
    for (const [name, list] of blocks) {
      expect(
        list.reduce((s, r) => s + cents(r.planarM2), 0),
        name,
      ).toBe(cents(t.planarM2));
      expect(
        list.reduce((s, r) => s + tenThousandths(r.mu), 0),
        name,
      ).toBe(tenThousandths(t.mu));
    }
  });

  it('其中 rows and class rows are GEOS’s figures within one printed unit', () => {
    const row = (label: string) => rows.find((r) => r.label === label);
    const within = (got: number | undefined, want: number) => expect(Math.abs((got ?? 0) - want)).toBeLessThanOrEqual(0.01 + 1e-9);
    within(row('areaFarmland')?.planarM2, b.farmland.inside.planarM2);
    within(row('areaCultivated')?.planarM2, b.landClass.cultivated.planarM2);
    for (const [code, fig] of Object.entries(b.landClass.level1)) {
      const r = rows.find((x) => x.label.startsWith(`${code} `));
      if (fig.planarM2 >= 0.005) within(r?.planarM2, fig.planarM2);
    }
    within(row('areaOtherClass')?.planarM2 ?? 0, b.landClass.uncovered.planarM2);
    within(row('areaFits')?.planarM2 ?? 0, b.planning.byVerdict.allowed?.planarM2 ?? 0);
    within(row('areaApprovalIn')?.planarM2 ?? 0, b.approval.inside.planarM2);
    within(row('areaSupplyOut')?.planarM2 ?? 0, b.supply.outside.planarM2);
    // 其中 rows never print above the total, and no row is negative
    for (const r of rows) {
      expect(r.planarM2).toBeGreaterThanOrEqual(0);
      expect(r.planarM2).toBeLessThanOrEqual(rows[0]!.planarM2);
    }
  });
});
