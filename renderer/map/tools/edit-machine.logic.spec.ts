import { describe, expect, it } from 'vitest';
import { editKeyAction, editStep, initialEditState, type EditMachineState } from './edit-machine.logic';

const editingA: EditMachineState = { phase: 'editing', drawing: null, selected: 'a' };

describe('editing session state machine', () => {
  it('starts editing the given shape, or idle with none', () => {
    expect(initialEditState('a')).toEqual(editingA);
    expect(initialEditState(null).phase).toBe('idle');
  });

  it('selects and deselects while idle or editing', () => {
    expect(editStep(initialEditState(null), { type: 'select', id: 'b' })).toEqual({
      state: { phase: 'editing', drawing: null, selected: 'b' },
      effects: [],
    });
    expect(editStep(editingA, { type: 'select', id: null }).state.phase).toBe('idle');
  });

  it('draws a new shape or a split line, then edits what it made', () => {
    const drawing = editStep(editingA, { type: 'draw', mode: 'linestring', purpose: 'split', target: 'a' });
    expect(drawing).toEqual({
      state: { phase: 'drawing', drawing: { mode: 'linestring', purpose: 'split', target: 'a' }, selected: 'a' },
      effects: [{ type: 'mode', mode: 'linestring' }],
    });
    // While drawing, a select or a second draw changes nothing, and finishing the session waits.
    expect(editStep(drawing.state, { type: 'select', id: 'b' }).state).toBe(drawing.state);
    expect(editStep(drawing.state, { type: 'draw', mode: 'polygon', purpose: 'new' }).state).toBe(drawing.state);
    expect(editStep(drawing.state, { type: 'finish' }).effects).toEqual([]);
    expect(editStep(drawing.state, { type: 'drawn', selected: 'a' })).toEqual({ state: editingA, effects: [{ type: 'mode', mode: 'select' }] });
    // Abandoned: back to what was selected before.
    expect(editStep(drawing.state, { type: 'abort' })).toEqual({ state: editingA, effects: [{ type: 'mode', mode: 'select' }] });
  });

  it('picks the neighbour to merge with', () => {
    const picking = editStep(editingA, { type: 'pick' });
    expect(picking).toEqual({ state: { ...editingA, phase: 'picking' }, effects: [{ type: 'mode', mode: 'static' }] });
    expect(editStep(picking.state, { type: 'picked', selected: 'a' })).toEqual({ state: editingA, effects: [{ type: 'mode', mode: 'select' }] });
    expect(editStep(picking.state, { type: 'abort' }).state).toEqual(editingA);
    expect(editStep(initialEditState(null), { type: 'pick' }).effects).toEqual([]);
  });

  it('finishes or cancels once; both are terminal', () => {
    const done = editStep(editingA, { type: 'finish' });
    expect(done).toEqual({ state: { ...editingA, phase: 'done' }, effects: [{ type: 'finish' }] });
    const cancelled = editStep({ phase: 'drawing', drawing: { mode: 'polygon', purpose: 'new', target: null }, selected: null }, { type: 'cancel' });
    expect(cancelled).toEqual({ state: { phase: 'cancelled', drawing: null, selected: null }, effects: [{ type: 'cancel' }] });
    for (const end of [done.state, cancelled.state])
      for (const e of [{ type: 'cancel' }, { type: 'finish' }, { type: 'select', id: 'a' }] as const)
        expect(editStep(end, e)).toEqual({ state: end, effects: [] });
  });
});

describe('keys in a session', () => {
  const plain = { ctrl: false, shift: false };
  const ctrl = { ctrl: true, shift: false };
  const ctrlShift = { ctrl: true, shift: true };
  it('Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo, in every live phase', () => {
    for (const phase of ['idle', 'editing', 'drawing', 'picking'] as const) {
      expect(editKeyAction(phase, 'z', ctrl, false)).toBe('undo');
      expect(editKeyAction(phase, 'Z', ctrlShift, false)).toBe('redo');
      expect(editKeyAction(phase, 'y', ctrl, false)).toBe('redo');
    }
    expect(editKeyAction('editing', 'z', plain, false)).toBeNull();
    expect(editKeyAction('editing', 'c', ctrl, false)).toBeNull();
  });
  it('Delete removes a vertex only while editing; Enter and Escape depend on the phase', () => {
    expect(editKeyAction('editing', 'Delete', plain, false)).toBe('deleteVertex');
    expect(editKeyAction('editing', 'Backspace', plain, false)).toBe('deleteVertex');
    expect(editKeyAction('idle', 'Delete', plain, false)).toBeNull();
    expect(editKeyAction('drawing', 'Enter', plain, false)).toBe('finishShape');
    expect(editKeyAction('editing', 'Enter', plain, false)).toBe('finish');
    expect(editKeyAction('picking', 'Enter', plain, false)).toBeNull();
    expect(editKeyAction('drawing', 'Escape', plain, false)).toBe('abort');
    expect(editKeyAction('picking', 'Escape', plain, false)).toBe('abort');
    expect(editKeyAction('editing', 'Escape', plain, false)).toBe('cancel');
  });
  it('leaves keys typed into a field, and any key once the session is over, alone', () => {
    expect(editKeyAction('editing', 'z', ctrl, true)).toBeNull();
    expect(editKeyAction('editing', 'Enter', plain, true)).toBeNull();
    expect(editKeyAction('done', 'Escape', plain, false)).toBeNull();
    expect(editKeyAction('cancelled', 'z', ctrl, false)).toBeNull();
  });
});
