/**
 * The grid as a tree (县/区 → 乡镇 → 村 → 网格单元) built from a flat list of areas, as the store holds them.
 *
 * Rules: a child is exactly one level below its parent (levels.ts); its code starts with its parent's (area-code.ts).
 * Whatever breaks the tree — a repeated id, a parent that is not in the list, a cycle of parent links, a child at
 * the wrong level — is reported as an issue and the area is shown as a root: nothing is silently left out of the
 * tree. A wrong code is reported too, but the area stays under its parent (the link is right, the code is not).
 * `checkPlacement` is the same rule for one area about to be stored (the repository refuses what it fails), so a
 * stored grid never gains a cycle: levels only go down along parent links.
 */
import { fail, ok, type Validation } from '../../validation/validation';
import { checkAreaCode } from './area-code';
import { childLevelOf, depthOfLevel, type AreaLevel } from './levels';

/** What the tree needs of an area (a GridArea is one). */
export interface TreeArea {
  id: string;
  level: AreaLevel;
  parentId: string | null;
  name: string;
  code: string | null;
}

export interface GridTreeNode<T extends TreeArea = TreeArea> {
  area: T;
  children: GridTreeNode<T>[];
}

export type TreeIssue =
  | { kind: 'duplicateId'; id: string }
  | { kind: 'missingParent'; id: string; parentId: string }
  | { kind: 'cycle'; ids: string[] }
  | { kind: 'levelMismatch'; id: string; parentId: string; level: AreaLevel; parentLevel: AreaLevel }
  | { kind: 'codeParentMismatch'; id: string; parentId: string };

export interface GridTree<T extends TreeArea = TreeArea> {
  roots: GridTreeNode<T>[];
  byId: ReadonlyMap<string, GridTreeNode<T>>;
  issues: TreeIssue[];
}

