/**
 * The office's comparison roles as the feature holds them: read once from the settings table, or guessed from the
 * stored layers (guessComparisonRoles) while the office has not set them; saved by the roles dialog. And the one
 * comparison worker (persistent: it keeps the role layers indexed between runs, while their data versions hold).
 */
import { createComparisonRoles, guessComparisonRoles, type ComparisonRoles } from '../../../shared/domain/inspection/comparison-roles';
import type { CandidateLayer } from '../../../shared/domain/inspection/comparison';
import { getComparisonRoles, putComparisonRoles, type LayerRecord } from '../../db';
import { createWorkerClient, type WorkerClient } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import type { ComparisonProtocol } from './comparison.protocol';

export interface RolesState {
  roles: ComparisonRoles;
  /** true: the office saved them; false: guessed from the layers' kinds (not stored yet). */
  saved: boolean;
}

/** null until read. */
export const rolesState = createStore<RolesState | null>(null);
/** The roles dialog is open. */
export const rolesDialogOpen = createStore(false);
/** The 一览表 dialog is open. */
export const summaryDialogOpen = createStore(false);

export const candidatesOf = (layers: readonly LayerRecord[]): CandidateLayer[] =>
  layers
    .filter((l) => l.meta.geometryKind === 'polygon')
    .map((l) => ({ id: l.id, name: l.name, kind: l.kind, fieldNames: l.meta.fields.map((f) => f.name) }));

/** The stored roles, else the guess from these layers (re-guessed when the layers change, until saved). */
export async function loadRoles(layers: readonly LayerRecord[]): Promise<RolesState> {
  const stored = await getComparisonRoles();
  const next: RolesState = stored ? { roles: stored, saved: true } : { roles: guessComparisonRoles(candidatesOf(layers)), saved: false };
  rolesState.set(next);
  return next;
}

/** Saves the dialog's roles; the reason when they are refused. */
export async function saveRoles(input: Omit<ComparisonRoles, 'v'>): Promise<string | null> {
  const r = createComparisonRoles(input);
  if (!r.ok) return `${r.reason}${r.path ? ` (${r.path})` : ''}`;
  await putComparisonRoles(r.value);
  rolesState.set({ roles: r.value, saved: true });
  return null;
}

let client: WorkerClient<ComparisonProtocol> | null = null;
/** The comparison worker, started on first use. */
export const comparisonClient = (): WorkerClient<ComparisonProtocol> =>
  (client ??= createWorkerClient<ComparisonProtocol>({
    spawn: () => new Worker(new URL('./comparison.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-comparison' }),
    lifetime: 'persistent',
    recover: 'resend',
  }));

/** Ends the worker (cancel): what it held goes with it; the next run starts a fresh one. */
export function stopComparisonWorker(): void {
  client?.terminate();
  client = null;
}
