/**
 * The patrol area record (巡查区域, issue 10 item 3): an area the office draws besides the grid — a key area (重点区域:
 * an industrial park, a planning area), a corridor along a road or a river (its centre line and width kept, the
 * polygon the engine buffered from them stored), a site under a stop notice (责令停止违法行为通知书: its number and
 * date, and its closing date once 结案), or another area the office patrols. One module holds the type, its branded
 * id, the record version, the validator every read goes through, the factory every write goes through, the edits
 * that append to the history, and the migrations (README Decision 20; shaped like patrol-record.ts).
 *
 * Deleting marks the record (deletedAt) and keeps it, with its history, as patrols are kept: patrols and day tasks
 * name areas by id, and a patrol record is evidence whose areas must still resolve to a name and a boundary.
 */
import { fieldReaders } from '../../validation/field-readers';
import type { LineString, Position } from 'geojson';
import { isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, within, type Repair, type Validation } from '../../validation/validation';
import { KEY_AREA_KINDS, type AreaPerson, type KeyAreaKind } from '../grid/area-record';
import {
  defaultZoneOf,
  validateAreaGeometry,
  validateZone,
  type AreaGeometry,
  type AreaGeometryReason,
  type ZoneReason,
} from '../grid/area-geometry';
import type { GkZoneRef } from '../units/area';
import { isDateKey, type DateKey } from './calendar';
import { editEntryGuard, markDeleted, markRestored, patchChanges, type EditEntry, type FieldChange } from './edit-history';
import type { PatrolRuleId } from './rule';

export type PatrolAreaId = string & { readonly __brand: 'PatrolAreaId' };
export const isPatrolAreaId = (v: unknown): v is PatrolAreaId => isNonEmptyString(v);

/** 'R' + time + random (R for 区域: 'A' is the grid's, 'P' the patrols'). */
export const newPatrolAreaId = (at: number, random: () => number = Math.random): PatrolAreaId =>
  `R${Math.max(0, Math.floor(at)).toString(36)}${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}` as PatrolAreaId;

/** 1: the first stored shape (schema 5). Bump it with a migration below whenever the stored shape changes. */
export const PATROL_AREA_RECORD_VERSION = 1;

export const PATROL_AREA_KINDS = ['keyArea', 'corridor', 'stopNoticeSite', 'other'] as const;
export type PatrolAreaKind = (typeof PATROL_AREA_KINDS)[number];
export const isPatrolAreaKind = (v: unknown): v is PatrolAreaKind => PATROL_AREA_KINDS.includes(v as PatrolAreaKind);

/** A corridor as drawn: its centre line (lon/lat) and its full width in metres (the polygon reaches width / 2 each side). */
export interface CorridorShape {
  centreLine: LineString;
  widthMetres: number;
}

/** A site drawn as a point and a radius (the polygon is the engine's buffer of the point in the zone's plane). */
export interface SiteCircle {
  centre: [lng: number, lat: number];
  radiusMetres: number;
}

/** 责令停止违法行为通知书: the notice's number (〔yyyy〕NNN号 as the office writes it), its day, and the day the case closed. */
export interface StopNotice {
  noticeNo: string;
  noticeDate: DateKey;
  /** null while the site is followed up; set by 结案 (never before the notice day). */
  closedDate: DateKey | null;
}

/** The widest corridor or site radius the app accepts: 20 km (a corridor wider than a township is a typing slip). */
export const MAX_CORRIDOR_WIDTH_METRES = 20_000;
export const MAX_SITE_RADIUS_METRES = 10_000;

export const EDITABLE_PATROL_AREA_FIELDS = [
  'name',
  'keyAreaKind',
  'geometry',
  'zone',
  'corridor',
  'site',
  'people',
  'ruleIds',
  'stopNotice',
  'notes',
] as const;
export type EditablePatrolAreaField = (typeof EDITABLE_PATROL_AREA_FIELDS)[number];
export type PatrolAreaHistoryField = EditablePatrolAreaField | 'deletedAt';

export type PatrolAreaFieldChange = FieldChange<PatrolAreaHistoryField>;

/** 'closed': the edit that closed a stop-notice site (结案), its own kind so the history says so. */
export type PatrolAreaHistoryEntry = EditEntry<'created' | 'amended' | 'closed' | 'deleted' | 'restored', PatrolAreaHistoryField>;