// Names compare as a Chinese reader orders them, numbers by value (杏园村-2 before 杏园村-10).
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Sibling order: the official code order where both have codes, else by name; a higher level first among roots. */
export function compareAreas(a: TreeArea, b: TreeArea): number {
  const byLevel = depthOfLevel(a.level) - depthOfLevel(b.level);
  if (byLevel !== 0) return byLevel;
  if (a.code !== null && b.code !== null && a.code !== b.code) return a.code < b.code ? -1 : 1;
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The ids on parent-link cycles among `byId`, one list per cycle (sorted). */
function findCycles<T extends TreeArea>(byId: Map<string, T>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  for (const start of byId.keys()) {
    const path: string[] = [];
    let at: string | null = start;
    while (at !== null && byId.has(at) && !state.has(at)) {
      state.set(at, 'visiting');
      path.push(at);
      at = byId.get(at)!.parentId;
    }
    if (at !== null && state.get(at) === 'visiting') cycles.push(path.slice(path.indexOf(at)).sort());
    for (const id of path) state.set(id, 'done');
  }
  return cycles;
}

export function buildGridTree<T extends TreeArea>(areas: readonly T[]): GridTree<T> {
  const issues: TreeIssue[] = [];
  const byId = new Map<string, T>();
  for (const a of areas) {
    if (byId.has(a.id)) issues.push({ kind: 'duplicateId', id: a.id });
    else byId.set(a.id, a);
  }
  const detached = new Set<string>();
  for (const ids of findCycles(byId)) {
    issues.push({ kind: 'cycle', ids });
    for (const id of ids) detached.add(id);
  }
  const nodes = new Map<string, GridTreeNode<T>>();
  for (const a of byId.values()) nodes.set(a.id, { area: a, children: [] });
  const roots: GridTreeNode<T>[] = [];
  for (const a of byId.values()) {
    const node = nodes.get(a.id)!;
    const parent = a.parentId === null ? undefined : byId.get(a.parentId);
    if (a.parentId === null || detached.has(a.id)) {
      roots.push(node);
    } else if (!parent) {
      issues.push({ kind: 'missingParent', id: a.id, parentId: a.parentId });
      roots.push(node);
    } else if (childLevelOf(parent.level) !== a.level) {
      issues.push({ kind: 'levelMismatch', id: a.id, parentId: parent.id, level: a.level, parentLevel: parent.level });
      roots.push(node);
    } else {
      const code = checkAreaCode(a.level, a.code, parent);
      if (!code.ok && code.reason === 'codeParentMismatch') issues.push({ kind: 'codeParentMismatch', id: a.id, parentId: parent.id });
      nodes.get(parent.id)!.children.push(node);
    }
  }
  const sortDeep = (list: GridTreeNode<T>[]): void => {
    list.sort((x, y) => compareAreas(x.area, y.area));
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return { roots, byId: nodes, issues };
}

/** The nodes from the root down to `id` (empty when `id` is not in the tree). */
export function pathOf<T extends TreeArea>(tree: GridTree<T>, id: string): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  let node = tree.byId.get(id);
  while (node && !seen.has(node.area.id)) {
    seen.add(node.area.id);
    out.unshift(node.area);
    const p = node.area.parentId;
    // Stop at a root the tree detached (cycle, wrong level, missing parent): its path is itself and what is below.
    const parent = p === null ? undefined : tree.byId.get(p);
    node = parent && parent.children.some((c) => c.area.id === node!.area.id) ? parent : undefined;
  }
  return out;
}

/** The names from the root down to `id`, for display: ['历城区', '青石镇', '杏园村', '杏园村-01']. */
export const pathNames = (tree: GridTree, id: string): string[] => pathOf(tree, id).map((a) => a.name);

/** The path as one line ("历城区 / 青石镇 / 杏园村 / 杏园村-01"). */
export const pathLabel = (tree: GridTree, id: string, separator = ' / '): string => pathNames(tree, id).join(separator);

/** Every area below `id`, parents before their children (what goes with it when it is deleted or exported). */
export function descendantsOf<T extends TreeArea>(tree: GridTree<T>, id: string): T[] {
  const out: T[] = [];
  const walk = (n: GridTreeNode<T>): void => {
    for (const c of n.children) {
      out.push(c.area);
      walk(c);
    }
  };
  const node = tree.byId.get(id);
  if (node) walk(node);
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The next `count` child names in order after those taken: 杏园村-01, 杏园村-02 … continuing after the highest number
 * already used under that parent (a gap left by a deleted cell is not reused: a cell's name is how patrol logs name
 * it). Numbers have two digits, or more when the last one needs them.
 */
export function nextChildNames(parentName: string, takenNames: readonly string[], count = 1): string[] {
  const pattern = new RegExp(`^${escapeRegExp(parentName)}-(\\d+)$`);
  let max = 0;
  for (const n of takenNames) {
    const m = pattern.exec(n);
    if (m) max = Math.max(max, Number(m[1]));
  }
  const width = Math.max(2, String(max + count).length);
  return Array.from({ length: count }, (_, i) => `${parentName}-${String(max + 1 + i).padStart(width, '0')}`);
}

export type PlacementReason = 'parentMissing' | 'levelMismatch' | 'cycle' | 'codeParentMismatch';

/**
 * May `area` be stored under its parent? `parentChain` is its parent, the parent's parent … as stored (empty when
 * the parent is not there). Refused: a parent that is missing, a level that is not one below the parent's, a parent
 * chain that comes back to the area (a cycle), a code that does not start with the parent's.
 */
export function checkPlacement(area: TreeArea, parentChain: readonly TreeArea[]): Validation<true, PlacementReason> {
  if (area.parentId === null) return ok(true);
  const parent = parentChain[0];
  if (!parent || parent.id !== area.parentId) return fail('parentMissing', 'parentId', `no area ${area.parentId}`);
  if (parentChain.some((p) => p.id === area.id)) return fail('cycle', 'parentId', `${area.id} would be its own ancestor`);
  if (childLevelOf(parent.level) !== area.level) return fail('levelMismatch', 'level', `a ${area.level} cannot be under a ${parent.level}`);
  const code = checkAreaCode(area.level, area.code, parent);
  if (!code.ok && code.reason === 'codeParentMismatch') return fail('codeParentMismatch', 'code', code.detail);
  return ok(true);
}
