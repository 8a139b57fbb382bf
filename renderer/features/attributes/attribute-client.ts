/**
 * UI-thread side of the attributes worker: one worker for the app's lifetime, started on first use. Every call
 * is a promise; results are plain data (the row order arrives as a transferred Int32Array).
 *
 * A worker that fails (its script could not be loaded, it died, a reply could not be read) is replaced, and the
 * requests it had not answered are sent once more, to the new worker: they are reads, and the failure was the
 * worker's, not the data's. A request that fails a second worker too is rejected with code `failed`.
 */
import type { SortState } from './attributes.logic';
import type { AttributesErrorCode, AttributesRequest, AttributesResponse, AttributesResult, StoreKey } from './attributes.protocol';

type Req = AttributesRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** A request the worker did not answer: see AttributesErrorCode (`stale` = a newer version is on its way). */
export class AttributesError extends Error {
  constructor(readonly code: AttributesErrorCode, message: string) {
    super(message);
  }
}

export const isStale = (e: unknown): boolean => e instanceof AttributesError && e.code === 'stale';

interface Pending {
  msg: AttributesRequest;
  worker: Worker;
  resent: boolean;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function attributesWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./attributes.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-attributes' });
  w.onmessage = (e: MessageEvent<AttributesResponse>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!p) return;
    if (e.data.ok) p.resolve(e.data.result);
    else p.reject(new AttributesError(e.data.code, e.data.message));
  };
  const fail = (message: string) => {
    w.terminate();
    if (worker === w) worker = null;
    const again: Pending[] = [];
    for (const [id, p] of pending) {
      if (p.worker !== w) continue;
      if (p.resent) {
        pending.delete(id);
        p.reject(new AttributesError('failed', message));
      } else again.push(p);
    }
    for (const p of again) {
      p.resent = true;
      p.worker = attributesWorker();
      p.worker.postMessage(p.msg);
    }
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
  const msg = { ...req, id } as AttributesRequest;
  return new Promise((resolve, reject) => {
    const w = attributesWorker();
    pending.set(id, { msg, worker: w, resent: false, resolve: resolve as (v: unknown) => void, reject });
    w.postMessage(msg);
  });
}

export const featureAttributesOf = (key: StoreKey, fid: number) => call({ type: 'feature', key, fid });
export const queryAttributes = (key: StoreKey, query: string, sort: SortState | null) => call({ type: 'query', key, query, sort });
export const attributeRows = (key: StoreKey, rows: number[]) => call({ type: 'rows', key, rows });

/** Drops a removed or re-imported layer's cached store (nothing to do when the worker never started). */
export function forgetAttributes(layerId: string): void {
  if (worker) call({ type: 'forget', layerId }).catch(() => undefined); // a failed worker has forgotten anyway
}
