/**
 * The patrols and the office's patrol rules as the features see them: read at boot (the default rules stored on a
 * new office's first start) and again after each write. One store, so the 巡查 panel, the compliance view and the
 * reports never disagree about what is stored. Other features read it through this feature's index.
 */
import type { Patrol } from '../../../shared/domain/patrol/patrol-record';
import type { PatrolRule } from '../../../shared/domain/patrol/rule';
import { listPatrolRules, listPatrols, seedDefaultPatrolRules } from '../../db';
import { createStore } from '../../ui/store';

export interface PatrolState {
  /** Every stored patrol, deleted ones included (they keep their place in the ledger's history), by start. */
  patrols: readonly Patrol[];
  rules: readonly PatrolRule[];
}

export const patrolState = createStore<PatrolState>({ patrols: [], rules: [] });

export async function reloadPatrols(): Promise<void> {
  const patrols = await listPatrols();
  patrolState.set((s) => ({ ...s, patrols }));
}

export async function reloadRules(): Promise<void> {
  const rules = await listPatrolRules();
  patrolState.set((s) => ({ ...s, rules }));
}

export async function bootPatrols(): Promise<void> {
  await seedDefaultPatrolRules();
  await Promise.all([reloadPatrols(), reloadRules()]);
}
