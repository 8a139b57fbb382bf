/**
 * The state machine of an editing session (pure; tldraw's tools, terra-draw's modes). The EditSession feeds it what
 * the user did and performs the effects it returns (which terra-draw mode runs, finishing, cancelling).
 *
 *   idle ⇄ editing (a shape selected: its vertices move, insert, delete)
 *     │       │ └─pick──▶ picking (merge: click the neighbour) ─picked / abort─▶ editing
 *     └─draw──┴──────────▶ drawing (a new shape, or the line a split cuts along) ─drawn / abort─▶ editing | idle
 *   idle | editing ─finish─▶ done;  any live phase ─cancel─▶ cancelled   (both terminal: the tool has ended)
 */
import type { EditPhase, ToolMode } from './types';

export interface EditMachineState {
  phase: EditPhase;
  drawing: { mode: ToolMode; purpose: 'new' | 'split'; target: string | null } | null;
  selected: string | null;
}

export type EditEvent =
  | { type: 'select'; id: string | null }
  | { type: 'draw'; mode: ToolMode; purpose: 'new' | 'split'; target?: string | null }
  /** The shape being drawn was finished; `selected` is what is selected now (the new shape, a split's piece). */
  | { type: 'drawn'; selected: string | null }
  /** Drawing or picking stopped with nothing made. */
  | { type: 'abort' }
  | { type: 'pick' }
  | { type: 'picked'; selected: string | null }
  | { type: 'finish' }
  | { type: 'cancel' };

export type EditEffect = { type: 'mode'; mode: 'select' | 'static' | ToolMode } | { type: 'finish' } | { type: 'cancel' };

export interface EditTransition {
  state: EditMachineState;
  effects: EditEffect[];
}

export const initialEditState = (selected: string | null): EditMachineState => ({ phase: selected ? 'editing' : 'idle', drawing: null, selected });

const settled = (selected: string | null): EditMachineState => ({ phase: selected ? 'editing' : 'idle', drawing: null, selected });
const same = (state: EditMachineState): EditTransition => ({ state, effects: [] });

export function editStep(s: EditMachineState, e: EditEvent): EditTransition {
  if (s.phase === 'done' || s.phase === 'cancelled') return same(s);
  const free = s.phase === 'idle' || s.phase === 'editing';
  switch (e.type) {
    case 'cancel':
      return { state: { ...s, phase: 'cancelled', drawing: null }, effects: [{ type: 'cancel' }] };
    case 'finish':
      return free ? { state: { ...s, phase: 'done' }, effects: [{ type: 'finish' }] } : same(s);
    case 'select':
      return free ? same(settled(e.id)) : same(s);
    case 'draw':
      if (!free) return same(s);
      return {
        state: { phase: 'drawing', drawing: { mode: e.mode, purpose: e.purpose, target: e.target ?? null }, selected: s.selected },
        effects: [{ type: 'mode', mode: e.mode }],
      };
    case 'drawn':
      return s.phase === 'drawing' ? { state: settled(e.selected), effects: [{ type: 'mode', mode: 'select' }] } : same(s);
    case 'abort':
      return s.phase === 'drawing' || s.phase === 'picking' ? { state: settled(s.selected), effects: [{ type: 'mode', mode: 'select' }] } : same(s);
    case 'pick':
      return s.phase === 'editing' ? { state: { ...s, phase: 'picking' }, effects: [{ type: 'mode', mode: 'static' }] } : same(s);
    case 'picked':
      return s.phase === 'picking' ? { state: settled(e.selected), effects: [{ type: 'mode', mode: 'select' }] } : same(s);
  }
}

export type EditKeyAction = 'undo' | 'redo' | 'deleteVertex' | 'finish' | 'finishShape' | 'abort' | 'cancel' | null;

export interface HeldKeys {
  /** Ctrl, or ⌘ on a Mac. */
  ctrl: boolean;
  shift: boolean;
}

/**
 * What a key does in a session. Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (while drawing: the vertices of the shape
 * being drawn); Delete or Backspace deletes the vertex under the pointer; Enter finishes the shape being drawn, else
 * the session; Escape abandons the shape being drawn (or the merge pick), else cancels the session. Keys typed into a
 * text field (the vertex input) belong to that field.
 */
export function editKeyAction(phase: EditPhase, key: string, held: HeldKeys, inTextField: boolean): EditKeyAction {
  if (inTextField || phase === 'done' || phase === 'cancelled') return null;
  const k = key.toLowerCase();
  if (held.ctrl && k === 'z') return held.shift ? 'redo' : 'undo';
  if (held.ctrl && k === 'y' && !held.shift) return 'redo';
  if (held.ctrl) return null;
  if ((k === 'delete' || k === 'backspace') && phase === 'editing') return 'deleteVertex';
  if (k === 'enter') return phase === 'drawing' ? 'finishShape' : phase === 'picking' ? null : 'finish';
  if (k === 'escape') return phase === 'drawing' || phase === 'picking' ? 'abort' : 'cancel';
  return null;
}
