import { useCallback, useRef, useState } from 'react';
import type { Camera } from './components/StatusBar';

/** Pointer and camera for the status bar, throttled to one update per animation frame. */
export function useStatusbar() {
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  const [camera, setCamera] = useState<Camera | null>(null);
  const frame = useRef(0);
  const next = useRef<{ pointer?: [number, number] | null; camera?: Camera }>({});
  const flush = useCallback(() => {
    frame.current = 0;
    const n = next.current;
    next.current = {};
    if (n.pointer !== undefined) setPointer(n.pointer);
    if (n.camera) setCamera(n.camera);
  }, []);
  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(flush);
  }, [flush]);
  const onPointer = useCallback((p: [number, number] | null) => {
    next.current.pointer = p;
    schedule();
  }, [schedule]);
  const onCamera = useCallback((c: Camera) => {
    next.current.camera = c;
    schedule();
  }, [schedule]);
  return { pointer, camera, onPointer, onCamera };
}
