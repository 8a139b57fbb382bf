import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { CodedError, errorText } from './coded-error';
import { createWorkerClient, type WorkerLike } from './worker-client';
import { serveWorker, type WorkerScopeLike } from './worker-host';
import type { FromWorker, ToWorker } from './worker-protocol';

type TestProtocol = {
  count: { request: { upTo: number }; result: number; progress: { done: number } };
  echo: { request: string; result: string };
  load: { request: { key: string }; result: null };
  bytes: { request: number; result: ArrayBuffer };
};

/** A Worker as the client sees one: records what is posted; the test answers, or makes it fail, by hand. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent) => void) | null = null;
  readonly sent: ToWorker[] = [];
  readonly transfers: (Transferable[] | undefined)[] = [];
  terminated = false;
  constructor(readonly type: string | null) {}
  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.sent.push(structuredClone(message) as ToWorker);
    this.transfers.push(transfer);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(m: FromWorker): void {
    this.onmessage?.({ data: m } as MessageEvent);
  }
  crash(message: string): void {
    let prevented = false;
    this.onerror?.({ message, preventDefault: () => (prevented = true) } as unknown as ErrorEvent);
    expect(prevented).toBe(true); // the client says it through the request, not as an uncaught error
  }
  /** The id of the n-th request posted to this worker. */
  idOf(n = 0): number {
    const reqs = this.sent.filter((m) => m.kind === 'request');
    return (reqs[n] as Extract<ToWorker, { kind: 'request' }>).id;
  }
}

function fakes() {
  const workers: FakeWorker[] = [];
  const spawn = (type: string | null) => {
    const w = new FakeWorker(type);
    workers.push(w);
    return w;
  };
  return { workers, spawn, last: () => workers[workers.length - 1]! };
}

