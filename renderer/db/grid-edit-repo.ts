/**
 * Grid edits that store some areas and delete others as ONE user action (a merge: the kept area takes the other's
 * boundary and children, the other goes): putGridAreas and deleteGridAreas run inside one transaction, so either both
 * happen or neither (README Decision 7). Their rules hold as they do alone (the tree kept, history appended, an area
 * deleted only with its children gone or moved).
 */
import type { AreaEditInfo, GridArea } from '../../shared/domain/grid/area-record';
import type { Invalid } from '../../shared/validation/validation';
import { getDb, type LandPatrolDb } from './db';
import { deleteGridAreas, putGridAreas, type GridDeleteReason, type GridWriteResult } from './grid-repo';

export type GridReplaceResult = GridWriteResult | (Invalid<GridDeleteReason> & { readonly id?: string });

class Refused extends Error {
  constructor(readonly result: Invalid<GridDeleteReason> & { readonly id?: string }) {
    super(result.reason);
  }
}

/** `puts` stored, then `deleteIds` deleted, in one transaction; the first refusal comes back and nothing is written. */
export async function replaceGridAreas(
  puts: readonly GridArea[],
  deleteIds: readonly string[],
  edit: AreaEditInfo,
  db: LandPatrolDb = getDb(),
): Promise<GridReplaceResult> {
  try {
    return await db.transaction('rw', db.gridAreas, async () => {
      const put = await putGridAreas(puts, edit, db);
      if (!put.ok) return put;
      const del = await deleteGridAreas(deleteIds, db);
      // Thrown, so the transaction is aborted and the areas just put are not kept.
      if (!del.ok) throw new Refused(del);
      return put;
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
}
