/**
 * The form's table of areas covered (巡查覆盖): each patrol unit the route entered, with its metres and minutes
 * inside (shared/domain/patrol/coverage.ts, geodesic on CGCS2000), whether the thresholds make it covered, and
 * whether the officer ticked it. The figures inside do not depend on the thresholds, so changing a threshold
 * recomputes "covered" here without going back to the worker.
 *
 * Ticks: by default an area is ticked when it is covered; the officer may untick a covered one or tick one that
 * is not (an officer who stood at the edge of a cell and looked in). `overrides` keeps only the officer's own
 * decisions, so a threshold change still moves the areas the officer did not touch.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { DEFAULT_MIN_METRES, DEFAULT_MIN_SECONDS, type CellCoverage, type CoverageCell } from '../../../shared/domain/patrol/coverage';

export interface Thresholds {
  minMetres: number;
  /** The form asks in minutes (an officer thinks "5 minutes on site"); coverage.ts counts seconds. */
  minMinutes: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minMetres: DEFAULT_MIN_METRES, minMinutes: DEFAULT_MIN_SECONDS / 60 };

/** The units a patrol covers: the grid's cells, and villages not yet divided into cells; each with a boundary. */
export function patrolUnits(areas: readonly GridArea[]): GridArea[] {
  const parentsOfCells = new Set(areas.filter((a) => a.level === 'cell').map((a) => a.parentId));
  return areas.filter((a) => a.geometry !== null && (a.level === 'cell' || (a.level === 'village' && !parentsOfCells.has(a.id))));
}

export const coverageCellsOf = (units: readonly GridArea[]): CoverageCell[] =>
  units.flatMap((a) => (a.geometry ? [{ id: a.id, name: a.name, geometryLngLat: a.geometry }] : []));

export const isCovered = (c: Pick<CellCoverage, 'insideMetres' | 'insideSeconds'>, t: Thresholds): boolean =>
  c.insideMetres >= t.minMetres || (c.insideSeconds !== null && c.insideSeconds >= t.minMinutes * 60);

export interface CoverageRow {
  id: string;
  name: string;
  insideMetres: number;
  /** null: the route has no times inside this area (drawn, or a track without times). */
  insideMinutes: number | null;
  covered: boolean;
  ticked: boolean;
  /** The officer's tick differs from what the thresholds say. */
  overridden: boolean;
}

export type CoverageSort = 'name' | 'metres' | 'minutes' | 'covered';

/**
 * The rows: every area the route entered, plus areas ticked by hand that it did not enter (0 m). `names` gives the
 * names of hand-ticked areas (the grid's current names).
 */
export function coverageRows(
  coverage: readonly CellCoverage[],
  t: Thresholds,
  overrides: Readonly<Record<string, boolean>>,
  names: ReadonlyMap<string, string>,
): CoverageRow[] {
  const rows: CoverageRow[] = coverage.map((c) => {
    const covered = isCovered(c, t);
    const ticked = overrides[c.id] ?? covered;
    return {
      id: c.id,
      name: names.get(c.id) ?? c.name,
      insideMetres: c.insideMetres,
      insideMinutes: c.insideSeconds === null ? null : c.insideSeconds / 60,
      covered,
      ticked,
      overridden: ticked !== covered,
    };
  });
  const seen = new Set(rows.map((r) => r.id));
  for (const [id, on] of Object.entries(overrides))
    if (on && !seen.has(id))
      rows.push({ id, name: names.get(id) ?? id, insideMetres: 0, insideMinutes: null, covered: false, ticked: true, overridden: true });
  return rows;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sorted by one column; ties by name (the zh-CN collator, numbers in names by value: 青石村-2 before 青石村-10). */
export function sortCoverageRows(rows: readonly CoverageRow[], by: CoverageSort, descending: boolean): CoverageRow[] {
  const key = (r: CoverageRow): number =>
    by === 'metres' ? r.insideMetres : by === 'minutes' ? (r.insideMinutes ?? -1) : by === 'covered' ? (r.ticked ? 1 : 0) : 0;
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const d = by === 'name' ? collator.compare(a.name, b.name) : key(a) - key(b);
    return d !== 0 ? sign * d : collator.compare(a.name, b.name);
  });
}

/** The areas the patrol records as covered: the ticked rows. */
export const tickedIds = (rows: readonly CoverageRow[]): string[] => rows.filter((r) => r.ticked).map((r) => r.id);

/**
 * The officer's ticks of a stored patrol against its recomputed coverage: wherever the stored areas differ from
 * what the thresholds say, an override (so the table opens showing exactly what was saved).
 */
export function overridesFor(areaIds: readonly string[], coverage: readonly CellCoverage[], t: Thresholds): Record<string, boolean> {
  const stored = new Set(areaIds);
  const out: Record<string, boolean> = {};
  for (const c of coverage) {
    const covered = isCovered(c, t);
    if (stored.has(c.id) !== covered) out[c.id] = stored.has(c.id);
  }
  const entered = new Set(coverage.map((c) => c.id));
  for (const id of areaIds) if (!entered.has(id)) out[id] = true;
  return out;
}

/** One tick toggled: an override when it differs from the thresholds, none when it agrees again. */
export function toggleTick(overrides: Readonly<Record<string, boolean>>, row: CoverageRow): Record<string, boolean> {
  const next = { ...overrides };
  const on = !row.ticked;
  if (on === row.covered) delete next[row.id];
  else next[row.id] = on;
  return next;
}

/**
 * The units for the map while the form is open: each with `covered` (the officer's tick: green) or not (red),
 * `fid` its index (as the grid's layer numbers them).
 */
export function coverageFeatures(units: readonly GridArea[], ticked: ReadonlySet<string>): { covered: FeatureCollection; open: FeatureCollection } {
  const covered: Feature[] = [];
  const open: Feature[] = [];
  units.forEach((a, fid) => {
    if (!a.geometry) return;
    const on = ticked.has(a.id);
    (on ? covered : open).push({ type: 'Feature', id: fid, geometry: a.geometry, properties: { fid, id: a.id, name: a.name, covered: on } });
  });
  return { covered: { type: 'FeatureCollection', features: covered }, open: { type: 'FeatureCollection', features: open } };
}
