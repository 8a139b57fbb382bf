/** The overlay worker's protocol (renderer/platform/worker-protocol.ts): one request, an overlay analysis. */
import type { OverlayPlotResult } from '../../../shared/domain/geometry/overlay';
import type { OverlayLayerChoice } from './overlay.logic';

export type OverlayRequest = { plotLayerId: string; idField: string | null; layers: OverlayLayerChoice[] };

/** Milliseconds spent in this run: reading stored layers, building the index (0 when it was warm), overlaying. */
export interface OverlayTimings {
  readMs: number;
  indexMs: number;
  overlayMs: number;
}

export interface OverlayRun {
  result: { plots: OverlayPlotResult[] };
  timings: OverlayTimings;
}

export type OverlayProtocol = {
  /** Fails `layerNotFound` (a chosen layer removed meanwhile), `attributesUnreadable`, `engineUnavailable`. */
  overlay: { request: OverlayRequest; result: OverlayRun; progress: { done: number; total: number } };
};
