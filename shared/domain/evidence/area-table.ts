/**
 * The 面积表 of the evidence map sheet (issue 13 item 3), from the record's stored comparison (套合) summary — the
 * geometry engine's figures, never recomputed here. Rows in print order, in blocks:
 *   总面积 (planar, with the ellipsoidal figure labelled), 其中耕地, 其中永久基本农田;
 *   地类 by first-level class (01 耕地, 02 园地 …) + 其他/未覆盖 (outside the land-class layer);
 *   规划: 符合规划 (允许建设区), 不符合规划 (有条件 / 禁止·限制), 未判定, 其他/未覆盖;
 *   报批 inside / 未报批; 供地 inside / 未供地.
 * Each block's level-0 rows add up to the printed total to the last digit (m² to 0.01, 亩 to 0.0001): every column
 * is apportioned by the largest-remainder method (shared/domain/geometry/overlay-table.ts apportion) against the
 * printed total; a 其中 row is apportioned with its complement, so it never prints above the total. Rows that
 * print 0 are left out (the block still adds up); a block's remainder row stays when it is not 0.
 */
import { apportion, TABLE_DIGITS } from '../geometry/overlay-table';
import type { ComparisonSummary } from '../inspection/comparison';
import type { AreaFigures } from '../units/area';
import type { AreaRow } from './inputs';

export const AREA_TABLE_LABEL_KEYS = [
  'areaBlockTotal',
  'areaBlockLandClass',
  'areaBlockPlanning',
  'areaBlockApproval',
  'areaBlockSupply',
  'areaTotal',
  'areaCultivated',
  'areaFarmland',
  'areaOtherClass',
  'areaFits',
  'areaConditional',
  'areaForbidden',
  'areaUnknownVerdict',
  'areaOutsidePlanning',
  'areaApprovalIn',
  'areaApprovalOut',
  'areaSupplyIn',
  'areaSupplyOut',
  'areaUnknownClass',
] as const;
export type AreaTableLabels = Readonly<Record<(typeof AREA_TABLE_LABEL_KEYS)[number], string>>;

type Fig = Pick<AreaFigures, 'planarM2' | 'ellipsoidalM2' | 'mu'>;

const roundTo = (v: number, d: number) => Math.round(Math.max(0, v) * 10 ** d) / 10 ** d;

/** Parts apportioned in each column to `total`'s printed figures. */
function shares(total: Fig, parts: readonly Fig[]): { planarM2: number; ellipsoidalM2: number; mu: number }[] {
  const pl = apportion(
    total.planarM2,
    parts.map((p) => p.planarM2),
    TABLE_DIGITS.m2,
  );
  const el = apportion(
    total.ellipsoidalM2,
    parts.map((p) => p.ellipsoidalM2),
    TABLE_DIGITS.m2,
  );
  const mu = apportion(
    total.mu,
    parts.map((p) => p.mu),
    TABLE_DIGITS.mu,
  );
  return parts.map((_, i) => ({ planarM2: pl[i] as number, ellipsoidalM2: el[i] as number, mu: mu[i] as number }));
}

const minus = (a: Fig, b: Fig): Fig =>
  ({
    planarM2: Math.max(0, a.planarM2 - b.planarM2),
    ellipsoidalM2: Math.max(0, a.ellipsoidalM2 - b.ellipsoidalM2),
    mu: Math.max(0, a.mu - b.mu),
  }) as Fig;

/** The area table's rows (see the module comment). */
export function areaRows(summary: ComparisonSummary, labels: AreaTableLabels): AreaRow[] {
  const total = summary.total;
  const rows: AreaRow[] = [];
  rows.push({
    label: labels.areaTotal,
    level: 0,
    block: labels.areaBlockTotal,
    planarM2: roundTo(total.planarM2, TABLE_DIGITS.m2),
    mu: roundTo(total.mu, TABLE_DIGITS.mu),
    ellipsoidalM2: roundTo(total.ellipsoidalM2, TABLE_DIGITS.m2),
  });
  const ofWhich = (label: string, part: Fig) => {
    const [s] = shares(total, [part, minus(total, part)]);
    if (s) rows.push({ label, level: 1, planarM2: s.planarM2, mu: s.mu });
  };
  if (summary.landClass) ofWhich(labels.areaCultivated, summary.landClass.cultivated);
  if (summary.farmland) ofWhich(labels.areaFarmland, summary.farmland.inside);

  /** A block: level-0 rows that add up to the total; zero rows dropped. */
  const block = (name: string, parts: { label: string; area: Fig }[]) => {
    const first = rows.length;
    const s = shares(
      total,
      parts.map((p) => p.area),
    );
    parts.forEach((p, i) => {
      const f = s[i]!;
      if (f.planarM2 > 0 || f.mu > 0) rows.push({ label: p.label, level: 0, planarM2: f.planarM2, mu: f.mu });
    });
    if (rows.length === first && parts[0]) rows.push({ label: parts[parts.length - 1]!.label, level: 0, planarM2: 0, mu: 0 });
    rows[first] = { ...rows[first]!, block: name };
  };
  const lc = summary.landClass;
  if (lc)
    block(labels.areaBlockLandClass, [
      ...lc.level1.map((l) => ({
        label: /^\d+$/.test(l.code) ? `${l.code} ${l.name}` : labels.areaUnknownClass.replace('{value}', l.name),
        area: l.area,
      })),
      { label: labels.areaOtherClass, area: lc.uncovered },
    ]);
  const p = summary.planning;
  if (p)
    block(labels.areaBlockPlanning, [
      { label: labels.areaFits, area: p.byVerdict.allowed },
      { label: labels.areaConditional, area: p.byVerdict.conditional },
      { label: labels.areaForbidden, area: p.byVerdict.forbidden },
      { label: labels.areaUnknownVerdict, area: p.byVerdict.unknown },
      { label: labels.areaOutsidePlanning, area: p.uncovered },
    ]);
  if (summary.approval)
    block(labels.areaBlockApproval, [
      { label: labels.areaApprovalIn, area: summary.approval.inside },
      { label: labels.areaApprovalOut, area: summary.approval.outside },
    ]);
  if (summary.supply)
    block(labels.areaBlockSupply, [
      { label: labels.areaSupplyIn, area: summary.supply.inside },
      { label: labels.areaSupplyOut, area: summary.supply.outside },
    ]);
  return rows;
}
