/**
 * What editing the grid on the map does to the area records (pure): a drawn area becomes a child record; a split
 * keeps the original record for the largest piece and makes the others new records carrying its people, duties,
 * rules and key-area mark; a merge keeps the selected record with the union and both areas' people, takes over the
 * other's children and deletes it; a topology fix is a new boundary for one child. Every change goes through the
 * record module (createGridArea / amendGridArea), so each leaves a history entry. Geometry comes from the engine
 * (grid-edits.ts, split-merge.ts in the workers); this file only decides records and refusals.
 */
import type { Polygon } from 'geojson';
import type { AreaGeometry } from '../../../shared/domain/grid/area-geometry';
import {
  amendGridArea,
  createGridArea,
  type AreaEditInfo,
  type AreaPerson,
  type GridArea,
  type GridAreaReason,
} from '../../../shared/domain/grid/area-record';
import type { Placement } from '../../../shared/domain/grid/grid-edits';
import { childLevelOf, type AreaLevel } from '../../../shared/domain/grid/levels';
import type { TopologyArea } from '../../../shared/domain/grid/topology';
import { fail, ok, type Validation } from '../../../shared/validation/validation';

/**
 * How much a drawn area may overlap a sibling or lie beyond its parent before it is refused: 1 m² (planar). A boundary
 * snapped to its neighbour shares its edges exactly (0 m²); one drawn by eye along a 500 m edge 2 mm off is 1 m².
 */
export const PLACEMENT_TOLERANCE_M2 = 1;

export type PlacementRefusal = { kind: 'outside'; m2: number } | { kind: 'overlap'; name: string; m2: number };

/** The first reason a boundary may not be stored where it is (outside the parent first), or null. */
export function placementRefusal(p: Placement, toleranceM2 = PLACEMENT_TOLERANCE_M2): PlacementRefusal | null {
  if (p.outsideM2 > toleranceM2) return { kind: 'outside', m2: p.outsideM2 };
  const o = p.overlaps.find((x) => x.m2 > toleranceM2);
  return o ? { kind: 'overlap', name: o.name, m2: o.m2 } : null;
}

/** The level a drawn area gets: one below the parent's, a township at the top (the office's own township). */
export function drawnLevelOf(parent: GridArea | null): AreaLevel | null {
  return parent ? childLevelOf(parent.level) : 'township';
}

/** The areas a new or edited boundary is checked against and snaps to: the parent's other children (or other roots). */
export function siblingsOf(areas: readonly GridArea[], parentId: string | null, except?: string): GridArea[] {
  return areas.filter((a) => a.parentId === parentId && a.id !== except && a.geometry !== null);
}

export const topologyAreaOf = (a: GridArea): TopologyArea => ({ id: a.id, name: a.name, geometry: a.geometry });