const settled = async <T>(p: Promise<T>) =>
  p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('createWorkerClient with a fake worker', () => {
  it('relays progress in order, then resolves with the result', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent' });
    const seen: number[] = [];
    const p = client.request('count', { upTo: 3 }, { onProgress: (g) => seen.push(g.done) });
    const w = f.last();
    expect(w.sent[0]).toEqual({ kind: 'request', id: w.idOf(), type: 'count', body: { upTo: 3 } });
    for (const done of [1, 2, 3]) w.reply({ kind: 'progress', id: w.idOf(), progress: { done } });
    w.reply({ kind: 'done', id: w.idOf(), result: 3 });
    expect(await p).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(w.terminated).toBe(false); // persistent: kept
  });

  it('keeps two requests in flight apart: answers out of order reach their own promise', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent' });
    const a = client.request('echo', 'a');
    const b = client.request('echo', 'b');
    expect(f.workers).toHaveLength(1);
    const w = f.last();
    const [idA, idB] = [w.idOf(0), w.idOf(1)];
    expect(idA).not.toBe(idB);
    w.reply({ kind: 'done', id: idB, result: 'B' });
    w.reply({ kind: 'done', id: idA, result: 'A' });
    expect(await Promise.all([a, b])).toEqual(['A', 'B']);
  });

  it("rejects with the worker's coded error, said in Chinese from its code; an unknown code is `failed`", async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent' });
    const p = settled(client.request('echo', 'x'));
    f.last().reply({ kind: 'error', id: f.last().idOf(), error: { code: 'fileUnreadable', params: { file: 'a.shp' }, detail: 'NotReadableError' } });
    const r = await p;
    expect(r.ok).toBe(false);
    const e = (r as { e: unknown }).e;
    expect(e).toBeInstanceOf(CodedError);
    expect((e as CodedError).code).toBe('fileUnreadable');
    expect(errorText(e, zh)).toBe('无法读取文件“a.shp”（可能已被移动或删除）');
    const q = settled(client.request('echo', 'y'));
    f.last().reply({ kind: 'error', id: f.last().idOf(1), error: { code: 'noSuchCode' as never, detail: 'boom' } });
    expect(((await q) as { e: CodedError }).e.code).toBe('failed');
  });

  it('per-request: each request gets its own worker, named by its type and ended with its answer', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'per-request' });
    const a = client.request('echo', 'a');
    const b = client.request('count', { upTo: 1 });
    expect(f.workers.map((w) => w.type)).toEqual(['echo', 'count']);
    const [wa, wb] = f.workers as [FakeWorker, FakeWorker];
    wa.reply({ kind: 'done', id: wa.idOf(), result: 'A' });
    expect(await a).toBe('A');
    expect(wa.terminated).toBe(true);
    expect(wb.terminated).toBe(false);
    wb.reply({ kind: 'done', id: wb.idOf(), result: 1 });
    expect(await b).toBe(1);
    expect(wb.terminated).toBe(true);
    expect(() => client.notify('load', { key: 'k' })).toThrow(CodedError);
  });

  it('cancel by terminate (per-request): the worker ends, the request is `cancelled`, a late answer is ignored', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'per-request' });
    const ac = new AbortController();
    const other = client.request('echo', 'other');
    const p = settled(client.request('count', { upTo: 9 }, { signal: ac.signal, onProgress: () => expect.unreachable('no progress after cancel') }));
    const w = f.workers[1]!;
    ac.abort();
    const r = await p;
    expect(r.ok).toBe(false);
    expect((r as { e: CodedError }).e.code).toBe('cancelled');
    expect(errorText((r as { e: CodedError }).e, zh)).toBe('操作已取消');
    expect(w.terminated).toBe(true);
    w.reply({ kind: 'progress', id: w.idOf(), progress: { done: 1 } });
    w.reply({ kind: 'done', id: w.idOf(), result: 9 });
    // The other job's worker is untouched.
    expect(f.workers[0]!.terminated).toBe(false);
    f.workers[0]!.reply({ kind: 'done', id: f.workers[0]!.idOf(), result: 'ok' });
    expect(await other).toBe('ok');
    // An already aborted signal never starts a worker.
    expect(((await settled(client.request('echo', 'z', { signal: ac.signal }))) as { e: CodedError }).e.code).toBe('cancelled');
    expect(f.workers).toHaveLength(2);
  });

  it('cancel by terminate (persistent): the worker and every request on it end; the next request starts a new one', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent' });
    const ac = new AbortController();
    const a = settled(client.request('count', { upTo: 5 }, { signal: ac.signal }));
    const b = settled(client.request('echo', 'b'));
    ac.abort();
    expect(((await a) as { e: CodedError }).e.code).toBe('cancelled');
    expect(((await b) as { e: CodedError }).e.code).toBe('cancelled');
    expect(f.workers[0]!.terminated).toBe(true);
    expect(client.started).toBe(false);
    const c = client.request('echo', 'c');
    expect(f.workers).toHaveLength(2);
    f.last().reply({ kind: 'done', id: f.last().idOf(), result: 'C' });
    expect(await c).toBe('C');
  });

  it('cancel by message: the worker is asked to stop that request and kept; the other request still answers', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent', cancel: 'message' });
    const ac = new AbortController();
    const a = settled(client.request('count', { upTo: 5 }, { signal: ac.signal }));
    const b = client.request('echo', 'b');
    const w = f.last();
    ac.abort();
    expect(((await a) as { e: CodedError }).e.code).toBe('cancelled');
    expect(w.sent[2]).toEqual({ kind: 'cancel', id: w.idOf(0) });
    expect(w.terminated).toBe(false);
    w.reply({ kind: 'done', id: w.idOf(0), result: 5 }); // too late: ignored
    w.reply({ kind: 'done', id: w.idOf(1), result: 'B' });
    expect(await b).toBe('B');
  });

  it('a failed worker fails its requests with `workerFailed` and is replaced on the next request', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent' });
    const a = settled(client.request('echo', 'a'));
    f.last().crash('Failed to load module script');
    const e = ((await a) as { e: CodedError }).e;
    expect(e.code).toBe('workerFailed');
    expect(e.detail).toBe('Failed to load module script');
    expect(errorText(e, zh)).toBe(translate('zh-CN', 'error.workerFailed'));
    expect(f.workers[0]!.terminated).toBe(true);
    const b = client.request('echo', 'b');
    expect(f.workers).toHaveLength(2);
    f.last().reply({ kind: 'done', id: f.last().idOf(), result: 'B' });
    expect(await b).toBe('B');
  });

  it('recover: resend sends unanswered requests once more to a new worker; a second failure rejects; transfers are not resent', async () => {
    const f = fakes();
    let starts = 0;
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent', recover: 'resend', onStart: () => starts++ });
    const a = client.request('echo', 'a');
    const buffer = new ArrayBuffer(8);
    const withTransfer = settled(client.request('bytes', 8, { transfer: [buffer] }));
    expect(f.workers[0]!.transfers[1]).toEqual([buffer]);
    f.workers[0]!.crash('died');
    expect(starts).toBe(2);
    expect(((await withTransfer) as { e: CodedError }).e.code).toBe('workerFailed');
    const w2 = f.workers[1]!;
    expect(w2.sent).toEqual([{ kind: 'request', id: f.workers[0]!.idOf(0), type: 'echo', body: 'a' }]);
    f.workers[0]!.reply({ kind: 'done', id: f.workers[0]!.idOf(0), result: 'from the dead one' }); // ignored
    w2.reply({ kind: 'done', id: w2.idOf(), result: 'A' });
    expect(await a).toBe('A');
    // Failing a second worker too is the end of it.
    const b = settled(client.request('echo', 'b'));
    w2.crash('died');
    f.workers[2]!.crash('died again');
    expect(((await b) as { e: CodedError }).e.code).toBe('workerFailed');
  });

  it('notify starts the persistent worker and expects no answer; terminate ends it and cancels what is in flight', async () => {
    const f = fakes();
    const client = createWorkerClient<TestProtocol>({ spawn: f.spawn, lifetime: 'persistent' });
    expect(client.started).toBe(false);
    client.notify('load', { key: 'k' });
    expect(client.started).toBe(true);
    expect(f.last().sent).toEqual([{ kind: 'notify', type: 'load', body: { key: 'k' } }]);
    const p = settled(client.request('echo', 'x'));
    client.terminate();
    expect(((await p) as { e: CodedError }).e.code).toBe('cancelled');
    expect(f.last().terminated).toBe(true);
    expect(client.started).toBe(false);
  });
});

