/**
 * The one convention every worker follows. `<name>.protocol.ts`, beside `<name>.worker.ts`, declares the worker's
 * protocol: per request type, what the UI sends, what the worker answers and what progress it reports meanwhile.
 * The UI side talks to it through createWorkerClient (worker-client.ts), the worker side answers through
 * serveWorker (worker-host.ts); the envelope below is all that crosses postMessage.
 *
 * ```ts
 * // thing.protocol.ts
 * export type ThingProtocol = {
 *   count: { request: { layerId: string }; result: number; progress: { done: number; total: number } };
 * };
 * ```
 */
import type { CodedErrorJson } from './coded-error';

/** One request type: `request` sent, `result` answered, `progress` reported meanwhile (if it reports any). */
export interface RequestSpec {
  request: unknown;
  result: unknown;
  progress?: unknown;
}

/** A worker's protocol: request type → spec. Declared with `type` (not `interface`) so it fits this index signature. */
export type Protocol = Record<string, RequestSpec>;

export type RequestOf<P extends Protocol, K extends keyof P> = P[K]['request'];
export type ResultOf<P extends Protocol, K extends keyof P> = P[K]['result'];
export type ProgressOf<P extends Protocol, K extends keyof P> = P[K] extends { progress: infer G } ? G : never;

/**
 * UI → worker. `request` is answered (progress, then done or error, all with its id); `notify` is not (state the
 * UI hands the worker, e.g. a layer's Blob to tile); `cancel` asks the worker to stop request `id`.
 */
export type ToWorker =
  { kind: 'request'; id: number; type: string; body: unknown } | { kind: 'notify'; type: string; body: unknown } | { kind: 'cancel'; id: number };

/** Worker → UI, each for one request id. */
export type FromWorker =
  | { kind: 'progress'; id: number; progress: unknown }
  | { kind: 'done'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: CodedErrorJson };
