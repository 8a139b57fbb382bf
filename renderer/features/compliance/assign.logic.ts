/**
 * Rule assignment's pure logic: which areas a choice applies to (the selected area, or every cell under it), how the
 * office's rules stand over them (ticked on all, some or none), and the areas after ticking rules and marking or
 * unmarking a key area — the records grid's saveAreas stores in one transaction.
 */
import type { GridArea, KeyArea, KeyAreaKind } from '../../../shared/domain/grid/area-record';
import { buildGridTree, descendantsOf } from '../../../shared/domain/grid/tree.logic';
import type { PatrolRule, PatrolRuleId } from '../../../shared/domain/patrol/rule';

export type AssignScope = 'self' | 'cells';

/** The areas a choice applies to: the area itself, or the cells anywhere below it (a township's or a village's). */
export function assignTargets(areas: readonly GridArea[], selectedId: string | null, scope: AssignScope): GridArea[] {
  if (selectedId === null) return [];
  const self = areas.find((a) => a.id === selectedId);
  if (!self) return [];
  if (scope === 'self') return [self];
  return descendantsOf(buildGridTree(areas), selectedId).filter((a) => a.level === 'cell');
}

export type TickState = 'all' | 'some' | 'none';

export function tickStates(targets: readonly GridArea[], rules: readonly PatrolRule[]): Record<string, TickState> {
  const out: Record<string, TickState> = {};
  for (const r of rules) {
    const n = targets.filter((a) => a.ruleIds.includes(r.id)).length;
    out[r.id] = n === 0 ? 'none' : n === targets.length ? 'all' : 'some';
  }
  return out;
}

/** The key-area mark over the targets: one kind, none, or 'mixed' (some marked, or marked with different kinds). */
export function keyAreaState(targets: readonly GridArea[]): KeyAreaKind | null | 'mixed' {
  if (targets.length === 0) return null;
  const first = targets[0]!.keyArea?.kind ?? null;
  return targets.every((a) => (a.keyArea?.kind ?? null) === first) ? first : 'mixed';
}

export interface Assignment {
  /** Rules to add (true) or remove (false) on every target; rules not named are left as each area has them. */
  rules: ReadonlyMap<string, boolean>;
  /** A key area of this kind, not a key area (null), or left as each area has it. */
  keyArea: KeyArea | null | 'keep';
}

/**
 * Each target with the assignment applied, only those that change. A rule added goes after the area's own rules, in
 * the office's rule order (the order `rules` lists them); a rule removed keeps the others' order.
 */
export function applyAssignment(targets: readonly GridArea[], a: Assignment, ruleOrder: readonly PatrolRule[]): GridArea[] {
  const order = new Map(ruleOrder.map((r, i) => [r.id as string, i]));
  const adds = [...a.rules].filter(([, on]) => on).map(([id]) => id);
  adds.sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity));
  const removes = new Set([...a.rules].filter(([, on]) => !on).map(([id]) => id));
  const out: GridArea[] = [];
  for (const area of targets) {
    const kept = area.ruleIds.filter((id) => !removes.has(id));
    const ruleIds = [...kept, ...adds.filter((id) => !kept.includes(id as PatrolRuleId))] as PatrolRuleId[];
    const keyArea = a.keyArea === 'keep' ? area.keyArea : a.keyArea;
    const sameRules = ruleIds.length === area.ruleIds.length && ruleIds.every((id, i) => id === area.ruleIds[i]);
    const sameKey = (keyArea?.kind ?? null) === (area.keyArea?.kind ?? null);
    if (sameRules && sameKey) continue;
    out.push({ ...area, ruleIds, keyArea });
  }
  return out;
}
