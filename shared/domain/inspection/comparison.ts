/**
 * The one-click comparison (套合, issue 11 item 2): a plot against the office's layers, each playing one role —
 * permanent farmland, land classes (三调), planning zones, approval (报批) and supply (供地) plots — on the one
 * geometry engine (shared/domain/geometry/overlay.ts: GEOS, disjoint groups, each layer's remainder = total − Σ
 * groups). This module says which layer plays which role (guessed once from the layer kinds, then the office's
 * choice), and turns the engine's pieces into the blocks an officer reads:
 *   total; 永久基本农田 inside / outside; 地类 by first-level class with 其中耕地 (0101/0102/0103) and the 三大类;
 *   规划 by zone with 允许/有条件/禁止 and 符合/不符合规划; inside approval and supply plots; outside every layer.
 * Every block adds up to the total (its remainder is the engine's, so the sum is exact before rounding; printed
 * figures are apportioned by overlay-table.ts so they add up after rounding too). No figure is negative.
 */
import { squareMetres, toMu, type AreaFigures } from '../units/area';
import type { LayerKind } from '../layers/kind';
import type { OverlayPlotResult } from '../geometry/overlay';
import { LEVEL1_NAMES, landClassOf, type ThreeClass } from './land-classes';

export const COMPARISON_ROLES = ['farmland', 'landClass', 'planning', 'approval', 'supply'] as const;
export type ComparisonRole = (typeof COMPARISON_ROLES)[number];

/** Which stored layer plays a role, grouped by which field (null: ungrouped). */
export interface RoleAssignment {
  role: ComparisonRole;
  layerId: string;
  layerName: string;
  groupField: string | null;
}

export interface CandidateLayer {
  id: string;
  name: string;
  kind: LayerKind;
  fieldNames: readonly string[];
}

const firstField = (fields: readonly string[], ...names: string[]): string | null => {
  const upper = new Map(fields.map((f) => [f.toUpperCase(), f]));
  for (const n of names) {
    const hit = upper.get(n);
    if (hit) return hit;
  }
  return null;
};

/**
 * The roles guessed from the layers' kinds (the office confirms or changes them once): the first layer of each
 * kind; an approval/supply layer is 供地 when its name or fields say so (供地, GDBH), else 报批.
 */
export function guessRoles(layers: readonly CandidateLayer[]): RoleAssignment[] {
  const out: RoleAssignment[] = [];
  const take = (role: ComparisonRole, l: CandidateLayer | undefined, groupField: string | null) => {
    if (l && !out.some((r) => r.role === role)) out.push({ role, layerId: l.id, layerName: l.name, groupField });
  };
  const farmland = layers.find((l) => l.kind === 'permanentFarmland');
  take('farmland', farmland, null);
  const lc = layers.find((l) => l.kind === 'landClass');
  if (lc) take('landClass', lc, firstField(lc.fieldNames, 'DLBM', 'DLMC'));
  const pz = layers.find((l) => l.kind === 'planningZone');
  if (pz) take('planning', pz, firstField(pz.fieldNames, 'GHFQMC', 'TDYTQMC', 'GZQMC', 'GHFQDM', 'TDYTQLXDM', 'GZQLXDM'));
  for (const l of layers.filter((x) => x.kind === 'approvalSupply')) {
    const supply = /供地|供应|GD/i.test(l.name) || l.fieldNames.some((f) => /^GDBH$|^GDDH$/i.test(f));
    take(supply ? 'supply' : 'approval', l, null);
  }
  return out;
}

/** What a planning zone says about building there. */
export type PlanningVerdict = 'allowed' | 'conditional' | 'forbidden';

/**
 * Default verdicts by zone name, for the two plan systems offices hold: the old 土地利用总体规划 建设用地管制区
 * (允许/有条件/限制/禁止建设区) and the 国土空间规划 分区 (城镇集中建设区, 村庄建设区 … 农田保护区, 生态保护区).
 * The office may set its own; a name not listed has no verdict (shown as 未判定, never as 符合).
 */
export const DEFAULT_PLANNING_VERDICTS: Readonly<Record<string, PlanningVerdict>> = {
  允许建设区: 'allowed',
  城镇集中建设区: 'allowed',
  村庄建设区: 'allowed',
  城镇开发边界内: 'allowed',
  有条件建设区: 'conditional',
  城镇弹性发展区: 'conditional',
  特别用途区: 'conditional',
  限制建设区: 'forbidden',
  禁止建设区: 'forbidden',
  生态保护区: 'forbidden',
  生态保护红线: 'forbidden',
  生态控制区: 'forbidden',
  农田保护区: 'forbidden',
  永久基本农田保护区: 'forbidden',
  一般农业区: 'forbidden',
  林业发展区: 'forbidden',
  牧业发展区: 'forbidden',
};

export interface ClassBlock {
  code: string;
  name: string;
  area: AreaFigures;
}

export interface ComparisonSummary {
  total: AreaFigures;
  /** null when no layer plays the role. */
  farmland: { inside: AreaFigures; outside: AreaFigures; complete: boolean } | null;
  landClass: {
    /** First-level classes in code order, then the values no table knows (each under its own value). */
    level1: (ClassBlock & { detail: ClassBlock[] })[];
    /** 其中耕地 (01), with 0101/0102/0103 in `level1`'s detail. */
    cultivated: AreaFigures;
    three: Record<ThreeClass | 'unclassified', AreaFigures>;
    /** Outside every land-class feature. */
    uncovered: AreaFigures;
    complete: boolean;
  } | null;
  planning: {
    zones: (ClassBlock & { verdict: PlanningVerdict | null })[];
    byVerdict: Record<PlanningVerdict | 'unknown', AreaFigures>;
    uncovered: AreaFigures;
    /** 符合规划: every zoned part of the plot allowed; false when any part is forbidden or conditional; null undecided. */
    fits: boolean | null;
    complete: boolean;
  } | null;
  approval: { inside: AreaFigures; outside: AreaFigures; complete: boolean } | null;
  supply: { inside: AreaFigures; outside: AreaFigures; complete: boolean } | null;
  /** Outside every layer that plays a role. */
  outsideAll: AreaFigures;
  complete: boolean;
}

