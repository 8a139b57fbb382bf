/**
 * UI-thread side of the attributes worker: one worker for the app's lifetime, started on first use. Every call
 * is a promise; results are plain data (the row order arrives as a transferred Int32Array).
 *
 * A worker that fails (its script could not be loaded, it died, a reply could not be read) is replaced, and the
 * requests it had not answered are sent once more, to the new worker: they are reads, and the failure was the
 * worker's, not the data's. A request that fails a second worker too is rejected with code `workerFailed`.
 */
import { hasCode } from '../../platform/coded-error';
import { createWorkerClient } from '../../platform/worker-client';
import type { SortState } from './attributes.logic';
import type { AttributesProtocol, StoreKey } from './attributes.protocol';

const attributes = createWorkerClient<AttributesProtocol>({
  spawn: () => new Worker(new URL('./attributes.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-attributes' }),
  lifetime: 'persistent',
  recover: 'resend',
});

/** The layer was re-written after the UI read its record: a newer version is on its way (not a failure to show). */
export const isStale = (e: unknown): boolean => hasCode(e, 'stale');

export const featureAttributesOf = (key: StoreKey, fid: number) => attributes.request('feature', { key, fid });
export const queryAttributes = (key: StoreKey, query: string, sort: SortState | null) => attributes.request('query', { key, query, sort });
export const distinctValuesOf = (key: StoreKey, field: string, nameField: string | null) => attributes.request('values', { key, field, nameField });
export const attributeRows = (key: StoreKey, rows: number[]) => attributes.request('rows', { key, rows });

/** Drops a removed or re-imported layer's cached store (nothing to do when the worker never started; a failed
 *  worker has forgotten anyway). */
export function forgetAttributes(layerId: string): void {
  if (attributes.started) attributes.notify('forget', { layerId });
}
