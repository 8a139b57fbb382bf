/**
 * The patrol record (巡查记录): one patrol as the ledger (巡查台账) lists it — its number, when, who (with 执法证号),
 * the areas it covered, its route, what was found and done, attachments — and its history. An edit or a deletion
 * never rewrites what was: `amendPatrol` and `deletePatrol` return a new record with one more history entry
 * (who, when, each field before and after), and old entries are never changed.
 *
 * A record module like the layer record: branded id, record version, validator, factory, migrations.
 */
import { isBoolean, isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fieldReaders, listOf } from '../../validation/field-readers';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import { localDateOf, type DateKey } from './calendar';
import { editEntryGuard, markDeleted, markRestored, patchChanges, type EditEntry, type FieldChange as EditFieldChange } from './edit-history';
import { isPatrolNumber } from './patrol-number';

export type PatrolId = string & { readonly __brand: 'PatrolId' };

export const isPatrolId = (v: unknown): v is PatrolId => isNonEmptyString(v);

/**
 * 2: the ledger's columns a patrol did not hold yet — 涉嫌违法行为初步核查 (当事人, 联系方式), 巡查意见, 审核意见,
 * 后续处理情况 (version 1 had findings, measures and notes only). Bump it with a migration below whenever the stored
 * shape changes.
 */
export const PATROL_RECORD_VERSION = 2;

export interface PatrolOfficer {
  name: string;
  /** 执法证号; '' when the officer has none (an assistant). */
  certNo: string;
}

/** A route vertex: longitude and latitude (CGCS2000 degrees, drawn as WGS84) and its time (epoch ms) when known. */
export type RoutePoint = [lng: number, lat: number, timeMs: number | null];

/** Which datum the user said an imported track is in. A track is never shifted: GCJ-02 is recorded and warned about. */
export type RouteDatum = 'wgs84' | 'gcj02' | 'unknown';

export type RouteSource = { kind: 'drawn' } | { kind: 'import'; file: string; format: 'gpx' | 'kml' | 'kmz'; datum: RouteDatum };

export interface PatrolAttachment {
  name: string;
  mime: string;
  size: number;
  /** Lower-case hex SHA-256 of the file's bytes: the integrity value the evidence rules ask for. */
  sha256: string;
}

/** The fields an edit may change. */
export const EDITABLE_PATROL_FIELDS = [
  'startedAt',
  'endedAt',
  'officers',
  'areaIds',
  'route',
  'routeSource',
  'findings',
  'measures',
  'notes',
  'suspect',
  'opinion',
  'review',
  'followUp',
  'nothingFound',
  'attachments',
] as const;
export type EditablePatrolField = (typeof EDITABLE_PATROL_FIELDS)[number];
export type HistoryField = EditablePatrolField | 'deletedAt';

export type FieldChange = EditFieldChange<HistoryField>;

export type PatrolHistoryEntry = EditEntry<'created' | 'amended' | 'deleted' | 'restored', HistoryField>;

export interface Patrol {
  v: typeof PATROL_RECORD_VERSION;
  id: PatrolId;
  /** 'XC' + yyyyMMdd + serial (patrol-number.ts). */
  number: string;
  /** Epoch ms. */
  startedAt: number;
  /**
   * The local day of startedAt in China (UTC+8), 'yyyy-MM-dd': derived, kept by the factory and every edit, and
   * indexed by the database so a month's patrols are found for the ledger without reading the others.
   */
  date: DateKey;
  /** Epoch ms, never before startedAt; null while unknown. */
  endedAt: number | null;
  officers: PatrolOfficer[];
  /** The areas (grid cells, patrol areas) the patrol covered: worked out from the route, adjusted by the officer. */
  areaIds: string[];
  /** One line per track segment; [] when no route was drawn or imported. */
  route: RoutePoint[][];
  routeSource: RouteSource | null;
  /** 巡查基本情况记录. */
  findings: string;
  /** 制止措施及效果. */
  measures: string;
  notes: string;
  /** 涉嫌违法行为初步核查: what was checked of a suspected violation, the party (当事人) and its contact. */
  suspect: { check: string; party: string; contact: string };
  /** 巡查意见: the patrolling officers' opinion. */
  opinion: string;
  /** 审核意见: the reviewer's opinion (the office head), as written. */
  review: string;
  /** 后续处理情况: what was done afterwards (filled in later; every change is in the history). */
  followUp: string;
  /** Nothing was found: the patrol counts toward the zero report (零报告). */
  nothingFound: boolean;
  attachments: PatrolAttachment[];
  history: PatrolHistoryEntry[];
  createdAt: number;
  updatedAt: number;
  /** Epoch ms of the deletion; null when not deleted. A deleted patrol stays stored with its history. */
  deletedAt: number | null;
}

export type PatrolReason = MigrationReason | 'missingId' | 'badNumber' | 'badStartedAt';

export const EMPTY_SUSPECT: Patrol['suspect'] = { check: '', party: '', contact: '' };