export interface PatrolArea {
  v: typeof PATROL_AREA_RECORD_VERSION;
  id: PatrolAreaId;
  kind: PatrolAreaKind;
  /** Which key area (KEY_AREA_KINDS of the grid); set for a key area only, null for the other kinds. */
  keyAreaKind: KeyAreaKind | null;
  name: string;
  /** The boundary in lon/lat CGCS2000 degrees (a corridor's and a circle site's as the engine buffered them). */
  geometry: AreaGeometry;
  /** The CGCS2000 GK zone of its planar figures (and of the buffer). */
  zone: GkZoneRef;
  /** Set for a corridor only. */
  corridor: CorridorShape | null;
  /** Set for a stop-notice site drawn as a point and a radius; null when its boundary was drawn. */
  site: SiteCircle | null;
  people: AreaPerson[];
  ruleIds: PatrolRuleId[];
  /** Set for a stop-notice site only. */
  stopNotice: StopNotice | null;
  notes: string;
  history: PatrolAreaHistoryEntry[];
  createdAt: number;
  updatedAt: number;
  /** Set when deleted: the record stays, with its history, and is no longer listed or judged. */
  deletedAt: number | null;
}

export type PatrolAreaReason =
  | MigrationReason
  | 'missingId'
  | 'badKind'
  | 'missingName'
  | AreaGeometryReason
  | ZoneReason
  /** A key area without its kind. */
  | 'badKeyAreaKind'
  /** A corridor without a centre line of ≥ 2 positions or a width in (0, 20 km]. */
  | 'badCorridor'
  /** A site circle without a centre or a radius in (0, 10 km]. */
  | 'badSite'
  /** A stop-notice site without a notice day, or closed before it. */
  | 'badStopNotice';

export const PATROL_AREA_MIGRATIONS: readonly Migration[] = [];