/** The next free "<base>-<n>" name among `taken` (the split pieces' proposal: 青石村-01 → 青石村-01-2). */
export function nextName(base: string, taken: ReadonlySet<string>, from = 2): string {
  for (let n = from; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A drawn area as a record (its zone: the parent's, so its figures are in the parent's plane). */
export function drawnArea(
  init: { id: string; parent: GridArea | null; name: string; geometry: AreaGeometry },
  edit: AreaEditInfo,
): Validation<GridArea, GridAreaReason | 'noLevel'> {
  const level = drawnLevelOf(init.parent);
  if (!level) return fail('noLevel', 'level', 'a cell has no children');
  return createGridArea(
    { id: init.id, level, name: init.name.trim(), parentId: init.parent?.id ?? null, geometry: init.geometry, zone: init.parent?.zone ?? null },
    { ...edit, change: 'created' },
  );
}

/**
 * The records after `area` is split into `pieces` (largest first, as the engine gives them) named `names`: the first
 * piece stays `area` (same id, its history continued), each other piece is a new area under the same parent with a
 * copy of the people, duties, rules and key-area mark. Refused when the area has children (they would have to be
 * shared out among the pieces: move them first) or a name is empty or repeated.
 */
export function splitRecords(
  area: GridArea,
  pieces: readonly Polygon[],
  names: readonly string[],
  ids: readonly string[],
  hasChildren: boolean,
  edit: AreaEditInfo,
): Validation<GridArea[], GridAreaReason | 'hasChildren' | 'duplicateName' | 'notSplit'> {
  if (hasChildren) return fail('hasChildren', 'id', `${area.id} has children`);
  if (pieces.length < 2 || names.length !== pieces.length || ids.length !== pieces.length - 1) return fail('notSplit');
  const trimmed = names.map((n) => n.trim());
  if (trimmed.some((n) => n === '')) return fail('missingName', 'name');
  if (new Set(trimmed).size !== trimmed.length) return fail('duplicateName', 'name');
  const first = amendGridArea(area, { geometry: pieces[0] as Polygon, name: trimmed[0] as string }, edit);
  if (!first.ok) return first;
  const out: GridArea[] = [first.value];
  for (let i = 1; i < pieces.length; i++) {
    const made = createGridArea(
      {
        id: ids[i - 1] as string,
        level: area.level,
        name: trimmed[i] as string,
        parentId: area.parentId,
        code: null,
        geometry: pieces[i] as Polygon,
        zone: area.zone,
        people: area.people.map((p) => ({ ...p })),
        duties: area.duties,
        ruleIds: [...area.ruleIds],
        keyArea: area.keyArea ? { ...area.keyArea } : null,
      },
      { ...edit, change: 'created' },
    );
    if (!made.ok) return made;
    out.push(made.value);
  }
  return ok(out);
}

const samePerson = (a: AreaPerson, b: AreaPerson) => a.name === b.name && a.lawEnforcementCertNo === b.lawEnforcementCertNo;

/**
 * A merge: `keep` takes the merged boundary, its own people and those of `absorbed` it lacks, its duties followed by
 * the other's when they differ, the rules of both; the children of `absorbed` move to `keep`; `absorbed` is deleted.
 */
export function mergeRecords(
  keep: GridArea,
  absorbed: GridArea,
  merged: Polygon,
  absorbedChildren: readonly GridArea[],
  edit: AreaEditInfo,
): Validation<{ put: GridArea[]; deleteIds: string[] }, GridAreaReason | 'notSiblings'> {
  if (keep.parentId !== absorbed.parentId || keep.level !== absorbed.level) return fail('notSiblings');
  const people = [...keep.people, ...absorbed.people.filter((p) => !keep.people.some((q) => samePerson(p, q)))];
  const duties =
    absorbed.duties.trim() === '' || absorbed.duties === keep.duties
      ? keep.duties
      : [keep.duties, absorbed.duties].filter((d) => d.trim()).join('\n');
  const ruleIds = [...new Set([...keep.ruleIds, ...absorbed.ruleIds])];
  const amended = amendGridArea(keep, { geometry: merged, people, duties, ruleIds, keyArea: keep.keyArea ?? absorbed.keyArea }, edit);
  if (!amended.ok) return amended;
  const put: GridArea[] = [amended.value];
  for (const c of absorbedChildren) {
    const moved = amendGridArea(c, { parentId: keep.id }, edit);
    if (!moved.ok) return moved;
    put.push(moved.value);
  }
  return ok({ put, deleteIds: [absorbed.id] });
}

/**
 * Editing on the map needs one polygon of at least three distinct vertices and some area: a MultiPolygon area (promoted
 * from a multi-part feature) or a collapsed boundary (all its vertices within a few ulps) cannot be a session's shape.
 */
export function editablePolygon(a: GridArea): Polygon | null {
  if (a.geometry?.type !== 'Polygon' || a.geometry.coordinates.length !== 1) return null;
  const ring = a.geometry.coordinates[0] ?? [];
  const distinct = new Set(ring.map((p) => `${p[0]},${p[1]}`));
  let twice = 0;
  for (let i = 1; i < ring.length; i++)
    twice += (ring[i - 1]![0] as number) * (ring[i]![1] as number) - (ring[i]![0] as number) * (ring[i - 1]![1] as number);
  return distinct.size >= 3 && twice !== 0 ? a.geometry : null;
}
