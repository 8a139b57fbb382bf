/**
 * The 套合 result as the officer reads it: blocks of rows (总面积; 永久基本农田 内/外; 地类 by first-level class with 其中
 * 耕地 水田/水浇地/旱地 and the 三大类; 规划 by zone with its verdict and 符合/不符合规划; 报批 and 供地 per document; inside
 * some layer / outside every layer). Each block's printed figures add up to the printed total to the last digit:
 * each column (高斯平面 m², 亩, 椭球 m²) of a block is apportioned by the largest-remainder method
 * (shared/domain/geometry/overlay-table.ts, as the overlay table does), and a class's 其中 rows are apportioned
 * within its printed figure. Pure: the section, the 一览表 and the specs use it.
 */
import type { AreaFigures } from '../../../shared/domain/units/area';
import { apportion, TABLE_DIGITS, type PrintedFigures } from '../../../shared/domain/geometry/overlay-table';
import { formatMu, formatSquareMetres } from '../../../shared/domain/units/format';
import type { ComparisonRole, ComparisonSummary, PlanningVerdict } from '../../../shared/domain/inspection/comparison';
import type { PlotRefusal, Staleness, StoredComparison } from '../../../shared/domain/inspection/comparison-run';
import type { MessageKey } from '../../i18n';
import type { Translate } from '../../i18n/i18n.logic';
import type { Mu, SquareMetres } from '../../../shared/domain/units/area';

export type BlockId = 'total' | 'farmland' | 'landClass' | 'three' | 'planning' | 'approval' | 'supply' | 'outside';

export interface PrintedRow {
  key: string;
  label: string;
  /** A 其中 row: part of the row above it, not of the block's sum. */
  sub: boolean;
  figures: PrintedFigures;
}

export interface PrintedBlock {
  id: BlockId;
  title: string;
  /** The layer that played the role (its name as stored), for the block's heading. */
  layerName: string | null;
  rows: PrintedRow[];
  /** A line under the table: 符合规划 / 不符合规划 / 未判定 for planning. */
  verdictLine: { text: string; tone: 'ok' | 'error' | 'warning' } | null;
  /** False when a feature of the layer could not be used: the block says its figures are incomplete. */
  complete: boolean;
}

const printedOf = (a: AreaFigures): PrintedFigures => ({
  planarM2: Math.round(Math.max(0, a.planarM2) * 100) / 100,
  ellipsoidalM2: Math.round(Math.max(0, a.ellipsoidalM2) * 100) / 100,
  mu: Math.round(Math.max(0, a.mu) * 10_000) / 10_000,
});

/** Parts apportioned so that each column sums to `total`'s printed figure (or to `printedTotal` when given). */
export function apportionParts(total: AreaFigures | PrintedFigures, parts: readonly AreaFigures[], printedTotal?: PrintedFigures): PrintedFigures[] {
  const t = printedTotal ?? total;
  const col = (get: (a: AreaFigures | PrintedFigures) => number, d: number) => apportion(get(t), parts.map(get), d);
  const pl = col((a) => a.planarM2, TABLE_DIGITS.m2);
  const el = col((a) => a.ellipsoidalM2, TABLE_DIGITS.m2);
  const mu = col((a) => a.mu, TABLE_DIGITS.mu);
  return parts.map((_, i) => ({ planarM2: pl[i] as number, ellipsoidalM2: el[i] as number, mu: mu[i] as number }));
}

interface Part {
  key: string;
  label: string;
  area: AreaFigures;
  /** 其中 rows, apportioned within this part's printed figure. */
  detail?: Part[];
  /** The 其中 rows are only some of the part (耕地 of 农用地): the rest is apportioned too, and not shown. */
  partial?: boolean;
}

/** a − Σ parts, per column (never below 0): the unshown rest of a part whose 其中 rows do not cover it. */
export function restOf(whole: AreaFigures, parts: readonly AreaFigures[]): AreaFigures {
  const minus = (get: (a: AreaFigures) => number) => Math.max(0, get(whole) - parts.reduce((s, p) => s + get(p), 0));
  return {
    ...whole,
    planarM2: minus((a) => a.planarM2) as SquareMetres,
    ellipsoidalM2: minus((a) => a.ellipsoidalM2) as SquareMetres,
    mu: minus((a) => a.mu) as Mu,
  };
}

