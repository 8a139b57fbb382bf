import { describe, expect, it } from 'vitest';
import { keyAction, step, type LngLat } from './tool-machine.logic';

const line: LngLat[] = [
  [117, 35],
  [117.01, 35],
];

describe('tool state machine', () => {
  it('goes idle → drawing on the first vertex and reports every change', () => {
    const a = step('linestring', 'idle', { type: 'draw', vertices: [[117, 35]] });
    expect(a).toEqual({ state: 'drawing', effects: [{ type: 'change', vertices: [[117, 35]] }] });
    const b = step('linestring', 'drawing', { type: 'draw', vertices: line });
    expect(b).toEqual({ state: 'drawing', effects: [{ type: 'change', vertices: line }] });
  });

  it('finishes a shape with enough vertices, and ignores a finish with too few', () => {
    expect(step('linestring', 'drawing', { type: 'finish', vertices: line })).toEqual({
      state: 'done',
      effects: [{ type: 'finish', vertices: line }],
    });
    expect(step('linestring', 'drawing', { type: 'finish', vertices: [[117, 35]] })).toEqual({ state: 'drawing', effects: [] });
    expect(step('polygon', 'drawing', { type: 'finish', vertices: line })).toEqual({ state: 'drawing', effects: [] });
    const tri: LngLat[] = [...line, [117, 35.01]];
    expect(step('polygon', 'drawing', { type: 'finish', vertices: tri }).state).toBe('done');
    // A point is finished the moment it is placed.
    expect(step('point', 'drawing', { type: 'finish', vertices: [[117, 35]] }).state).toBe('done');
  });

  it('starts a new shape after one is done, clearing the finished one first', () => {
    expect(step('polygon', 'done', { type: 'draw', vertices: [[118, 36]] })).toEqual({
      state: 'drawing',
      effects: [{ type: 'clear-finished' }, { type: 'change', vertices: [[118, 36]] }],
    });
  });

  it('cancels from every live state once, and a cancelled tool ignores everything', () => {
    for (const s of ['idle', 'drawing', 'done'] as const)
      expect(step('linestring', s, { type: 'cancel' })).toEqual({ state: 'cancelled', effects: [{ type: 'cancel' }] });
    for (const e of [{ type: 'cancel' }, { type: 'draw', vertices: line }, { type: 'finish', vertices: line }] as const)
      expect(step('linestring', 'cancelled', e)).toEqual({ state: 'cancelled', effects: [] });
  });
});

describe('keys while a tool is active', () => {
  it('Escape cancels in any live state; Enter finishes only while drawing', () => {
    expect(keyAction('idle', 'Escape', false)).toBe('cancel');
    expect(keyAction('done', 'Escape', false)).toBe('cancel');
    expect(keyAction('drawing', 'Enter', false)).toBe('finish');
    expect(keyAction('idle', 'Enter', false)).toBeNull();
    expect(keyAction('done', 'Enter', false)).toBeNull();
    expect(keyAction('drawing', 'a', false)).toBeNull();
  });
  it('leaves keys typed into a text field, and any key after cancel, alone', () => {
    expect(keyAction('drawing', 'Escape', true)).toBeNull();
    expect(keyAction('cancelled', 'Escape', false)).toBeNull();
  });
});