export const PATROL_RECORD_MIGRATIONS: readonly Migration[] = [
  // 1 → 2: the ledger's four further columns, empty (they were not asked before).
  { from: 1, up: (r) => ({ ...r, v: 2, suspect: { ...EMPTY_SUSPECT }, opinion: '', review: '', followUp: '' }) },
];

const isLng = (v: unknown): v is number => isFiniteNumber(v) && v >= -180 && v <= 180;
const isLat = (v: unknown): v is number => isFiniteNumber(v) && v >= -90 && v <= 90;
const isTime = (v: unknown): v is number => isFiniteNumber(v);
const SHA256 = /^[0-9a-f]{64}$/;

export const isOfficer = (v: unknown): v is PatrolOfficer => isObject(v) && isNonEmptyString(v.name) && isString(v.certNo);

export const isRoutePoint = (v: unknown): v is RoutePoint =>
  Array.isArray(v) && v.length === 3 && isLng(v[0]) && isLat(v[1]) && (v[2] === null || isTime(v[2]));

export const isAttachment = (v: unknown): v is PatrolAttachment =>
  isObject(v) && isNonEmptyString(v.name) && isString(v.mime) && isFiniteNumber(v.size) && v.size >= 0 && isString(v.sha256) && SHA256.test(v.sha256);

function isRouteSource(v: unknown): v is RouteSource {
  if (!isObject(v)) return false;
  if (v.kind === 'drawn') return true;
  return (
    v.kind === 'import' &&
    isString(v.file) &&
    ['gpx', 'kml', 'kmz'].includes(v.format as string) &&
    ['wgs84', 'gcj02', 'unknown'].includes(v.datum as string)
  );
}

const isSuspect = (v: unknown): v is Patrol['suspect'] => isObject(v) && isString(v.check) && isString(v.party) && isString(v.contact);

const isHistoryEntry = editEntryGuard<PatrolHistoryEntry['kind'], EditablePatrolField>(
  ['created', 'amended', 'deleted', 'restored'],
  EDITABLE_PATROL_FIELDS,
);

/** Lines of good points; points that are not [lng, lat, time|null] in range and lines left empty are dropped. */
function routeOf(raw: unknown, repaired: Repair[]): RoutePoint[][] {
  if (!Array.isArray(raw)) {
    repaired.push({ path: 'route', code: 'defaulted' });
    return [];
  }
  let dropped = false;
  const lines: RoutePoint[][] = [];
  for (const line of raw) {
    if (!Array.isArray(line)) {
      dropped = true;
      continue;
    }
    const kept = line.filter(isRoutePoint);
    if (kept.length !== line.length) dropped = true;
    if (kept.length > 0) lines.push(kept);
    else dropped = true;
  }
  if (dropped) repaired.push({ path: 'route', code: 'filtered' });
  return lines;
}

/**
 * Checks a record of the current version. Without an id, a number or a start time a patrol cannot be listed in
 * the ledger: rejected. Everything else is kept as far as it is good — bad officers, areas, route points,
 * attachments and history entries are dropped, missing texts become '' — and every repair is listed.
 */
