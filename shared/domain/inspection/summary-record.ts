/**
 * An inspection's summary as stored (schema 6's `inspectionSummaries`, keyed by the record's id): what the 核查 list
 * needs of a record (list.ts's InspectionSummary) and where its plot is (its lon/lat box and the box's centre, for the
 * pin and the zoom), so the list opens and filters 10,000 records by reading this small store instead of every
 * record with its history and plot. Written by renderer/db/inspection-repo.ts in the SAME transaction as every write
 * of the record, so a completed save never disagrees with its summary; a record without one (written before the
 * store existed) or one whose `updatedAt` differs from the record's is rebuilt from the record by the list's read.
 *
 * Not evidence: it is derived from the record and can always be made again (no history of its own).
 */
import { geometriesBbox, type Bbox } from '../geometry/bbox';
import { isBoolean, isFiniteNumber, isLngLatBbox, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Validation } from '../../validation/validation';
import { isDateKey } from '../patrol/calendar';
import { CONCLUSIONS, type Conclusion, type Inspection, type InspectionSource } from './inspection-record';
import { summaryOf, type InspectionSummary } from './list';
import { isInspectionStatus } from './status';

/** 1: the first stored shape (schema 6). */
export const INSPECTION_SUMMARY_VERSION = 1;

export interface InspectionSummaryRecord extends InspectionSummary {
  v: typeof INSPECTION_SUMMARY_VERSION;
  /** The plot's extent in lon/lat; null: no plot drawn yet (the record is not on the map). */
  bbox: Bbox | null;
  /** The box's centre: where the record's pin goes; null with the bbox. */
  centre: [number, number] | null;
}

export type InspectionSummaryReason = MigrationReason | 'badId' | 'badField';

export const INSPECTION_SUMMARY_MIGRATIONS: readonly Migration[] = [];

const SOURCE_KINDS: readonly InspectionSource['kind'][] = ['patch', 'patrol', 'tip', 'drawn', 'typed', 'survey'];
const TEXT_FIELDS = ['number', 'taskNo', 'township', 'village', 'place', 'partyName'] as const;

/** The summary of a record as stored (the record's own summary, its plot's box and centre). */
export function summaryRecordOf(r: Inspection): InspectionSummaryRecord {
  const bbox = r.geometry ? geometriesBbox([r.geometry]) : null;
  return {
    v: INSPECTION_SUMMARY_VERSION,
    ...summaryOf(r),
    bbox,
    centre: bbox ? [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] : null,
  };
}

/** A summary missing a field or holding a wrong one is rejected (it is rebuilt from its record), never repaired. */
export function validateInspectionSummary(raw: unknown): Validation<InspectionSummaryRecord, InspectionSummaryReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== INSPECTION_SUMMARY_VERSION) return fail('badVersion', 'v');
  if (!isNonEmptyString(raw.id)) return fail('badId', 'id');
  for (const k of TEXT_FIELDS) if (!isString(raw[k])) return fail('badField', k);
  if (!isInspectionStatus(raw.status)) return fail('badField', 'status');
  if (raw.conclusion !== null && !CONCLUSIONS.includes(raw.conclusion as Conclusion)) return fail('badField', 'conclusion');
  if (!SOURCE_KINDS.includes(raw.source as InspectionSource['kind'])) return fail('badField', 'source');
  if (!isDateKey(raw.day)) return fail('badField', 'day');
  if (!isBoolean(raw.submitted)) return fail('badField', 'submitted');
  if (!isBoolean(raw.filed)) return fail('badField', 'filed');
  if (!isFiniteNumber(raw.updatedAt)) return fail('badField', 'updatedAt');
  if (!isFiniteNumber(raw.photoCount) || raw.photoCount < 0) return fail('badField', 'photoCount');
  const bbox = raw.bbox;
  const centre = raw.centre;
  if (bbox === null) {
    if (centre !== null) return fail('badField', 'centre');
  } else {
    if (!isLngLatBbox(bbox)) return fail('badField', 'bbox');
    if (!Array.isArray(centre) || centre.length !== 2 || !isFiniteNumber(centre[0]) || !isFiniteNumber(centre[1])) return fail('badField', 'centre');
  }
  return ok(raw as unknown as InspectionSummaryRecord);
}

export function restoreInspectionSummary(raw: unknown): Validation<InspectionSummaryRecord, InspectionSummaryReason> {
  const migrated = migrateRecord(
    raw,
    isObject(raw) && isFiniteNumber(raw.v) ? raw.v : NaN,
    INSPECTION_SUMMARY_VERSION,
    INSPECTION_SUMMARY_MIGRATIONS,
  );
  return migrated.ok ? validateInspectionSummary(migrated.value) : migrated;
}
