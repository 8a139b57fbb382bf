import { useCallback, useEffect, useRef, useState } from 'react';
import { uniqueNames, type OverlayResult } from '../../../shared/domain/geometry/overlay';
import type { OverlayLayerChoice } from './overlay.logic';
import type { OverlayMessage, OverlayRequest, OverlayTimings } from './overlay.worker';

export type OverlayState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; result: OverlayResult; layers: OverlayLayerChoice[]; timings: OverlayTimings }
  | { kind: 'error'; message: string };

/**
 * Runs overlay analyses in one worker that lives as long as the dialog: it keeps the last layers' index warm,
 * so a second run over the same layers skips reading and indexing them. Cancel (or closing the dialog)
 * terminates it; the next run starts a fresh one.
 */
export function useOverlay() {
  const [state, setState] = useState<OverlayState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback((asked: OverlayRequest) => {
    // Names as the engine keys its result (a repeated name gets "（2）"), so the table finds each block.
    const req: OverlayRequest = { ...asked, layers: uniqueNames(asked.layers) };
    let w = worker.current;
    if (!w) {
      w = new Worker(new URL('./overlay.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-overlay' });
      worker.current = w;
    }
    setState({ kind: 'running', done: 0, total: 0 });
    w.onmessage = (e: MessageEvent<OverlayMessage>) => {
      const m = e.data;
      if (m.type === 'progress') setState({ kind: 'running', done: m.done, total: m.total });
      else if (m.type === 'done') setState({ kind: 'done', result: m.result, layers: req.layers, timings: m.timings });
      else {
        stop(); // a worker that failed keeps nothing worth reusing
        setState({ kind: 'error', message: m.message });
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      stop();
      setState({ kind: 'error', message: e.message || 'worker error' });
    };
    w.postMessage(req);
  }, [stop]);

  const cancel = useCallback(() => {
    stop();
    setState({ kind: 'idle' });
  }, [stop]);
  return { state, run, cancel };
}