function block(total: AreaFigures, parts: Part[]): PrintedRow[] {
  const top = apportionParts(
    total,
    parts.map((p) => p.area),
    printedOf(total),
  );
  const rows: PrintedRow[] = [];
  parts.forEach((p, i) => {
    const fig = top[i] as PrintedFigures;
    rows.push({ key: p.key, label: p.label, sub: false, figures: fig });
    if (p.detail?.length) {
      const areas = p.detail.map((d) => d.area);
      const sub = apportionParts(fig, p.partial ? [...areas, restOf(p.area, areas)] : areas, fig);
      p.detail.forEach((d, k) => rows.push({ key: d.key, label: d.label, sub: true, figures: sub[k] as PrintedFigures }));
    }
  });
  return rows;
}

const VERDICT_KEY: Record<PlanningVerdict | 'unknown', MessageKey> = {
  allowed: 'comparison.verdict.allowed',
  conditional: 'comparison.verdict.conditional',
  forbidden: 'comparison.verdict.forbidden',
  unknown: 'comparison.verdict.unknown',
};

/** The printed blocks of a stored result, in the order the section shows them. */
export function comparisonBlocks(stored: StoredComparison, t: Translate): PrintedBlock[] {
  const s: ComparisonSummary = stored.summary;
  const total = s.total;
  const nameOf = (role: ComparisonRole) => stored.layers.find((l) => l.role === role)?.name ?? null;
  const out: PrintedBlock[] = [];
  const push = (
    id: BlockId,
    titleKey: MessageKey,
    layer: string | null,
    parts: Part[],
    complete = true,
    verdictLine: PrintedBlock['verdictLine'] = null,
  ) => out.push({ id, title: t(titleKey), layerName: layer, rows: block(total, parts), verdictLine, complete });

  push('total', 'comparison.block.total', null, [{ key: 'total', label: t('comparison.row.total'), area: total }]);
  if (s.farmland)
    push(
      'farmland',
      'comparison.block.farmland',
      nameOf('farmland'),
      [
        { key: 'in', label: t('comparison.row.farmlandIn'), area: s.farmland.inside },
        { key: 'out', label: t('comparison.row.farmlandOut'), area: s.farmland.outside },
      ],
      s.farmland.complete,
    );
  if (s.landClass) {
    const lc = s.landClass;
    const parts: Part[] = lc.level1.map((l) => ({
      key: `l1:${l.code}`,
      label: /^\d+$/.test(l.code) ? `${l.code} ${l.name}` : t('comparison.row.unknownClass', { value: l.name }),
      area: l.area,
      ...(l.code === '01'
        ? {
            detail: l.detail.map((d) => ({
              key: `d:${d.code}`,
              label: t('comparison.row.ofWhich', { name: `${d.name}（${d.code}）` }),
              area: d.area,
            })),
          }
        : {}),
    }));
    parts.push({ key: 'uncovered', label: t('comparison.row.outsideLayer'), area: lc.uncovered });
    push('landClass', 'comparison.block.landClass', nameOf('landClass'), parts, lc.complete);
    const three: Part[] = [
      {
        key: 'agricultural',
        label: t('comparison.row.agricultural'),
        area: lc.three.agricultural,
        detail: [{ key: 'cultivated', label: t('comparison.row.ofWhich', { name: t('comparison.row.cultivated') }), area: lc.cultivated }],
        partial: true,
      },
      { key: 'construction', label: t('comparison.row.construction'), area: lc.three.construction },
      { key: 'unused', label: t('comparison.row.unused'), area: lc.three.unused },
    ];
    if (lc.three.unclassified.planarM2 > 0) three.push({ key: 'unclassified', label: t('comparison.row.unclassified'), area: lc.three.unclassified });
    three.push({ key: 'uncovered', label: t('comparison.row.outsideLayer'), area: lc.uncovered });
    push('three', 'comparison.block.three', nameOf('landClass'), three, lc.complete);
  }
  if (s.planning) {
    const p = s.planning;
    const parts: Part[] = p.zones.map((z, i) => ({
      key: `z${i}:${z.name}`,
      label: t('comparison.row.zone', { name: z.name, verdict: t(VERDICT_KEY[z.verdict ?? 'unknown']) }),
      area: z.area,
    }));
    parts.push({ key: 'uncovered', label: t('comparison.row.outsideLayer'), area: p.uncovered });
    const line: PrintedBlock['verdictLine'] =
      p.fits === true
        ? { text: t('comparison.fits.yes'), tone: 'ok' }
        : p.fits === false
          ? {
              text: t('comparison.fits.no', { forbidden: formatMu(p.byVerdict.forbidden.mu), conditional: formatMu(p.byVerdict.conditional.mu) }),
              tone: 'error',
            }
          : { text: t('comparison.fits.unknown'), tone: 'warning' };
    push('planning', 'comparison.block.planning', nameOf('planning'), parts, p.complete, line);
  }
  for (const role of ['approval', 'supply'] as const) {
    const io = s[role];
    if (!io) continue;
    const layer = stored.layers.find((l) => l.role === role);
    const docs = stored.documents[role];
    const parts: Part[] =
      layer?.groupField && docs.length > 0
        ? docs.map((d, i) => ({
            key: `doc${i}`,
            label: d.doc === null ? t('comparison.row.noDocument') : t('comparison.row.document', { field: layer.groupField ?? '', doc: d.doc }),
            area: d.area,
          }))
        : [{ key: 'in', label: t(role === 'approval' ? 'comparison.row.approvalIn' : 'comparison.row.supplyIn'), area: io.inside }];
    parts.push({ key: 'out', label: t(role === 'approval' ? 'comparison.row.approvalOut' : 'comparison.row.supplyOut'), area: io.outside });
    push(role, role === 'approval' ? 'comparison.block.approval' : 'comparison.block.supply', layer?.name ?? null, parts, io.complete);
  }
  const inside: AreaFigures = {
    ...total,
    planarM2: (total.planarM2 - s.outsideAll.planarM2) as SquareMetres,
    ellipsoidalM2: (total.ellipsoidalM2 - s.outsideAll.ellipsoidalM2) as SquareMetres,
    mu: (total.mu - s.outsideAll.mu) as Mu,
  };
  push(
    'outside',
    'comparison.block.outside',
    null,
    [
      { key: 'inside', label: t('comparison.row.insideSome'), area: inside },
      { key: 'outside', label: t('comparison.row.outsideAll'), area: s.outsideAll },
    ],
    s.complete,
  );
  return out;
}

