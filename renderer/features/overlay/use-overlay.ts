import { useCallback, useEffect, useRef, useState } from 'react';
import type { OverlayResult } from '../../../shared/domain/geometry/overlay';
import type { OverlayLayerChoice } from './overlay.logic';
import type { OverlayMessage, OverlayRequest } from './overlay.worker';

export type OverlayState = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; result: OverlayResult; layers: OverlayLayerChoice[] } | { kind: 'error'; message: string };

/** Runs one overlay analysis in a fresh worker; cancel (or closing the dialog) terminates it. */
export function useOverlay() {
  const [state, setState] = useState<OverlayState>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback((req: OverlayRequest) => {
    stop();
    const w = new Worker(new URL('./overlay.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-overlay' });
    worker.current = w;
    setState({ kind: 'running', done: 0, total: 0 });
    w.onmessage = (e: MessageEvent<OverlayMessage>) => {
      const m = e.data;
      if (m.type === 'progress') setState({ kind: 'running', done: m.done, total: m.total });
      else {
        stop();
        setState(m.type === 'done' ? { kind: 'done', result: m.result, layers: req.layers } : { kind: 'error', message: m.message });
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
