/**
 * What importing a grid file would do, before anything is stored (the preview the officer confirms): each incoming
 * area is matched to a stored one — by id, else by code (same level), else by parent and name (same level) — and
 * is then `same` (nothing to store), `conflict` (a stored area differs: listed with the fields, never overwritten)
 * or `new` (stored, under its parent as matched). A township whose parent is neither in the file nor stored goes
 * under the stored county when there is one (the one whose code it starts with, else the only county), else it is
 * a top-level township, so a county office can load several townships side by side. Ids are kept (they are random
 * per office, "A" + time + random): two townships' areas do not collide.
 */
import { changedFields, type AreaEditInfo, type AreaField, type GridArea } from '../../domain/grid/area-record';
import { depthOfLevel } from '../../domain/grid/levels';

export interface PlannedSame {
  incoming: GridArea;
  stored: GridArea;
}

export interface PlannedConflict {
  incoming: GridArea;
  stored: GridArea;
  /** How it was matched. */
  by: 'id' | 'code' | 'name';
  /** The fields that differ, or 'level' when the stored area with that id is of another level. */
  fields: (AreaField | 'level')[];
}

export interface GridImportPlan {
  /** Ready to store (putGridAreas), parents before children, each with an 'imported' history entry. */
  added: GridArea[];
  same: PlannedSame[];
  conflicts: PlannedConflict[];
  /** Townships placed under a stored county, or made top-level, because their parent was in neither. */
  reparented: { area: GridArea; parentId: string | null }[];
}

/** Degrees; 1e-9° is 0.1 mm: a GK round trip (export planar, read back) moves a vertex by far less. */
const COORD_TOLERANCE_DEG = 1e-9;

function sameNumbers(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= COORD_TOLERANCE_DEG;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameNumbers(x, b[i]));
  return a === b;
}

/** The fields that differ, the geometry compared to COORD_TOLERANCE_DEG. */
function differingFields(stored: GridArea, incoming: GridArea): AreaField[] {
  const fields = changedFields(stored, incoming);
  return fields.filter((f) => {
    if (f !== 'geometry') return true;
    const a = stored.geometry;
    const b = incoming.geometry;
    return !(a && b && a.type === b.type && sameNumbers(a.coordinates, b.coordinates));
  });
}

export function planGridImport(incoming: readonly GridArea[], stored: readonly GridArea[], edit: AreaEditInfo & { file: string }): GridImportPlan {
  const plan: GridImportPlan = { added: [], same: [], conflicts: [], reparented: [] };
  const storedById = new Map<string, GridArea>(stored.map((a) => [a.id, a]));
  const byCode = new Map(stored.filter((a) => a.code !== null).map((a) => [`${a.level}:${a.code}`, a]));
  const byName = new Map(stored.map((a) => [`${a.level}:${a.parentId ?? ''}:${a.name}`, a]));
  const counties = stored.filter((a) => a.level === 'county');
  const inFile = new Set<string>(incoming.map((a) => a.id));
  /** Incoming id → the id it has in the store (its own when new). */
  const mapped = new Map<string, string>();

  const ordered = [...incoming].sort((a, b) => depthOfLevel(a.level) - depthOfLevel(b.level));
  for (const a of ordered) {
    let parentId = a.parentId === null ? null : (mapped.get(a.parentId) ?? a.parentId);
    let moved = false;
    if (parentId !== null && !inFile.has(a.parentId as string) && !storedById.has(parentId)) {
      // The parent was not sent and is not here: a township goes under this office's county, else to the top.
      const county =
        a.level === 'township'
          ? (counties.find((c) => c.code !== null && a.code !== null && a.code.startsWith(c.code.slice(0, 6))) ??
            (counties.length === 1 ? counties[0] : undefined))
          : undefined;
      parentId = county ? county.id : null;
      moved = true;
    }
    const candidate: GridArea = { ...a, parentId: parentId as GridArea['parentId'] };
    let match: { stored: GridArea; by: PlannedConflict['by'] } | null = null;
    const sameId = storedById.get(a.id);
    if (sameId) match = { stored: sameId, by: 'id' };
    else if (a.code !== null && byCode.has(`${a.level}:${a.code}`)) match = { stored: byCode.get(`${a.level}:${a.code}`) as GridArea, by: 'code' };
    else if (byName.has(`${a.level}:${parentId ?? ''}:${a.name}`))
      match = { stored: byName.get(`${a.level}:${parentId ?? ''}:${a.name}`) as GridArea, by: 'name' };

    if (match) {
      mapped.set(a.id, match.stored.id);
      if (match.stored.level !== a.level) {
        plan.conflicts.push({ incoming: a, stored: match.stored, by: match.by, fields: ['level'] });
        continue;
      }
      const fields = differingFields(match.stored, candidate);
      if (fields.length === 0) plan.same.push({ incoming: a, stored: match.stored });
      else plan.conflicts.push({ incoming: a, stored: match.stored, by: match.by, fields });
      continue;
    }
    mapped.set(a.id, a.id);
    if (moved) plan.reparented.push({ area: candidate, parentId });
    plan.added.push({
      ...candidate,
      updatedAt: edit.at,
      // One 'imported' entry naming the file (an area made from a file's properties opened its history with one).
      history: a.history.some((h) => h.change === 'imported' && h.at === edit.at)
        ? a.history.map((h) => (h.change === 'imported' && h.at === edit.at ? { ...h, note: edit.file } : h))
        : [...a.history, { at: edit.at, by: edit.by, change: 'imported', fields: [], note: edit.file }],
    });
  }
  return plan;
}
