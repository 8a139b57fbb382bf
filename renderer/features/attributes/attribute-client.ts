/**
 * UI-thread side of the attributes worker: one worker for the app's lifetime, started on first use. Every call
 * is a promise; results are plain data (the row order arrives as a transferred Int32Array).
 */
import type { SortState } from './attributes.logic';
import type { AttributesRequest, AttributesResponse, AttributesResult, StoreKey } from './attributes.protocol';

type Req = AttributesRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function attributesWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./attributes.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-attributes' });
  w.onmessage = (e: MessageEvent<AttributesResponse>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!p) return;
    if (e.data.ok) p.resolve(e.data.result);
    else p.reject(new Error(e.data.message));
  };
  // The worker itself failed, or a reply could not be read: every caller gets an error, the next call starts anew.
  const fail = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
    w.terminate();
    if (worker === w) worker = null;
  };
  w.onerror = (e) => {
    e.preventDefault();
    fail(e.message || 'attributes worker failed');
  };
  w.onmessageerror = () => fail('attributes worker reply could not be read');
  worker = w;
  return w;
}

function call<T extends keyof AttributesResult>(req: Req & { type: T }): Promise<AttributesResult[T]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    attributesWorker().postMessage({ ...req, id });
  });
}

export const featureAttributesOf = (key: StoreKey, fid: number) => call({ type: 'feature', key, fid });
export const queryAttributes = (key: StoreKey, query: string, sort: SortState | null) => call({ type: 'query', key, query, sort });
export const attributeRows = (key: StoreKey, rows: number[]) => call({ type: 'rows', key, rows });

/** Drops a removed or re-imported layer's cached store (nothing to do when the worker never started). */
export function forgetAttributes(layerId: string): void {
  if (worker) call({ type: 'forget', layerId }).catch(() => undefined); // a failed worker has forgotten anyway
}
