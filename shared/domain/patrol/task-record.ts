/**
 * The day's patrol task (当日巡查任务, issue 10 item 3): what an office plans for one day — the officers sent out, the
 * areas to patrol (grid areas or patrol areas, by id), the points to visit (patches to check, picked on the map or
 * from a patch layer's list), a planned route and notes — printed or exported as the task sheet (巡查任务单) and
 * marked done when the day's work is in. "The day's tasks" of an online patrol system, kept offline.
 *
 * A record module like patrol-record.ts: branded id, record version, validator, factory, migrations, an append-only
 * history (who changed which field from what to what). A task is marked deleted, never removed: a printed sheet that
 * was handed out must stay traceable.
 */
import { fieldReaders } from '../../validation/field-readers';
import type { LineString } from 'geojson';
import { isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import { isDateKey, type DateKey } from './calendar';
import { validLineString } from './patrol-area-record';
import { editEntryGuard, markDeleted, markRestored, patchChanges, type EditEntry, type FieldChange } from './edit-history';
import { isOfficer, type PatrolOfficer } from './patrol-record';

export type TaskId = string & { readonly __brand: 'TaskId' };
export const isTaskId = (v: unknown): v is TaskId => isNonEmptyString(v);

/** 'T' + time + random. */
export const newTaskId = (at: number, random: () => number = Math.random): TaskId =>
  `T${Math.max(0, Math.floor(at)).toString(36)}${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}` as TaskId;

/** A point's id within its task ('P1', 'P2' … as the sheet numbers them; kept when points are reordered). */
export type TaskPointId = string;

/** 1: the first stored shape (schema 5). */
export const TASK_RECORD_VERSION = 1;

export type TaskOfficer = PatrolOfficer;

/** Where a point came from: a feature of a stored layer (a 卫片图斑 to check), or null when clicked on the map. */
export interface TaskPointSource {
  layerId: string;
  /** The feature's fid in the stored layer. */
  featureId: number;
}

export interface TaskPoint {
  id: TaskPointId;
  /** What the officer looks for there ("JCBH 3701122026001", "砖厂东侧"). */
  name: string;
  /** lon/lat CGCS2000 degrees (drawn as WGS84). */
  lngLat: [lng: number, lat: number];
  note: string;
  source: TaskPointSource | null;
}

export const TASK_STATUSES = ['planned', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const EDITABLE_TASK_FIELDS = ['date', 'officers', 'areaIds', 'points', 'plannedRoute', 'notes', 'status'] as const;
export type EditableTaskField = (typeof EDITABLE_TASK_FIELDS)[number];
export type TaskHistoryField = EditableTaskField | 'deletedAt';

export type TaskFieldChange = FieldChange<TaskHistoryField>;

export type TaskHistoryEntry = EditEntry<'created' | 'amended' | 'deleted' | 'restored', TaskHistoryField>;

export interface PatrolTask {
  v: typeof TASK_RECORD_VERSION;
  id: TaskId;
  /** The day the task is for, 'yyyy-MM-dd' (indexed: a day's tasks are found without reading the others). */
  date: DateKey;
  officers: TaskOfficer[];
  /** Grid areas and patrol areas, in the order the sheet lists them, no repeats. */
  areaIds: string[];
  points: TaskPoint[];
  /** The planned route (lon/lat), or null when none was drawn. */
  plannedRoute: LineString | null;
  notes: string;
  status: TaskStatus;
  history: TaskHistoryEntry[];
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

export type TaskReason = MigrationReason | 'missingId' | 'badDate';

export const TASK_MIGRATIONS: readonly Migration[] = [];

const isLngLat = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && isFiniteNumber(p[0]) && isFiniteNumber(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

const isSource = (v: unknown): v is TaskPointSource => isObject(v) && isNonEmptyString(v.layerId) && isFiniteNumber(v.featureId);

/** A point as stored: an id and a position are needed; a missing name or note becomes '', a bad source null (said). */
function pointOf(raw: unknown, i: number, repaired: Repair[]): TaskPoint | null {
  if (!isObject(raw) || !isNonEmptyString(raw.id) || !isLngLat(raw.lngLat)) return null;
  const fix = (key: string) => repaired.push({ path: `points.${i}.${key}`, code: 'defaulted' });
  if (!isString(raw.name)) fix('name');
  if (!isString(raw.note)) fix('note');
  const source = raw.source === null || raw.source === undefined ? null : isSource(raw.source) ? raw.source : (fix('source'), null);
  return {
    id: raw.id,
    name: isString(raw.name) ? raw.name : '',
    lngLat: [raw.lngLat[0], raw.lngLat[1]],
    note: isString(raw.note) ? raw.note : '',
    source: source ? { layerId: source.layerId, featureId: source.featureId } : null,
  };
}

const isHistoryEntry = editEntryGuard<TaskHistoryEntry['kind'], EditableTaskField>(
  ['created', 'amended', 'deleted', 'restored'],
  EDITABLE_TASK_FIELDS,
);

/**
 * Checks a record of the current version. Without an id or a day a task cannot be listed: rejected. Everything else
 * is kept as far as it is good — bad officers, points (no id or position), repeated areas and point ids, a route of
 * fewer than two positions, unreadable history entries are dropped, a missing text becomes '' — and every repair listed.
 */
export function validateTask(raw: unknown): Validation<PatrolTask, TaskReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== TASK_RECORD_VERSION) return fail('badVersion', 'v', `expected record version ${TASK_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isTaskId(raw.id)) return fail('missingId', 'id');
  if (!isDateKey(raw.date)) return fail('badDate', 'date', `not a day: ${String(raw.date)}`);
  const repaired: Repair[] = [];
  const list = (key: string): unknown[] => {
    const v = raw[key];
    if (Array.isArray(v)) return v;
    repaired.push({ path: key, code: 'defaulted' });
    return [];
  };
  const rawOfficers = list('officers');
  const officers = rawOfficers.filter(isOfficer).map((o) => ({ name: o.name, certNo: o.certNo }));
  if (officers.length !== rawOfficers.length) repaired.push({ path: 'officers', code: 'filtered' });
  const rawAreas = list('areaIds');
  const areaIds = [...new Set(rawAreas.filter(isNonEmptyString))];
  if (areaIds.length !== rawAreas.length) repaired.push({ path: 'areaIds', code: 'filtered' });
  const rawPoints = list('points');
  const seen = new Set<string>();
  const points: TaskPoint[] = [];
  rawPoints.forEach((p, i) => {
    const point = pointOf(p, i, repaired);
    if (point && !seen.has(point.id)) {
      seen.add(point.id);
      points.push(point);
    }
  });
  if (points.length !== rawPoints.length) repaired.push({ path: 'points', code: 'filtered' });
  let plannedRoute: LineString | null = null;
  if (raw.plannedRoute !== null && raw.plannedRoute !== undefined) {
    plannedRoute = validLineString(raw.plannedRoute);
    if (!plannedRoute) repaired.push({ path: 'plannedRoute', code: 'defaulted' });
  }
  const status = TASK_STATUSES.includes(raw.status as TaskStatus)
    ? (raw.status as TaskStatus)
    : (repaired.push({ path: 'status', code: 'defaulted' }), 'planned');
  const notes = isString(raw.notes) ? raw.notes : (repaired.push({ path: 'notes', code: 'defaulted' }), '');
  const rawHistory = list('history');
  const history = rawHistory.filter(isHistoryEntry);
  if (history.length !== rawHistory.length) repaired.push({ path: 'history', code: 'filtered' });
  const { time } = fieldReaders(raw, repaired);
  const createdAt = time('createdAt', 0);
  const deletedAt = raw.deletedAt === null || raw.deletedAt === undefined ? null : isFiniteNumber(raw.deletedAt) ? raw.deletedAt : null;
  if (raw.deletedAt !== null && deletedAt === null) repaired.push({ path: 'deletedAt', code: 'defaulted' });
  return ok(
    {
      v: TASK_RECORD_VERSION,
      id: raw.id,
      date: raw.date,
      officers,
      areaIds,
      points,
      plannedRoute,
      notes,
      status,
      history,
      createdAt,
      updatedAt: time('updatedAt', createdAt),
      deletedAt,
    },
    repaired,
  );
}

/** A stored record of any version, migrated then validated: what every read goes through. */
export function restoreTask(raw: unknown): Validation<PatrolTask, TaskReason> {
  const from = isObject(raw) && typeof raw.v === 'number' ? raw.v : NaN;
  const migrated = migrateRecord(raw, from, TASK_RECORD_VERSION, TASK_MIGRATIONS);
  return migrated.ok ? validateTask(migrated.value) : migrated;
}

export type NewTask = { id: string; date: DateKey } & Partial<Pick<PatrolTask, Exclude<EditableTaskField, 'date'>>>;
export type TaskPatch = Partial<Pick<PatrolTask, EditableTaskField>>;

/** A written record as given, or a RangeError naming what the caller let through (a form bug, not data). */
function checked(record: Record<string, unknown>, what: string): PatrolTask {
  const r = validateTask(record);
  if (!r.ok) throw new RangeError(`${what}: ${r.reason}${r.path ? ` at ${r.path}` : ''}`);
  if (r.repaired) throw new RangeError(`${what}: unusable ${r.repaired.map((x) => x.path).join(', ')}`);
  return r.value;
}

/** The record to store, with its 'created' history entry. */
export function createTask(init: NewTask, by: string, at: number): PatrolTask {
  return checked(
    {
      v: TASK_RECORD_VERSION,
      id: init.id,
      date: init.date,
      officers: init.officers ?? [],
      areaIds: init.areaIds ?? [],
      points: init.points ?? [],
      plannedRoute: init.plannedRoute ?? null,
      notes: init.notes ?? '',
      status: init.status ?? 'planned',
      history: [{ at, by, kind: 'created', change: [] }],
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    },
    'createTask',
  );
}

/** The task after an edit: changed fields only, one history entry with each field before and after; `old` untouched. */
export function amendTask(old: PatrolTask, patch: TaskPatch, by: string, at: number): PatrolTask {
  const edit = patchChanges(old, patch, EDITABLE_TASK_FIELDS);
  if (!edit) return old;
  return checked({ ...edit.next, history: [...old.history, { at, by, kind: 'amended', change: edit.change }], updatedAt: at }, 'amendTask');
}

export const deleteTask = (old: PatrolTask, by: string, at: number): PatrolTask => markDeleted(old, by, at);

export const restoreDeletedTask = (old: PatrolTask, by: string, at: number): PatrolTask => markRestored(old, by, at);

/** The next free point id of a task ('P' + the next number after the highest used). */
export function nextPointId(points: readonly TaskPoint[]): TaskPointId {
  const used = points
    .map((p) => /^P(\d+)$/.exec(p.id)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  return `P${(used.length ? Math.max(...used) : 0) + 1}`;
}
