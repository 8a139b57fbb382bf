/**
 * The worker side of every worker (see worker-protocol.ts): one handler per request type of its protocol. A
 * handler returns its result (or a promise of it) and may report progress, name buffers to transfer with the
 * result, and watch ctx.signal for a cancel message. Whatever it throws goes back as a coded error
 * (toCodedError: a CodedError as it is, anything else `failed` with its message as the detail).
 */
import { CodedError, toCodedError } from './coded-error';
import type { FromWorker, ProgressOf, Protocol, RequestOf, ResultOf, ToWorker } from './worker-protocol';

export interface RequestContext<G> {
  /** Reports progress to the UI (ignored once the request is cancelled). */
  progress(progress: G): void;
  /** Moves these with the result instead of copying them. */
  transfer(...list: Transferable[]): void;
  /** Aborted when the UI cancels this request by message. */
  readonly signal: AbortSignal;
}

export type Handlers<P extends Protocol> = {
  [K in keyof P]: (body: RequestOf<P, K>, ctx: RequestContext<ProgressOf<P, K>>) => ResultOf<P, K> | Promise<ResultOf<P, K>>;
};

/** What the host needs of the worker's global scope (the specs pass a fake one). */
export interface WorkerScopeLike {
  onmessage: ((e: MessageEvent) => unknown) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

export function serveWorker<P extends Protocol>(handlers: Handlers<P>, scope: WorkerScopeLike = self as unknown as WorkerScopeLike): void {
  const running = new Map<number, AbortController>();
  const reply = (m: FromWorker, transfer: Transferable[] = []) => (transfer.length > 0 ? scope.postMessage(m, transfer) : scope.postMessage(m));
  const table = handlers as unknown as Record<string, (body: unknown, ctx: RequestContext<unknown>) => unknown>;
  const handlerOf = (type: string) => (Object.hasOwn(table, type) ? table[type]! : null);

  scope.onmessage = async (e: MessageEvent<ToWorker>) => {
    const m = e.data;
    if (m.kind === 'cancel') {
      running.get(m.id)?.abort();
      return;
    }
    const handler = handlerOf(m.type);
    if (m.kind === 'notify') {
      // Nobody waits for a notification: a failure can only be logged.
      try {
        await handler?.(m.body, { progress: () => undefined, transfer: () => undefined, signal: new AbortController().signal });
      } catch (err) {
        console.warn(`landpatrol: worker notification ${m.type} failed`, err);
      }
      return;
    }
    const { id } = m;
    const ac = new AbortController();
    running.set(id, ac);
    const transfer: Transferable[] = [];
    const ctx: RequestContext<unknown> = {
      progress: (progress) => {
        if (!ac.signal.aborted) reply({ kind: 'progress', id, progress });
      },
      transfer: (...list) => transfer.push(...list),
      signal: ac.signal,
    };
    try {
      if (!handler) throw new CodedError('invalidRequest', { detail: `no handler for ${m.type}` });
      const result = await handler(m.body, ctx);
      if (!ac.signal.aborted) reply({ kind: 'done', id, result }, transfer);
    } catch (err) {
      if (!ac.signal.aborted) reply({ kind: 'error', id, error: toCodedError(err).toJSON() });
    } finally {
      running.delete(id);
    }
  };
}
