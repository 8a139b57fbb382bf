/**
 * The grid's levels (网格化监管, DOMAIN "Grids"): 县/区 → 乡镇 → 村 → 网格单元. A child is exactly one level below
 * its parent; because levels only go down along parent links, a tree that keeps this rule cannot hold a cycle.
 */
export const AREA_LEVELS = ['county', 'township', 'village', 'cell'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const isAreaLevel = (v: unknown): v is AreaLevel => AREA_LEVELS.includes(v as AreaLevel);

/** The level of an area's children, or null for a cell (it has none). */
export function childLevelOf(level: AreaLevel): AreaLevel | null {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1] ?? null;
}

/** 0 for a county … 3 for a cell. */
export const depthOfLevel = (level: AreaLevel): number => AREA_LEVELS.indexOf(level);