const isLngLat = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && isFiniteNumber(p[0]) && isFiniteNumber(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

/** A lon/lat LineString of ≥ 2 positions (heights dropped), or null. */
export function validLineString(raw: unknown): LineString | null {
  if (!isObject(raw) || raw.type !== 'LineString' || !Array.isArray(raw.coordinates) || raw.coordinates.length < 2) return null;
  if (!raw.coordinates.every(isLngLat)) return null;
  return { type: 'LineString', coordinates: (raw.coordinates as Position[]).map((p) => [p[0] as number, p[1] as number]) };
}

function corridorOf(raw: unknown): CorridorShape | null {
  if (!isObject(raw)) return null;
  const line = validLineString(raw.centreLine);
  const w = raw.widthMetres;
  if (!line || !isFiniteNumber(w) || w <= 0 || w > MAX_CORRIDOR_WIDTH_METRES) return null;
  return { centreLine: line, widthMetres: w };
}

function siteOf(raw: unknown): SiteCircle | null {
  if (!isObject(raw) || !isLngLat(raw.centre)) return null;
  const r = raw.radiusMetres;
  if (!isFiniteNumber(r) || r <= 0 || r > MAX_SITE_RADIUS_METRES) return null;
  return { centre: [raw.centre[0], raw.centre[1]], radiusMetres: r };
}

function stopNoticeOf(raw: unknown): StopNotice | null {
  if (!isObject(raw) || !isDateKey(raw.noticeDate)) return null;
  const closed = raw.closedDate ?? null;
  if (closed !== null && (!isDateKey(closed) || closed < raw.noticeDate)) return null;
  return { noticeNo: isString(raw.noticeNo) ? raw.noticeNo.trim() : '', noticeDate: raw.noticeDate, closedDate: closed };
}

function peopleOf(raw: unknown, repaired: Repair[]): AreaPerson[] {
  if (!Array.isArray(raw)) {
    if (raw !== undefined) repaired.push({ path: 'people', code: 'defaulted' });
    return [];
  }
  const out: AreaPerson[] = [];
  for (const p of raw) {
    // A person without a name cannot be held responsible: dropped (and said).
    if (!isObject(p) || !isString(p.name) || p.name.trim() === '') continue;
    out.push({
      name: p.name.trim(),
      role: isNonEmptyString(p.role) ? p.role : '负责人',
      lawEnforcementCertNo: isString(p.lawEnforcementCertNo) ? p.lawEnforcementCertNo : '',
      phone: isString(p.phone) ? p.phone : '',
    });
  }
  if (out.length !== raw.length) repaired.push({ path: 'people', code: 'filtered' });
  return out;
}

function ruleIdsOf(raw: unknown, repaired: Repair[]): PatrolRuleId[] {
  if (!Array.isArray(raw)) {
    if (raw !== undefined) repaired.push({ path: 'ruleIds', code: 'defaulted' });
    return [];
  }
  const out = [...new Set(raw.filter(isNonEmptyString))] as PatrolRuleId[];
  if (out.length !== raw.length) repaired.push({ path: 'ruleIds', code: 'filtered' });
  return out;
}

const isHistoryEntry = editEntryGuard<PatrolAreaHistoryEntry['kind'], EditablePatrolAreaField>(
  ['created', 'amended', 'closed', 'deleted', 'restored'],
  EDITABLE_PATROL_AREA_FIELDS,
);

/**
 * Checks a record of the current version. Rejected (a named reason) when it cannot be a patrol area: no id, no kind,
 * no name, no boundary, a zone that does not exist, a key area without its kind, a corridor without its line and
 * width, a stop-notice site without a notice day (or closed before it). What is only incomplete is repaired and
 * listed: people without a name dropped, repeated rule ids kept once, a missing zone taken from the boundary, fields
 * of another kind cleared (a corridor's line on a key area), unreadable history entries dropped.
 */
export function validatePatrolArea(raw: unknown): Validation<PatrolArea, PatrolAreaReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== PATROL_AREA_RECORD_VERSION)
    return fail('badVersion', 'v', `expected record version ${PATROL_AREA_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isPatrolAreaId(raw.id)) return fail('missingId', 'id');
  if (!isPatrolAreaKind(raw.kind)) return fail('badKind', 'kind', `unknown kind ${String(raw.kind)}`);
  const kind = raw.kind;
  if (!isString(raw.name) || raw.name.trim() === '') return fail('missingName', 'name');
  const g = validateAreaGeometry(raw.geometry);
  if (!g.ok) return within('geometry', g);
  const geometry = g.value;
  const repaired: Repair[] = [];
  let zone: GkZoneRef;
  if (raw.zone === null || raw.zone === undefined) {
    zone = defaultZoneOf(geometry);
    repaired.push({ path: 'zone', code: 'defaulted' });
  } else {
    const z = validateZone(raw.zone);
    if (!z.ok) return within('zone', z);
    zone = z.value;
  }
  // Fields that belong to one kind only: required there, cleared (and said) elsewhere.
  const only = <T>(key: string, mine: boolean, read: (v: unknown) => T | null, reason: PatrolAreaReason): Validation<T | null, PatrolAreaReason> => {
    const v = raw[key];
    if (!mine) {
      if (v !== null && v !== undefined) repaired.push({ path: key, code: 'defaulted' });
      return ok(null);
    }
    const r = read(v);
    return r === null ? fail(reason, key) : ok(r);
  };
  const keyAreaKind = only(
    'keyAreaKind',
    kind === 'keyArea',
    (v) => (KEY_AREA_KINDS.includes(v as KeyAreaKind) ? (v as KeyAreaKind) : null),
    'badKeyAreaKind',
  );
  if (!keyAreaKind.ok) return keyAreaKind;
  const corridor = only('corridor', kind === 'corridor', corridorOf, 'badCorridor');
  if (!corridor.ok) return corridor;
  const stopNotice = only('stopNotice', kind === 'stopNoticeSite', stopNoticeOf, 'badStopNotice');
  if (!stopNotice.ok) return stopNotice;
  let site: SiteCircle | null = null;
  if (raw.site !== null && raw.site !== undefined) {
    if (kind !== 'stopNoticeSite') repaired.push({ path: 'site', code: 'defaulted' });
    else {
      site = siteOf(raw.site);
      if (!site) return fail('badSite', 'site');
    }
  }
  const { text, time } = fieldReaders(raw, repaired);
  let history: PatrolAreaHistoryEntry[] = [];
  if (Array.isArray(raw.history)) {
    history = raw.history.filter(isHistoryEntry);
    if (history.length !== raw.history.length) repaired.push({ path: 'history', code: 'filtered' });
  } else repaired.push({ path: 'history', code: 'defaulted' });
  const createdAt = time('createdAt', 0);
  const deletedAt = raw.deletedAt === null || raw.deletedAt === undefined ? null : isFiniteNumber(raw.deletedAt) ? raw.deletedAt : null;
  if (raw.deletedAt !== null && deletedAt === null) repaired.push({ path: 'deletedAt', code: 'defaulted' });
  return ok(
    {
      v: PATROL_AREA_RECORD_VERSION,
      id: raw.id,
      kind,
      keyAreaKind: keyAreaKind.value,
      name: raw.name.trim(),
      geometry,
      zone,
      corridor: corridor.value,
      site,
      people: peopleOf(raw.people, repaired),
      ruleIds: ruleIdsOf(raw.ruleIds, repaired),
      stopNotice: stopNotice.value,
      notes: text('notes'),
      history,
      createdAt,
      updatedAt: time('updatedAt', createdAt),
      deletedAt,
    },
    repaired,
  );
}

/** A stored record of any version, migrated then validated: what every read goes through. */
export function restorePatrolArea(raw: unknown): Validation<PatrolArea, PatrolAreaReason> {
  // Versioned from the first release: a record without `v` is not one of ours (badVersion, never guessed).
  const from = isObject(raw) && typeof raw.v === 'number' ? raw.v : NaN;
  const migrated = migrateRecord(raw, from, PATROL_AREA_RECORD_VERSION, PATROL_AREA_MIGRATIONS);
  return migrated.ok ? validatePatrolArea(migrated.value) : migrated;
}

/** What a new area needs; the rest gets a new area's defaults. */
export type NewPatrolArea = { id: string; kind: PatrolAreaKind; name: string; geometry: AreaGeometry; ruleIds?: readonly string[] } & Partial<
  Pick<PatrolArea, Exclude<EditablePatrolAreaField, 'name' | 'geometry' | 'ruleIds'>>
>;

/**
 * A written record is stored only as given: one the validator would have to repair (a person without a name, an
 * unreadable history entry) is a caller's bug, not a user's input, and throws a RangeError naming the paths.
 */
function strict(r: Validation<PatrolArea, PatrolAreaReason>, what: string): Validation<PatrolArea, PatrolAreaReason> {
  if (r.ok && r.repaired) throw new RangeError(`${what}: unusable ${r.repaired.map((x) => x.path).join(', ')}`);
  return r;
}

/**
 * The record to store for a new area, its history opened with 'created', checked by the validator: a corridor
 * without its width or a site without its notice day comes back as the named reason for the form to say. Throws on
 * an empty id only (a caller's bug). The zone defaults to the 3° zone of the boundary's centre.
 */
export function createPatrolArea(init: NewPatrolArea, by: string, at: number): Validation<PatrolArea, PatrolAreaReason> {
  if (!isPatrolAreaId(init.id)) throw new RangeError('createPatrolArea: an area needs a non-empty id');
  const g = validateAreaGeometry(init.geometry);
  return strict(
    validatePatrolArea({
      v: PATROL_AREA_RECORD_VERSION,
      id: init.id,
      kind: init.kind,
      keyAreaKind: init.kind === 'keyArea' ? (init.keyAreaKind ?? null) : null,
      name: init.name,
      geometry: init.geometry,
      zone: init.zone ?? (g.ok ? defaultZoneOf(g.value) : null),
      corridor: init.kind === 'corridor' ? (init.corridor ?? null) : null,
      site: init.kind === 'stopNoticeSite' ? (init.site ?? null) : null,
      people: init.people ?? [],
      ruleIds: [...new Set(init.ruleIds ?? [])],
      stopNotice: init.kind === 'stopNoticeSite' ? (init.stopNotice ?? null) : null,
      notes: init.notes ?? '',
      history: [{ at, by, kind: 'created', change: [] }],
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    }),
    'createPatrolArea',
  );
}

export type PatrolAreaPatch = Partial<Pick<PatrolArea, EditablePatrolAreaField>>;

/**
 * The area after an edit: the patch's fields that differ, one history entry listing each with its value before and
 * after ('closed' when the edit is the 结案 of its notice), and updatedAt. `old` and its entries are left untouched;
 * a patch that changes nothing returns `old` itself. A result the validator refuses comes back as its reason.
 */
export function amendPatrolArea(old: PatrolArea, patch: PatrolAreaPatch, by: string, at: number): Validation<PatrolArea, PatrolAreaReason> {
  const edit = patchChanges(old, patch, EDITABLE_PATROL_AREA_FIELDS);
  if (!edit) return ok(old);
  const { next, change } = edit;
  const closing =
    change.length === 1 &&
    change[0]!.field === 'stopNotice' &&
    old.stopNotice?.closedDate === null &&
    (patch.stopNotice?.closedDate ?? null) !== null;
  return strict(
    validatePatrolArea({ ...next, history: [...old.history, { at, by, kind: closing ? 'closed' : 'amended', change }], updatedAt: at }),
    'amendPatrolArea',
  );
}

/** 结案: the site's notice closed on `closedDate` (not before the notice day: badStopNotice). */
export function closeStopNotice(old: PatrolArea, closedDate: DateKey, by: string, at: number): Validation<PatrolArea, PatrolAreaReason> {
  if (!old.stopNotice) return fail('badStopNotice', 'stopNotice', 'not a stop-notice site');
  return amendPatrolArea(old, { stopNotice: { ...old.stopNotice, closedDate } }, by, at);
}

/** The area marked deleted (kept, with its history): no longer listed, drawn, planned or judged. */
export const deletePatrolArea = (old: PatrolArea, by: string, at: number): PatrolArea => markDeleted(old, by, at);

/** A deleted area brought back. */
export const restoreDeletedPatrolArea = (old: PatrolArea, by: string, at: number): PatrolArea => markRestored(old, by, at);

/** Whether a site is under follow-up on `day`: noticed on or before it and not closed before it. */
export const isOpenSite = (a: PatrolArea, day: DateKey): boolean =>
  a.stopNotice !== null && a.stopNotice.noticeDate <= day && (a.stopNotice.closedDate === null || a.stopNotice.closedDate > day);
