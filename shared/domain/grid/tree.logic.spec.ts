import { describe, expect, it } from 'vitest';
import {
  buildGridTree,
  checkPlacement,
  compareAreas,
  descendantsOf,
  nextChildNames,
  pathLabel,
  pathNames,
  pathOf,
  type TreeArea,
} from './tree.logic';

const area = (id: string, level: TreeArea['level'], parentId: string | null, name: string, code: string | null = null): TreeArea => ({
  id,
  level,
  parentId,
  name,
  code,
});

const GRID: TreeArea[] = [
  area('c10', 'cell', 'v1', '杏园村-10'),
  area('c2', 'cell', 'v1', '杏园村-2'),
  area('c1', 'cell', 'v1', '杏园村-01'),
  area('v2', 'village', 't', '柳河村', '370112001202'),
  area('v1', 'village', 't', '杏园村', '370112001201'),
  area('t', 'township', 'k', '青石镇', '370112001000'),
  area('k', 'county', null, '历城区', '370112000000'),
];

const shape = (nodes: ReturnType<typeof buildGridTree>['roots']): unknown =>
  nodes.map((n) => (n.children.length ? { [n.area.id]: shape(n.children) } : n.area.id));

describe('buildGridTree', () => {
  it('nests county → township → village → cell, siblings by code, then by name with numbers by value', () => {
    const tree = buildGridTree(GRID);
    expect(tree.issues).toEqual([]);
    expect(shape(tree.roots)).toEqual([{ k: [{ t: [{ v1: ['c1', 'c2', 'c10'] }, 'v2'] }] }]);
    expect(tree.byId.size).toBe(7);
  });

  it('reports a repeated id, a missing parent and a wrong level, and shows those areas as roots', () => {
    const tree = buildGridTree([
      ...GRID,
      area('c1', 'cell', 'v2', '重复'),
      area('lost', 'cell', 'gone', '无主单元'),
      area('skip', 'cell', 't', '跳级单元'), // a cell directly under a township
    ]);
    expect(tree.issues).toEqual([
      { kind: 'duplicateId', id: 'c1' },
      { kind: 'missingParent', id: 'lost', parentId: 'gone' },
      { kind: 'levelMismatch', id: 'skip', parentId: 't', level: 'cell', parentLevel: 'township' },
    ]);
    expect(tree.roots.map((n) => n.area.id)).toEqual(['k', 'skip', 'lost']); // 跳 (tiào) before 无 (wú): pinyin order
    expect(tree.byId.get('c1')!.area.name).toBe('杏园村-01'); // the first one wins
  });

  it('rejects cycles: the areas on one are named and shown as roots, the rest of the tree is unchanged', () => {
    const tree = buildGridTree([...GRID, area('x', 'village', 'y', '甲村'), area('y', 'village', 'x', '乙村'), area('z', 'cell', 'x', '甲村-01')]);
    expect(tree.issues).toEqual([{ kind: 'cycle', ids: ['x', 'y'] }]);
    expect(tree.roots.map((n) => n.area.id)).toEqual(['k', 'x', 'y']);
    expect(tree.byId.get('x')!.children.map((c) => c.area.id)).toEqual(['z']);
    const self = buildGridTree([area('s', 'village', 's', '自环村')]);
    expect(self.issues).toEqual([{ kind: 'cycle', ids: ['s'] }]);
    expect(self.roots).toHaveLength(1);
  });

  it('keeps a child with a code of another township under its parent, and says so', () => {
    const tree = buildGridTree([...GRID, area('v3', 'village', 't', '外码村', '370112002203')]);
    expect(tree.issues).toEqual([{ kind: 'codeParentMismatch', id: 'v3', parentId: 't' }]);
    expect(tree.byId.get('t')!.children.map((c) => c.area.id)).toContain('v3');
  });
});

describe('paths and descendants', () => {
  const tree = buildGridTree(GRID);
  it('names the path from the county down, for display', () => {
    expect(pathNames(tree, 'c2')).toEqual(['历城区', '青石镇', '杏园村', '杏园村-2']);
    expect(pathLabel(tree, 'v2')).toBe('历城区 / 青石镇 / 柳河村');
    expect(pathLabel(tree, 'k', '')).toBe('历城区');
    expect(pathOf(tree, 'nope')).toEqual([]);
  });

  it('stops a path at a root the tree detached', () => {
    const broken = buildGridTree([...GRID, area('skip', 'cell', 't', '跳级单元')]);
    expect(pathNames(broken, 'skip')).toEqual(['跳级单元']);
  });

  it('lists everything below an area, parents before children', () => {
    expect(descendantsOf(tree, 't').map((a) => a.id)).toEqual(['v1', 'c1', 'c2', 'c10', 'v2']);
    expect(descendantsOf(tree, 'c1')).toEqual([]);
  });

  it('orders roots by level, then code', () => {
    expect([area('b', 'township', null, '乙镇'), area('a', 'county', null, '甲县')].sort(compareAreas).map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('nextChildNames', () => {
  it('numbers from 01, in order', () => {
    expect(nextChildNames('杏园村', [], 3)).toEqual(['杏园村-01', '杏园村-02', '杏园村-03']);
  });
  it('continues after the highest number taken, gaps not reused, other names ignored', () => {
    expect(nextChildNames('杏园村', ['杏园村-01', '杏园村-04', '杏园村东', '柳河村-09', '杏园村-x'], 2)).toEqual(['杏园村-05', '杏园村-06']);
  });
  it('widens the number when it needs more digits', () => {
    expect(nextChildNames('A(1)', ['A(1)-98'], 3)).toEqual(['A(1)-099', 'A(1)-100', 'A(1)-101']);
  });
});

describe('checkPlacement', () => {
  const [k, t, v1] = [GRID[6]!, GRID[5]!, GRID[4]!];
  it('accepts a child one level below its parent, and a root', () => {
    expect(checkPlacement(area('n', 'cell', 'v1', '杏园村-11'), [v1, t, k])).toEqual({ ok: true, value: true });
    expect(checkPlacement(area('n', 'township', null, '某镇'), [])).toEqual({ ok: true, value: true });
  });
  it.each([
    ['a parent not stored', area('n', 'cell', 'gone', 'x'), [], 'parentMissing'],
    ['a cell under a township', area('n', 'cell', 't', 'x'), [t, k], 'levelMismatch'],
    ['a village under a village', area('n', 'village', 'v1', 'x'), [v1, t, k], 'levelMismatch'],
    ['its own ancestor', area('t', 'village', 'v1', 'x'), [v1, t, k], 'cycle'],
    ['a code of another township', area('n', 'village', 't', 'x', '370112009001'), [t, k], 'codeParentMismatch'],
  ])('refuses %s', (_what, a, chain, reason) => {
    expect(checkPlacement(a, chain)).toMatchObject({ ok: false, reason });
  });
});
