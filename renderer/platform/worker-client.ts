/**
 * The UI side of every worker: one typed client over the envelope in worker-protocol.ts. It gives each request an
 * id, relays its progress, settles it with the worker's result or coded error (CodedError), cancels it, and
 * passes transferables through. A worker that fails (its script not loadable, it died, a reply unreadable)
 * fails its requests with `workerFailed`, or, where the client says so, they are sent once more to a new worker.
 *
 * Lifetimes:
 * - `per-request`: a fresh worker for each request, ended when its answer is in (a job's memory goes with it:
 *   an import, a re-decode, an .xlsx);
 * - `persistent`: one worker, started on first use (or start()) and kept, with what it holds warm, until
 *   terminate() (the attribute stores, the tile indexes, the overlay's index while its dialog is open).
 *
 * Cancel (an AbortSignal per request): `terminate` ends the request's worker — a per-request worker is its own;
 * a persistent one takes every request in flight with it (all are rejected `cancelled`); `message` asks the
 * worker to stop that request (the handler's ctx.signal) and rejects it at once, keeping the worker.
 */
import { CodedError, fromCodedErrorJson } from './coded-error';
import type { FromWorker, ProgressOf, Protocol, RequestOf, ResultOf, ToWorker } from './worker-protocol';

/** What the client needs of a Worker (the specs pass a fake one). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export interface WorkerClientOptions {
  /**
   * Makes the worker: `new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module', name })`, written at
   * the call site so Vite finds and bundles the worker. `type` is the request's type for a per-request worker
   * (a name for the browser's task manager), null for a persistent one.
   */
  spawn: (type: string | null) => WorkerLike;
  lifetime: 'persistent' | 'per-request';
  /** How a request's AbortSignal cancels it (see the module comment); default `terminate`. */
  cancel?: 'terminate' | 'message';
  /**
   * Persistent workers only. `resend`: when the worker fails, the requests it had not answered go once more to
   * a new worker (for reads: the failure was the worker's, not the data's); a request that fails a second
   * worker, or that transferred buffers (gone with the first post), is rejected. Default `reject`.
   */
  recover?: 'resend' | 'reject';
  /** Called each time a persistent worker has just been started, before anything else is posted to it: hand it
   *  again the state (notify) its failed predecessor held. */
  onStart?: () => void;
}

export interface RequestOptions<G> {
  onProgress?: (progress: G) => void;
  /** Moved, not copied, to the worker (the caller must not use them afterwards). */
  transfer?: Transferable[];
  /** Aborting rejects the request with `cancelled` (see `cancel`). */
  signal?: AbortSignal;
}

export interface WorkerClient<P extends Protocol> {
  request<K extends keyof P & string>(type: K, body: RequestOf<P, K>, options?: RequestOptions<ProgressOf<P, K>>): Promise<ResultOf<P, K>>;
  /** Persistent workers: hands the worker something, answered by nothing. */
  notify<K extends keyof P & string>(type: K, body: RequestOf<P, K>, transfer?: Transferable[]): void;
  /** Starts the persistent worker now (its start-up then overlaps the caller's). */
  start(): void;
  /** Whether a persistent worker is running. */
  readonly started: boolean;
  /** Ends every worker of this client; requests in flight are rejected `cancelled`. */
  terminate(): void;
}

interface Pending {
  msg: Extract<ToWorker, { kind: 'request' }>;
  transfer: Transferable[] | undefined;
  worker: WorkerLike;
  resent: boolean;
  onProgress: ((p: unknown) => void) | undefined;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  detach: () => void;
}

const post = (w: WorkerLike, msg: ToWorker, transfer?: Transferable[]) =>
  transfer && transfer.length > 0 ? w.postMessage(msg, transfer) : w.postMessage(msg);

export function createWorkerClient<P extends Protocol>(o: WorkerClientOptions): WorkerClient<P> {
  const cancelBy = o.cancel ?? 'terminate';
  let shared: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function spawn(type: string | null): WorkerLike {
    const w = o.spawn(type);
    w.onmessage = (e: MessageEvent<FromWorker>) => onReply(w, e.data);
    w.onerror = (e) => {
      e.preventDefault(); // said through the requests it fails, not as an uncaught error
      failed(w, e.message || 'worker error');
    };
    w.onmessageerror = () => failed(w, 'worker reply could not be read');
    return w;
  }

  function persistent(): WorkerLike {
    if (shared) return shared;
    shared = spawn(null);
    o.onStart?.();
    return shared;
  }

  /** Forgets a request (its worker, if it was its own, ends with it). */
  function settle(id: number, p: Pending): void {
    pending.delete(id);
    p.detach();
    if (o.lifetime === 'per-request') p.worker.terminate();
  }

  function onReply(w: WorkerLike, m: FromWorker): void {
    const p = pending.get(m.id);
    if (!p || p.worker !== w) return; // settled already (cancelled), or sent again to another worker
    if (m.kind === 'progress') {
      p.onProgress?.(m.progress);
      return;
    }
    settle(m.id, p);
    if (m.kind === 'done') p.resolve(m.result);
    else p.reject(fromCodedErrorJson(m.error));
  }

  function failed(w: WorkerLike, detail: string): void {
    w.terminate();
    if (shared === w) shared = null;
    const again: Pending[] = [];
    for (const [id, p] of [...pending]) {
      if (p.worker !== w) continue;
      if (o.recover === 'resend' && o.lifetime === 'persistent' && !p.resent && !p.transfer?.length) again.push(p);
      else {
        settle(id, p);
        p.reject(new CodedError('workerFailed', { detail }));
      }
    }
    for (const p of again) {
      p.resent = true;
      p.worker = persistent();
      post(p.worker, p.msg);
    }
  }

  /** Ends worker `w`: every request on it is rejected `cancelled`. */
  function end(w: WorkerLike): void {
    w.terminate();
    if (shared === w) shared = null;
    for (const [id, p] of [...pending]) {
      if (p.worker !== w) continue;
      settle(id, p);
      p.reject(new CodedError('cancelled'));
    }
  }

  function cancel(id: number): void {
    const p = pending.get(id);
    if (!p) return;
    if (cancelBy === 'terminate') return end(p.worker);
    post(p.worker, { kind: 'cancel', id });
    settle(id, p);
    p.reject(new CodedError('cancelled'));
  }

  return {
    request(type, body, ro = {}) {
      return new Promise((resolve, reject) => {
        const signal = ro.signal;
        if (signal?.aborted) return reject(new CodedError('cancelled'));
        const id = nextId++;
        const msg = { kind: 'request', id, type, body } as const;
        const worker = o.lifetime === 'per-request' ? spawn(type) : persistent();
        const onAbort = () => cancel(id);
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          msg,
          transfer: ro.transfer,
          worker,
          resent: false,
          onProgress: ro.onProgress as ((p: unknown) => void) | undefined,
          resolve: resolve as (v: unknown) => void,
          reject,
          detach: () => signal?.removeEventListener('abort', onAbort),
        });
        post(worker, msg, ro.transfer);
      });
    },
    notify(type, body, transfer) {
      if (o.lifetime !== 'persistent') throw new CodedError('invalidRequest', { detail: `notify ${type}: a per-request worker keeps nothing` });
      post(persistent(), { kind: 'notify', type, body }, transfer);
    },
    start() {
      if (o.lifetime === 'persistent') persistent();
    },
    get started() {
      return shared !== null;
    },
    terminate() {
      const workers = new Set([...pending.values()].map((p) => p.worker));
      if (shared) workers.add(shared);
      for (const w of workers) end(w);
    },
  };
}