export function validatePatrol(raw: unknown): Validation<Patrol, PatrolReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== PATROL_RECORD_VERSION) return fail('badVersion', 'v', `expected record version ${PATROL_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isPatrolId(raw.id)) return fail('missingId', 'id');
  if (!isPatrolNumber(raw.number)) return fail('badNumber', 'number', 'a patrol number is XC + yyyyMMdd + a 3–5 digit serial');
  if (!isTime(raw.startedAt)) return fail('badStartedAt', 'startedAt');
  const startedAt = raw.startedAt;
  const repaired: Repair[] = [];
  const { text, time, nullableTime } = fieldReaders(raw, repaired);
  let endedAt = nullableTime('endedAt');
  // An end before the start is a typing slip the form refuses; a stored one loses the end, not the patrol.
  if (endedAt !== null && endedAt < startedAt) {
    repaired.push({ path: 'endedAt', code: 'defaulted' });
    endedAt = null;
  }
  const areaIds = listOf(raw.areaIds, isNonEmptyString, 'areaIds', repaired);
  const uniqueAreas = [...new Set(areaIds)];
  if (uniqueAreas.length !== areaIds.length) repaired.push({ path: 'areaIds', code: 'filtered' });
  let routeSource: RouteSource | null = null;
  if (raw.routeSource !== null && raw.routeSource !== undefined) {
    if (isRouteSource(raw.routeSource)) routeSource = raw.routeSource;
    else repaired.push({ path: 'routeSource', code: 'defaulted' });
  }
  const nothingFound = isBoolean(raw.nothingFound) ? raw.nothingFound : (repaired.push({ path: 'nothingFound', code: 'defaulted' }), false);
  const defaultedSuspect = () => {
    repaired.push({ path: 'suspect', code: 'defaulted' });
    return { ...EMPTY_SUSPECT };
  };
  const createdAt = time('createdAt', startedAt);
  const date = localDateOf(startedAt);
  if (raw.date !== date) repaired.push({ path: 'date', code: 'defaulted' });
  const record: Patrol = {
    v: PATROL_RECORD_VERSION,
    id: raw.id,
    number: raw.number,
    startedAt,
    date,
    endedAt,
    officers: listOf(raw.officers, isOfficer, 'officers', repaired),
    areaIds: uniqueAreas,
    route: routeOf(raw.route, repaired),
    routeSource,
    findings: text('findings'),
    measures: text('measures'),
    notes: text('notes'),
    suspect: isSuspect(raw.suspect) ? { check: raw.suspect.check, party: raw.suspect.party, contact: raw.suspect.contact } : defaultedSuspect(),
    opinion: text('opinion'),
    review: text('review'),
    followUp: text('followUp'),
    nothingFound,
    attachments: listOf(raw.attachments, isAttachment, 'attachments', repaired),
    history: listOf(raw.history, isHistoryEntry, 'history', repaired),
    createdAt,
    updatedAt: time('updatedAt', createdAt),
    deletedAt: nullableTime('deletedAt'),
  };
  return ok(record, repaired);
}

/** A stored record of any version, migrated then validated: what every read goes through. */
export function restorePatrol(raw: unknown): Validation<Patrol, PatrolReason> {
  // Patrols were versioned from their first release: a record without `v` is not one of ours.
  const from = isObject(raw) && typeof raw.v === 'number' ? raw.v : NaN;
  const migrated = migrateRecord(raw, from, PATROL_RECORD_VERSION, PATROL_RECORD_MIGRATIONS);
  return migrated.ok ? validatePatrol(migrated.value) : migrated;
}

/** What a new patrol needs; the rest starts empty. */
export type NewPatrol = { id: string; number: string; startedAt: number } & Partial<Pick<Patrol, EditablePatrolField>>;

/** A new id: 'P' + time + random, as layer ids are made. */
export const newPatrolId = (at: number, random: () => number = Math.random): PatrolId =>
  `P${at.toString(36)}${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}` as PatrolId;

/** The record of a checked patrol, or a thrown RangeError naming what a caller let through (a form bug, not data). */
function checked(record: Record<string, unknown>, what: string): Patrol {
  if (isTime(record.endedAt) && isTime(record.startedAt) && record.endedAt < record.startedAt)
    throw new RangeError(`${what}: the patrol ends before it starts`);
  const r = validatePatrol(record);
  if (!r.ok) throw new RangeError(`${what}: ${r.reason}${r.path ? ` at ${r.path}` : ''}`);
  if (r.repaired) throw new RangeError(`${what}: unusable ${r.repaired.map((x) => x.path).join(', ')}`);
  return r.value;
}

/** The record to store, with its 'created' history entry. Throws on anything the validator would have to repair. */
export function createPatrol(init: NewPatrol, by: string, at: number): Patrol {
  return checked(
    {
      v: PATROL_RECORD_VERSION,
      id: init.id,
      number: init.number,
      startedAt: init.startedAt,
      date: localDateOf(init.startedAt),
      endedAt: init.endedAt ?? null,
      officers: init.officers ?? [],
      areaIds: init.areaIds ?? [],
      route: init.route ?? [],
      routeSource: init.routeSource ?? null,
      findings: init.findings ?? '',
      measures: init.measures ?? '',
      notes: init.notes ?? '',
      suspect: init.suspect ?? { ...EMPTY_SUSPECT },
      opinion: init.opinion ?? '',
      review: init.review ?? '',
      followUp: init.followUp ?? '',
      nothingFound: init.nothingFound ?? false,
      attachments: init.attachments ?? [],
      history: [{ at, by, kind: 'created', change: [] }],
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    },
    'createPatrol',
  );
}

export { sameValue } from './edit-history';

export type PatrolPatch = Partial<Pick<Patrol, EditablePatrolField>>;

/**
 * The patrol after an edit: the patch's fields that differ from `old`, a new history entry listing each of them
 * with its value before and after, and `updatedAt`. `old` itself and its history entries are left untouched; a
 * patch that changes nothing returns `old`. Throws (RangeError) when the result would not be a valid record.
 */
export function amendPatrol(old: Patrol, patch: PatrolPatch, by: string, at: number): Patrol {
  const edit = patchChanges(old, patch, EDITABLE_PATROL_FIELDS);
  if (!edit) return old;
  const { next, change } = edit;
  if (isTime(next.startedAt)) next.date = localDateOf(next.startedAt);
  return checked({ ...next, history: [...old.history, { at, by, kind: 'amended', change }], updatedAt: at }, 'amendPatrol');
}

/** The patrol marked deleted (kept, with its history): compliance, the ledger and the reports leave it out. */
export const deletePatrol = (old: Patrol, by: string, at: number): Patrol => markDeleted(old, by, at);

/** A deleted patrol brought back. */
export const restoreDeletedPatrol = (old: Patrol, by: string, at: number): Patrol => markRestored(old, by, at);
