/** The office's comparison roles (setting 'comparisonRoles', shared/domain/inspection/comparison-roles.ts). */
import { COMPARISON_ROLES_KEY, restoreComparisonRoles, type ComparisonRoles } from '../../shared/domain/inspection/comparison-roles';
import { getDb, type LandPatrolDb } from './db';
import { getSetting, putSetting } from './settings-repo';

/** The stored roles; null when never set (the caller guesses them from the layers) or when they cannot be read (warned). */
export async function getComparisonRoles(db: LandPatrolDb = getDb()): Promise<ComparisonRoles | null> {
  const r = restoreComparisonRoles(await getSetting(COMPARISON_ROLES_KEY, db));
  if (r && !r.ok) console.warn(`comparison roles unreadable (${r.reason} at ${r.path ?? '—'}): guessed again from the layers`);
  return r?.ok ? r.value : null;
}

/** Stores roles made by createComparisonRoles: one transaction. */
export const putComparisonRoles = (roles: ComparisonRoles, db: LandPatrolDb = getDb()): Promise<void> => putSetting(COMPARISON_ROLES_KEY, roles, db);
