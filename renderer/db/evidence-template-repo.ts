/** The office's evidence template (setting 'evidenceTemplate'): the export dialog's layout defaults. */
import { getDb, type LandPatrolDb } from './db';
import { getSetting, putSetting } from './settings-repo';

export const EVIDENCE_TEMPLATE_KEY = 'evidenceTemplate';

/** The stored template as it was written (the feature restores it through its record module); undefined: none. */
export const getEvidenceTemplate = (db: LandPatrolDb = getDb()): Promise<unknown> => getSetting(EVIDENCE_TEMPLATE_KEY, db);

/** Stores a template made by its factory: one transaction. */
export const putEvidenceTemplate = (template: unknown, db: LandPatrolDb = getDb()): Promise<void> => putSetting(EVIDENCE_TEMPLATE_KEY, template, db);
