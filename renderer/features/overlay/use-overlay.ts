import { useCallback, useEffect, useRef, useState } from 'react';
import { uniqueNames, type OverlayResult } from '../../../shared/domain/geometry/overlay';
import { isCancelled, toCodedError, type CodedError } from '../../platform/coded-error';
import { createWorkerClient, type WorkerClient } from '../../platform/worker-client';
import type { OverlayLayerChoice } from './overlay.logic';
import type { OverlayProtocol, OverlayRequest, OverlayTimings } from './overlay.protocol';

export type OverlayState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; result: OverlayResult; layers: OverlayLayerChoice[]; timings: OverlayTimings }
  | { kind: 'error'; error: CodedError };

const overlayClient = () =>
  createWorkerClient<OverlayProtocol>({
    spawn: () => new Worker(new URL('./overlay.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-overlay' }),
    lifetime: 'persistent',
  });

/**
 * Runs overlay analyses in one worker that lives as long as the dialog: it keeps the last layers' index warm,
 * so a second run over the same layers skips reading and indexing them. Cancel (or closing the dialog)
 * terminates it; the next run starts a fresh one.
 */
export function useOverlay() {
  const [state, setState] = useState<OverlayState>({ kind: 'idle' });
  const client = useRef<WorkerClient<OverlayProtocol> | null>(null);
  /** The run whose answers count (an earlier run's late answer changes nothing). */
  const current = useRef(0);
  const stop = useCallback(() => {
    current.current++;
    client.current?.terminate();
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback((asked: OverlayRequest) => {
    // Names as the engine keys its result (a repeated name gets "（2）"), so the table finds each block.
    const req: OverlayRequest = { ...asked, layers: uniqueNames(asked.layers) };
    client.current ??= overlayClient();
    const c = client.current;
    const me = ++current.current;
    setState({ kind: 'running', done: 0, total: 0 });
    c.request('overlay', req, { onProgress: (p) => me === current.current && setState({ kind: 'running', ...p }) }).then(
      (r) => me === current.current && setState({ kind: 'done', result: r.result, layers: req.layers, timings: r.timings }),
      (err: unknown) => {
        if (me !== current.current || isCancelled(err)) return;
        c.terminate(); // a worker that failed keeps nothing worth reusing
        setState({ kind: 'error', error: toCodedError(err) });
      },
    );
  }, []);

  const cancel = useCallback(() => {
    stop();
    setState({ kind: 'idle' });
  }, [stop]);
  return { state, run, cancel };
}