/** A client and a host joined as a real Worker joins them: asynchronous, structured-cloned both ways. */
function channel() {
  const scope: WorkerScopeLike & { transfers: (Transferable[] | undefined)[] } = {
    onmessage: null,
    transfers: [],
    postMessage(m: unknown, transfer?: Transferable[]) {
      scope.transfers.push(transfer);
      const data = structuredClone(m);
      queueMicrotask(() => worker.onmessage?.({ data } as MessageEvent));
    },
  };
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(m: unknown) {
      const data = structuredClone(m);
      queueMicrotask(() => void scope.onmessage?.({ data } as MessageEvent));
    },
    terminate() {},
  };
  return { scope, worker };
}

describe('serveWorker answering createWorkerClient', () => {
  it('progress, results with transfers, thrown errors as codes, cancel by message, unknown types, notifications', async () => {
    const { scope, worker } = channel();
    const loaded: string[] = [];
    let sawAbort = false;
    let release = () => {};
    serveWorker<TestProtocol>(
      {
        count: async ({ upTo }, ctx) => {
          for (let done = 1; done <= upTo; done++) ctx.progress({ done });
          if (upTo > 100) {
            await new Promise<void>((r) => (release = r));
            sawAbort = ctx.signal.aborted;
          }
          return upTo;
        },
        echo: (s) => {
          if (s === 'plain') throw new Error('disk on fire');
          if (s === 'coded') throw new CodedError('layerNotFound');
          return s.toUpperCase();
        },
        load: ({ key }) => {
          loaded.push(key);
          return null;
        },
        bytes: (n, ctx) => {
          const b = new ArrayBuffer(n);
          ctx.transfer(b);
          return b;
        },
      },
      scope,
    );
    const client = createWorkerClient<TestProtocol>({ spawn: () => worker, lifetime: 'persistent', cancel: 'message' });
    const seen: number[] = [];
    expect(await client.request('count', { upTo: 3 }, { onProgress: (g) => seen.push(g.done) })).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
    expect(await client.request('echo', 'hi')).toBe('HI');
    const bytes = await client.request('bytes', 16);
    expect(bytes.byteLength).toBe(16);
    expect(scope.transfers.at(-1)).toHaveLength(1);

    const plain = (await settled(client.request('echo', 'plain'))) as { e: CodedError };
    expect(plain.e.code).toBe('failed');
    expect(errorText(plain.e, zh)).toBe('出错了：disk on fire');
    const coded = (await settled(client.request('echo', 'coded'))) as { e: CodedError };
    expect(errorText(coded.e, zh)).toBe(translate('zh-CN', 'job.layerNotFound'));
    const unknown = (await settled(client.request('nope' as 'echo', 'x'))) as { e: CodedError };
    expect(unknown.e.code).toBe('invalidRequest');

    const ac = new AbortController();
    const long = settled(client.request('count', { upTo: 101 }, { signal: ac.signal }));
    await new Promise((r) => setTimeout(r, 0));
    ac.abort();
    expect(((await long) as { e: CodedError }).e.code).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(sawAbort).toBe(true);

    client.notify('load', { key: 'a' });
    await new Promise((r) => setTimeout(r, 0));
    expect(loaded).toEqual(['a']);
  });
});
