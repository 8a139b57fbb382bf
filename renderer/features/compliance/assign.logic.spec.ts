import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea, type NewGridArea } from '../../../shared/domain/grid/area-record';
import { DEFAULT_RULES } from '../../../shared/domain/patrol/rule';
import { applyAssignment, assignTargets, keyAreaState, tickStates } from './assign.logic';

const edit = { at: 1_700_000_000_000, by: 'test' };
function area(init: NewGridArea): GridArea {
  const r = createGridArea(init, edit);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
const sq = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 34],
      [x + 0.01, 34],
      [x + 0.01, 34.01],
      [x, 34.01],
      [x, 34],
    ],
  ],
});
const [week, month, , key] = DEFAULT_RULES.map((r) => r.id);
const town = area({ id: 't', level: 'township', name: '镇' });
const village = area({ id: 'v', level: 'village', name: '村', parentId: 't' });
const c1 = area({ id: 'c1', level: 'cell', name: '村-01', parentId: 'v', geometry: sq(117), ruleIds: [month!] });
const c2 = area({
  id: 'c2',
  level: 'cell',
  name: '村-02',
  parentId: 'v',
  geometry: sq(117.01),
  ruleIds: [week!, month!],
  keyArea: { kind: '开发区' },
});
const grid = [town, village, c1, c2];

describe('rule assignment', () => {
  it('targets the area itself or every cell below it', () => {
    expect(assignTargets(grid, 't', 'self').map((a) => a.id)).toEqual(['t']);
    expect(assignTargets(grid, 't', 'cells').map((a) => a.id)).toEqual(['c1', 'c2']);
    expect(assignTargets(grid, null, 'cells')).toEqual([]);
  });

  it('says how each rule stands over the targets, and the key-area mark', () => {
    const s = tickStates([c1, c2], DEFAULT_RULES);
    expect(s[week!]).toBe('some');
    expect(s[month!]).toBe('all');
    expect(s[key!]).toBe('none');
    expect(keyAreaState([c1, c2])).toBe('mixed');
    expect(keyAreaState([c2])).toBe('开发区');
    expect(keyAreaState([c1])).toBeNull();
  });

  it('adds in the office’s rule order after the area’s own, removes keeping order, returns only what changes', () => {
    const out = applyAssignment(
      [c1, c2],
      {
        rules: new Map([
          [key!, true],
          [week!, true],
        ]),
        keyArea: 'keep',
      },
      DEFAULT_RULES,
    );
    expect(out.map((a) => [a.id, a.ruleIds])).toEqual([
      ['c1', [month, week, key]],
      ['c2', [week, month, key]],
    ]);
    expect(out[1]!.keyArea).toEqual({ kind: '开发区' });
    const removed = applyAssignment([c1, c2], { rules: new Map([[month!, false]]), keyArea: null }, DEFAULT_RULES);
    expect(removed.map((a) => [a.id, a.ruleIds, a.keyArea])).toEqual([
      ['c1', [], null],
      ['c2', [week], null],
    ]);
    expect(applyAssignment([c1], { rules: new Map([[month!, true]]), keyArea: 'keep' }, DEFAULT_RULES)).toEqual([]);
    const marked = applyAssignment([c1], { rules: new Map(), keyArea: { kind: '工业集中区' } }, DEFAULT_RULES);
    expect(marked[0]!.keyArea).toEqual({ kind: '工业集中区' });
  });
});
