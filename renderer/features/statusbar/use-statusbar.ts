import { useSyncExternalStore } from 'react';
import type { Camera } from './components/StatusBar';

export interface StatusSnapshot {
  pointer: [number, number] | null;
  camera: Camera | null;
}

/**
 * Pointer and camera for the status bar, held outside React state: they change on every mouse move, and only
 * the status bar reads them (in React state they re-rendered the whole workspace each frame). Updates are
 * throttled to one per animation frame; the setters are stable for the app's lifetime.
 */
export interface StatusSource {
  onPointer(p: [number, number] | null): void;
  onCamera(c: Camera): void;
  subscribe(listener: () => void): () => void;
  get(): StatusSnapshot;
}

export function createStatusSource(): StatusSource {
  let snapshot: StatusSnapshot = { pointer: null, camera: null };
  let next: Partial<StatusSnapshot> = {};
  let frame = 0;
  const listeners = new Set<() => void>();
  const flush = () => {
    frame = 0;
    snapshot = { pointer: 'pointer' in next ? (next.pointer ?? null) : snapshot.pointer, camera: next.camera ?? snapshot.camera };
    next = {};
    for (const l of listeners) l();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(flush);
  };
  return {
    onPointer(p) {
      next.pointer = p;
      schedule();
    },
    onCamera(c) {
      next.camera = c;
      schedule();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => snapshot,
  };
}

/** The current pointer and camera; re-renders only the component that calls it. */
export function useStatusSnapshot(source: StatusSource): StatusSnapshot {
  return useSyncExternalStore(source.subscribe, source.get);
}
