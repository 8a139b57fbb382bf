/**
 * The state machine every map tool runs (tldraw's tools; terra-draw's modes): pure, so each transition is unit-tested
 * without a map. The ToolHost feeds it what terra-draw reports and performs the effects it returns.
 *
 *   idle ──draw──▶ drawing ──finish──▶ done ──draw──▶ drawing …   (a new shape replaces the finished one)
 *     └──────────────┴──────────cancel────┴──▶ cancelled (terminal: the tool is no longer active)
 */
import type { ToolMode, ToolState } from './types';

export type LngLat = [number, number];

export type ToolEvent =
  /** The shape being drawn changed: placed vertices plus the pointer's live position. */
  | { type: 'draw'; vertices: readonly LngLat[] }
  /** terra-draw finished the shape (Enter, a click on the closing vertex, a point placed). */
  | { type: 'finish'; vertices: readonly LngLat[] }
  /** Escape, another tool, or no tool. */
  | { type: 'cancel' };

export type ToolEffect =
  | { type: 'change'; vertices: readonly LngLat[] }
  | { type: 'finish'; vertices: readonly LngLat[] }
  | { type: 'cancel' }
  /** Remove the finished shape from the map: a new one has begun. */
  | { type: 'clear-finished' };

export interface Transition {
  state: ToolState;
  effects: ToolEffect[];
}

/** The fewest vertices a finished shape of each mode has: a line two, a polygon three, a point one. */
export const MIN_VERTICES: Record<ToolMode, number> = { linestring: 2, polygon: 3, point: 1 };

export function step(mode: ToolMode, state: ToolState, event: ToolEvent): Transition {
  if (state === 'cancelled') return { state, effects: [] };
  switch (event.type) {
    case 'cancel':
      return { state: 'cancelled', effects: [{ type: 'cancel' }] };
    case 'draw':
      if (state === 'done') return { state: 'drawing', effects: [{ type: 'clear-finished' }, { type: 'change', vertices: event.vertices }] };
      return { state: 'drawing', effects: [{ type: 'change', vertices: event.vertices }] };
    case 'finish':
      // terra-draw refuses to close a shape with too few vertices itself; this guards the figures shown.
      if (event.vertices.length < MIN_VERTICES[mode]) return { state, effects: [] };
      return { state: 'done', effects: [{ type: 'finish', vertices: event.vertices }] };
  }
}

export type KeyAction = 'cancel' | 'finish' | null;

/**
 * What a key does while a tool is active. Escape cancels in every state; Enter finishes a line or polygon being drawn
 * (terra-draw's own finish key, which it only hears when the map canvas has focus, so the host forwards it). Keys
 * typed into a text field belong to that field.
 */
export function keyAction(state: ToolState, key: string, inTextField: boolean): KeyAction {
  if (inTextField || state === 'cancelled') return null;
  if (key === 'Escape') return 'cancel';
  if (key === 'Enter' && state === 'drawing') return 'finish';
  return null;
}
