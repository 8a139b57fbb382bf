/**
 * What the exchange commands and their host share: the dialog open (an export form, or an import's preview) and
 * whether the worker is busy. The worker is per request: a county's grid and its parse go with it.
 */
import type { GridImportPlan } from '../../../shared/formats/exchange/grid-import-plan';
import type { Patrol } from '../../../shared/domain/patrol/patrol-record';
import type { PatrolImportPlan } from '../../db';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import type { ExchangeProtocol } from './exchange.protocol';

export type ExchangeDialog =
  | { kind: 'exportGrid' }
  | { kind: 'exportPatrols' }
  | { kind: 'gridPreview'; file: string; office: string | null; plan: GridImportPlan }
  | { kind: 'patrolPreview'; file: string; office: string; month: string; records: Patrol[]; plan: PatrolImportPlan };

export interface ExchangeState {
  dialog: ExchangeDialog | null;
  busy: boolean;
}

export const exchangeState = createStore<ExchangeState>({ dialog: null, busy: false });

export const openDialog = (dialog: ExchangeDialog | null) => exchangeState.set((s) => ({ ...s, dialog }));
export const setBusy = (busy: boolean) => exchangeState.set((s) => ({ ...s, busy }));

/** Who imports and exports on this machine (the office's user names are not kept yet; the grid panel says the same). */
export const EXCHANGE_USER = '本机用户';

export const exchangeWorker = createWorkerClient<ExchangeProtocol>({
  spawn: () => new Worker(new URL('./exchange.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-exchange' }),
  lifetime: 'per-request',
});

/** The hidden file inputs' openers, registered by the host (commands run without React). */
export const pickers: { grid?: () => void; patrols?: () => void } = {};
