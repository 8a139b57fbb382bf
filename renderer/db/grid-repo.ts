/**
 * Grid areas (shared/domain/grid/area-record.ts): every read through restoreGridArea (an unreadable record is
 * skipped with a console warning), every user action ONE transaction (README Decision 7: a completed save is on
 * disk, a failed one changes nothing).
 *
 * Writes keep the grid a tree and the history append-only, whatever the caller hands in:
 * - an area already stored is amended from the STORED record (amendGridArea): its history is the stored history
 *   plus one entry naming the fields that changed; a history the caller rewrote is not taken. Its level never
 *   changes (the record module's fields say so); a write that changes nothing writes nothing.
 * - every area's parent must be stored (or in the same batch), one level above it, not below it, and of a code its
 *   code starts with (tree.logic checkPlacement);
 * - an area is deleted only with all its children (a cell has none).
 * A refusal comes back as a named reason (for the panel to say in Chinese or English), nothing written; a failure
 * of IndexedDB itself rejects as every other repository's does.
 */
import {
  amendGridArea,
  AREA_FIELDS,
  restoreGridArea,
  validateGridArea,
  type AreaEditInfo,
  type GridArea,
  type GridAreaPatch,
  type GridAreaReason,
} from '../../shared/domain/grid/area-record';
import { checkPlacement, type PlacementReason } from '../../shared/domain/grid/tree.logic';
import { fail, ok, type Validation } from '../../shared/validation/validation';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export type GridWriteReason = GridAreaReason | PlacementReason | 'levelChanged' | 'duplicateInBatch';
export type GridDeleteReason = 'hasChildren';

/** What a refused write names: the area (its id) and why. */
export type GridWriteResult = Validation<GridArea[], GridWriteReason> & { readonly id?: string };

const restore = (raw: unknown): GridArea | null => readRecord('grid area', raw, restoreGridArea);

/** All areas, validated; malformed records are skipped (and reported in the console, never thrown). */
export async function listGridAreas(db: LandPatrolDb = getDb()): Promise<GridArea[]> {
  const out: GridArea[] = [];
  for (const raw of await db.gridAreas.toArray()) {
    const a = restore(raw);
    if (a) out.push(a);
  }
  return out;
}

export async function getGridArea(id: string, db: LandPatrolDb = getDb()): Promise<GridArea | null> {
  return restore(await db.gridAreas.get(id));
}

/** The areas directly under `parentId` (the parentId index). */
export async function listChildAreas(parentId: string, db: LandPatrolDb = getDb()): Promise<GridArea[]> {
  const out: GridArea[] = [];
  for (const raw of await db.gridAreas.where('parentId').equals(parentId).toArray()) {
    const a = restore(raw);
    if (a) out.push(a);
  }
  return out;
}

const patchOf = (a: GridArea): GridAreaPatch => Object.fromEntries(AREA_FIELDS.map((f) => [f, a[f]])) as GridAreaPatch;

const refused = (reason: GridWriteReason, id: string, path?: string, detail?: string): GridWriteResult => ({ ...fail(reason, path, detail), id });

/**
 * Stores new areas and edits of stored ones in one transaction (one user action: a form saved, cells generated,
 * villages promoted). `edit` says who and when for the edits' history entries (new areas carry the entry their
 * factory opened). Returns the records as stored, or the first refusal with the area's id (nothing stored then).
 */
export async function putGridAreas(areas: readonly GridArea[], edit: AreaEditInfo, db: LandPatrolDb = getDb()): Promise<GridWriteResult> {
  return db.transaction('rw', db.gridAreas, async (): Promise<GridWriteResult> => {
    const batch = new Map<string, GridArea>();
    for (const a of areas) {
      if (batch.has(a.id)) return refused('duplicateInBatch', a.id, 'id');
      batch.set(a.id, a);
    }
    const storedRaw = await db.gridAreas.bulkGet([...batch.keys()]);
    const next = new Map<string, GridArea>();
    const changed: GridArea[] = [];
    for (const [i, a] of [...batch.values()].entries()) {
      const stored = readRecord('grid area', storedRaw[i], restoreGridArea, { quiet: true });
      let result: Validation<GridArea, GridAreaReason>;
      if (stored) {
        if (stored.level !== a.level) return refused('levelChanged', a.id, 'level', `${stored.level} → ${a.level}`);
        result = amendGridArea(stored, patchOf(a), edit);
      } else {
        result = validateGridArea(a);
      }
      if (!result.ok) return { ...result, id: a.id };
      next.set(a.id, result.value);
      if (result.value !== stored) changed.push(result.value);
    }
    // Parents: from this batch first (its new state), else as stored.
    const lookup = async (id: string): Promise<GridArea | null> => next.get(id) ?? restore(await db.gridAreas.get(id));
    for (const a of next.values()) {
      const chain: GridArea[] = [];
      const seen = new Set<string>();
      for (let id = a.parentId; id !== null && !seen.has(id) && chain.length < 8;) {
        seen.add(id);
        const p = await lookup(id);
        if (!p) break;
        chain.push(p);
        id = p.parentId;
      }
      const placed = checkPlacement(a, chain);
      if (!placed.ok) return refused(placed.reason, a.id, placed.path, placed.detail);
    }
    if (changed.length > 0) await db.gridAreas.bulkPut(changed);
    return ok([...next.values()]);
  });
}

/** One area saved (a form): putGridAreas of one. */
export async function putGridArea(
  area: GridArea,
  edit: AreaEditInfo,
  db: LandPatrolDb = getDb(),
): Promise<Validation<GridArea, GridWriteReason> & { readonly id?: string }> {
  const r = await putGridAreas([area], edit, db);
  return r.ok ? ok(r.value[0] as GridArea) : r;
}

/**
 * Deletes areas in one transaction, but only with all their children: refused (naming the first area that still has a
 * child outside `ids`) otherwise, so no area is left pointing at a deleted parent. A village goes with its cells by
 * passing them too (tree.logic descendantsOf). Ids not stored are ignored. Returns the ids deleted.
 */
export async function deleteGridAreas(
  ids: readonly string[],
  db: LandPatrolDb = getDb(),
): Promise<Validation<string[], GridDeleteReason> & { readonly id?: string }> {
  return db.transaction('rw', db.gridAreas, async () => {
    const going = new Set(ids);
    for (const id of going) {
      const children = await db.gridAreas.where('parentId').equals(id).primaryKeys();
      const left = children.find((c) => !going.has(c));
      if (left !== undefined) return { ...fail('hasChildren' as const, 'id', `${id} still has ${left}`), id };
    }
    const present = (await db.gridAreas.bulkGet([...going]))
      .map((r, i) => (r === undefined ? null : ([...going][i] as string)))
      .filter((x): x is string => x !== null);
    await db.gridAreas.bulkDelete(present);
    return ok(present);
  });
}
