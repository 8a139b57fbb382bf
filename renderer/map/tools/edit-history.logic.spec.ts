import { describe, expect, it } from 'vitest';
import {
  addFeature,
  canRedo,
  canUndo,
  commit,
  HISTORY_LIMIT,
  mergeFeatures,
  redo,
  removeFeature,
  replaceGeometry,
  sameScene,
  splitFeature,
  startHistory,
  undo,
  type Scene,
} from './edit-history.logic';
import type { ToolGeometry } from './types';

const sq = (x: number): ToolGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const start: Scene = [
  { id: 'a', geometry: sq(0), from: ['a'] },
  { id: 'b', geometry: sq(1), from: ['b'] },
];

describe('one history for the whole session', () => {
  it('undoes and redoes every kind of step, in order', () => {
    let h = startHistory(start);
    expect(canUndo(h)).toBe(false);
    const moved = replaceGeometry(start, 'a', sq(0.5));
    h = commit(h, moved);
    const drawn = addFeature(moved, 'n1', sq(5));
    h = commit(h, drawn);
    const split = splitFeature(drawn, 'b', [sq(1), sq(1.5)], ['n2']);
    h = commit(h, split);
    expect(split.map((f) => [f.id, f.from])).toEqual([
      ['a', ['a']],
      ['b', ['b']],
      ['n2', ['b']],
      ['n1', []],
    ]);
    h = undo(h);
    expect(sameScene(h.present, drawn)).toBe(true); // the split undone in one step
    h = undo(undo(h));
    expect(sameScene(h.present, start)).toBe(true);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(sameScene(h.present, drawn)).toBe(true);
    expect(canRedo(h)).toBe(true);
    // A new step drops what could be redone.
    h = commit(h, removeFeature(drawn, 'n1'));
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('records no step when nothing changed, and keeps at most the limit', () => {
    const h = startHistory(start);
    expect(commit(h, [...start.map((f) => ({ ...f }))])).toBe(h);
    let long = h;
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) long = commit(long, replaceGeometry(start, 'a', sq(i + 10)));
    expect(long.past).toHaveLength(HISTORY_LIMIT);
  });

  it('merges two into the first one’s place, coming from both', () => {
    const merged = mergeFeatures(start, 'a', 'b', sq(7));
    expect(merged).toEqual([{ id: 'a', geometry: sq(7), from: ['a', 'b'] }]);
    expect(mergeFeatures(start, 'a', 'a', sq(7))).toBe(start);
    expect(mergeFeatures(start, 'a', 'zz', sq(7))).toBe(start);
  });
});