/** Printed figures as every output shows them: m² to 0.01 with thousands, 亩 to 0.0001. */
export const m2Text = (v: number): string => formatSquareMetres(v as SquareMetres, { thousands: true });
export const muText = (v: number): string => formatMu(v as Mu, { thousands: true });

/** Why a plot was not compared, in the UI language, naming the problem. */
export function refusalText(r: PlotRefusal, t: Translate): string {
  const where = (part: number, ring: number) =>
    t(ring === 1 ? 'comparison.refusal.where.outer' : 'comparison.refusal.where.hole', { part, hole: ring - 1 });
  switch (r.reason) {
    case 'noGeometry':
      return t('comparison.refusal.noGeometry');
    case 'tooFewPoints':
      return t('comparison.refusal.tooFewPoints', { where: where(r.part, r.ring), points: r.points });
    case 'repeatedPoint':
      return t('comparison.refusal.repeatedPoint', { where: where(r.part, r.ring), first: r.first, second: r.second });
    case 'selfIntersection':
      return t('comparison.refusal.selfIntersection', { where: where(r.part, r.ring), a: r.sideA, b: r.sideB });
    case 'zeroArea':
      return t('comparison.refusal.zeroArea', { where: where(r.part, r.ring) });
    case 'invalid':
      return t('comparison.refusal.invalid');
  }
}

/** What changed since the stored result, as the section says it; null when it is current. */
export function stalenessText(s: Staleness, t: Translate): string | null {
  const parts: string[] = [];
  if (s.layersChanged.length) parts.push(t('comparison.stale.layers', { names: s.layersChanged.join('、') }));
  if (s.layersRemoved.length) parts.push(t('comparison.stale.removed', { names: s.layersRemoved.join('、') }));
  if (s.rolesChanged) parts.push(t('comparison.stale.roles'));
  if (s.geometryChanged) parts.push(t('comparison.stale.geometry'));
  return parts.length ? `${parts.join('；')}${t('comparison.stale.rerun')}` : null;
}