/** Sums figures in the plot's zone (never below 0: noise of the engine's remainders is already clamped). */
function sum(total: AreaFigures, parts: readonly AreaFigures[]): AreaFigures {
  let p = 0;
  let e = 0;
  for (const a of parts) {
    p += a.planarM2;
    e += a.ellipsoidalM2;
  }
  const planarM2 = squareMetres(Math.max(0, p));
  return { planarM2, ellipsoidalM2: squareMetres(Math.max(0, e)), mu: toMu(planarM2), zone: total.zone };
}

const zero = (total: AreaFigures): AreaFigures => sum(total, []);

/**
 * The blocks of one plot's overlay. The overlay must have been run with one layer per assigned role, each named by
 * its role ('farmland', 'landClass' …) and grouped by the role's groupField.
 */
export function summarizeComparison(
  plot: OverlayPlotResult,
  roles: readonly RoleAssignment[],
  verdicts: Readonly<Record<string, PlanningVerdict>> = DEFAULT_PLANNING_VERDICTS,
): ComparisonSummary {
  const total = plot.area;
  const has = (role: ComparisonRole) => roles.some((r) => r.role === role);
  const layer = (role: ComparisonRole) => plot.byLayer.find((l) => l.layer === role);
  const pieces = (role: ComparisonRole) => plot.overlaps.filter((o) => o.layer === role);
  const inOut = (role: ComparisonRole) => {
    const l = layer(role);
    if (!has(role) || !l) return null;
    return { inside: l.covered, outside: l.uncovered, complete: l.complete };
  };

  let landClass: ComparisonSummary['landClass'] = null;
  const lcLayer = layer('landClass');
  if (has('landClass') && lcLayer) {
    const level1 = new Map<string, { name: string; parts: AreaFigures[]; detail: Map<string, { name: string; parts: AreaFigures[] }> }>();
    const three: Record<ThreeClass | 'unclassified', AreaFigures[]> = { agricultural: [], construction: [], unused: [], unclassified: [] };
    for (const p of pieces('landClass')) {
      const info = landClassOf(p.group);
      const key = info ? info.level1 : `?${p.group ?? '—'}`;
      const name = info ? (LEVEL1_NAMES[info.level1] ?? info.level1) : (p.group ?? '—');
      let block = level1.get(key);
      if (!block) level1.set(key, (block = { name, parts: [], detail: new Map() }));
      block.parts.push(p.area);
      const dKey = info ? info.code : key;
      let d = block.detail.get(dKey);
      if (!d) block.detail.set(dKey, (d = { name: info ? info.name : name, parts: [] }));
      d.parts.push(p.area);
      three[info ? info.three : 'unclassified'].push(p.area);
    }
    const ordered = [...level1.entries()].sort(([a], [b]) =>
      a.startsWith('?') === b.startsWith('?') ? (a < b ? -1 : a > b ? 1 : 0) : a.startsWith('?') ? 1 : -1,
    );
    const blocks = ordered.map(([code, b]) => ({
      code: code.startsWith('?') ? code.slice(1) : code,
      name: b.name,
      area: sum(total, b.parts),
      detail: [...b.detail.entries()]
        .sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
        .map(([dc, d]) => ({ code: dc.startsWith('?') ? dc.slice(1) : dc, name: d.name, area: sum(total, d.parts) })),
    }));
    landClass = {
      level1: blocks,
      cultivated: blocks.find((b) => b.code === '01')?.area ?? zero(total),
      three: {
        agricultural: sum(total, three.agricultural),
        construction: sum(total, three.construction),
        unused: sum(total, three.unused),
        unclassified: sum(total, three.unclassified),
      },
      uncovered: lcLayer.uncovered,
      complete: lcLayer.complete,
    };
  }

  let planning: ComparisonSummary['planning'] = null;
  const pzLayer = layer('planning');
  if (has('planning') && pzLayer) {
    const zones = pieces('planning').map((p) => ({
      code: p.group ?? '—',
      name: p.group ?? '—',
      area: p.area,
      verdict: p.group !== null ? (verdicts[p.group.trim()] ?? null) : null,
    }));
    const by = (v: PlanningVerdict | null) =>
      sum(
        total,
        zones.filter((z) => z.verdict === v).map((z) => z.area),
      );
    const byVerdict = { allowed: by('allowed'), conditional: by('conditional'), forbidden: by('forbidden'), unknown: by(null) };
    const zoned = zones.filter((z) => z.area.planarM2 > 0);
    const fits = zoned.some((z) => z.verdict === 'forbidden' || z.verdict === 'conditional')
      ? false
      : zoned.length === 0 || zoned.some((z) => z.verdict === null)
        ? null
        : true;
    planning = { zones, byVerdict, uncovered: pzLayer.uncovered, fits, complete: pzLayer.complete };
  }

  return {
    total,
    farmland: inOut('farmland'),
    landClass,
    planning,
    approval: inOut('approval'),
    supply: inOut('supply'),
    outsideAll: plot.uncovered,
    complete: plot.complete,
  };
}
