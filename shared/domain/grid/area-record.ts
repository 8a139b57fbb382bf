/**
 * The grid area record (网格, tldraw's record files): one area of the responsibility grid — a county, township,
 * village or a cell below a village (levels.ts) — with its boundary, its code, its "五定" (the people responsible,
 * their duties, the patrol rules that apply) and the history of its edits. One module holds the type, its branded
 * id, its record version, the validator every read goes through, the factory every write goes through, the edit
 * step that appends to the history, and the migrations from older versions (README Decision 20).
 *
 * Rules are referenced by id (`ruleIds`); the rule records are shared/domain/patrol's (rule.ts), which also says what
 * applies to a key area. A rule id that names no stored rule is kept (the rule may come back with an import).
 */
import type { PatrolRuleId } from '../patrol/rule';
import type { GkZoneRef } from '../units/area';
import { isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, within, type Repair, type Validation } from '../../validation/validation';
import { checkAreaCode, type AreaCodeReason } from './area-code';
import { defaultZoneOf, validateAreaGeometry, validateZone, type AreaGeometry, type AreaGeometryReason, type ZoneReason } from './area-geometry';
import { isAreaLevel, type AreaLevel } from './levels';

export type { AreaGeometry } from './area-geometry';
export type { AreaLevel } from './levels';

/** An area's id ("A" + time + random, newGridAreaId). Branded so it cannot be mixed with a layer's or a rule's id. */
export type GridAreaId = string & { readonly __brand: 'GridAreaId' };

export const isGridAreaId = (v: unknown): v is GridAreaId => isNonEmptyString(v);

/** A new id: "A", the time in base 36, six random base-36 digits (unique enough for one office's grid). */
export function newGridAreaId(now: number, random: () => number = Math.random): GridAreaId {
  let r = '';
  for (let i = 0; i < 6; i++) r += Math.floor(random() * 36).toString(36);
  return `A${Math.max(0, Math.floor(now)).toString(36)}${r}` as GridAreaId;
}

/** 1: the first version of this record kind (schema 4). Bump it with a migration below whenever the shape changes. */
export const GRID_AREA_RECORD_VERSION = 1;

/** The roles offices give the people of an area; others are kept as typed (an office may name its own). */
export const AREA_ROLES = ['负责人', '网格员', '执法监察员', '信息员'] as const;
export const DEFAULT_AREA_ROLE = '网格员';

/** One person responsible for an area ("定人员"): who they are, their role, 执法证号 and phone, as typed. */
export interface AreaPerson {
  name: string;
  role: string;
  /** 执法证号 (law-enforcement certificate number); '' when the person holds none (a village 信息员). */
  lawEnforcementCertNo: string;
  phone: string;
}

/** The key areas that get extra patrols (DOMAIN "The work"). */
export const KEY_AREA_KINDS = ['城镇规划区', '基本农田保护区', '开发区', '工业集中区', '城乡结合部', '其他'] as const;
export type KeyAreaKind = (typeof KEY_AREA_KINDS)[number];
export interface KeyArea {
  kind: KeyAreaKind;
}

/** What an edit did, as a code the UI says in the user's language. */
export const AREA_CHANGE_KINDS = ['created', 'generated', 'promoted', 'imported', 'edited'] as const;
export type AreaChangeKind = (typeof AREA_CHANGE_KINDS)[number];

/** One entry of an area's history: who, when, what. Entries are appended, never rewritten (amendGridArea). */
export interface AreaEdit {
  /** ms since 1970 (UTC). */
  at: number;
  /** Who made it, as the office names its users (an officer's name). */
  by: string;
  change: AreaChangeKind;
  /** The record fields whose values changed (empty for a creation). */
  fields: AreaField[];
  /** The user's own words, when given ("按村界调整"). */
  note?: string;
}

export interface GridArea {
  v: typeof GRID_AREA_RECORD_VERSION;
  id: GridAreaId;
  level: AreaLevel;
  /** null for the top of what this office holds (a county, or a township whose county is not in the database). */
  parentId: GridAreaId | null;
  /** The 12-digit administrative code where known (area-code.ts), else null; cells have none. */
  code: string | null;
  name: string;
  /** The boundary in lon/lat CGCS2000 degrees; null for an area named before it is drawn (never for a cell). */
  geometry: AreaGeometry | null;
  /** The CGCS2000 GK zone the area's planar figures are in (its data's zone, else the 3° zone of its centre). */
  zone: GkZoneRef | null;
  people: AreaPerson[];
  /** 定职责: the duties, as the office words them. */
  duties: string;
  /** The patrol rules that apply (shared/domain/patrol/rule.ts), in the office's order, no repeats. */
  ruleIds: PatrolRuleId[];
  /** Set when the area is a key area (重点区域) and which kind; null otherwise. */
  keyArea: KeyArea | null;
  createdAt: number;
  updatedAt: number;
  history: AreaEdit[];
}

/** The fields an edit may change (never the id, the level, the version or the history itself). */
export const AREA_FIELDS = ['parentId', 'code', 'name', 'geometry', 'zone', 'people', 'duties', 'ruleIds', 'keyArea'] as const;
export type AreaField = (typeof AREA_FIELDS)[number];
export type GridAreaPatch = Partial<Pick<GridArea, AreaField>>;

export type GridAreaReason =
  | MigrationReason
  | 'missingId'
  | 'badLevel'
  /** parentId is not an id or null, is the area itself, or a county has one. */
  | 'badParent'
  | 'missingName'
  | AreaCodeReason
  | AreaGeometryReason
  | ZoneReason;

/** Oldest first, one step per version (migrateRecord). Version 1 is the first: nothing to migrate yet. */
export const GRID_AREA_MIGRATIONS: readonly Migration[] = [];

/**
 * The version a stored area was written at. Unlike the layer records (whose unmarked records are version 2), every
 * area was written with its `v`: one without is not an area record and is rejected (badVersion), never guessed.
 */
const areaVersionOf = (raw: unknown): number => (isObject(raw) && raw.v === undefined ? NaN : storedVersionOf(raw));

export function migrateGridArea(raw: unknown, fromVersion: number): Validation<Record<string, unknown>, MigrationReason> {
  return migrateRecord(raw, fromVersion, GRID_AREA_RECORD_VERSION, GRID_AREA_MIGRATIONS);
}

function validatePeople(raw: unknown, repaired: Repair[]): AreaPerson[] {
  if (raw === undefined || !Array.isArray(raw)) {
    if (raw !== undefined) repaired.push({ path: 'people', code: 'defaulted' });
    return [];
  }
  const out: AreaPerson[] = [];
  let dropped = false;
  for (const p of raw) {
    // A person without a name cannot be called or held responsible: dropped (and said).
    if (!isObject(p) || !isString(p.name) || p.name.trim() === '') {
      dropped = true;
      continue;
    }
    out.push({
      name: p.name,
      role: isNonEmptyString(p.role) ? p.role : DEFAULT_AREA_ROLE,
      lawEnforcementCertNo: isString(p.lawEnforcementCertNo) ? p.lawEnforcementCertNo : '',
      phone: isString(p.phone) ? p.phone : '',
    });
    if (!isNonEmptyString(p.role) || !isString(p.lawEnforcementCertNo) || !isString(p.phone))
      repaired.push({ path: `people.${out.length - 1}`, code: 'defaulted' });
  }
  if (dropped) repaired.push({ path: 'people', code: 'filtered' });
  return out;
}

function validateRuleIds(raw: unknown, repaired: Repair[]): PatrolRuleId[] {
  if (!Array.isArray(raw)) {
    if (raw !== undefined) repaired.push({ path: 'ruleIds', code: 'defaulted' });
    return [];
  }
  // A rule id is any non-empty string, as rule.ts's isPatrolRuleId says.
  const out = [...new Set(raw.filter(isNonEmptyString))] as PatrolRuleId[];
  if (out.length !== raw.length) repaired.push({ path: 'ruleIds', code: 'filtered' });
  return out;
}

function validateKeyArea(raw: unknown, repaired: Repair[]): KeyArea | null {
  if (raw === null || raw === undefined) return null;
  if (!isObject(raw)) {
    repaired.push({ path: 'keyArea', code: 'defaulted' });
    return null;
  }
  if (KEY_AREA_KINDS.includes(raw.kind as KeyAreaKind)) return { kind: raw.kind as KeyAreaKind };
  // Marked as a key area, of a kind we do not know: still a key area (its extra patrols must not be lost).
  repaired.push({ path: 'keyArea.kind', code: 'defaulted' });
  return { kind: '其他' };
}

const isAreaField = (v: unknown): v is AreaField => AREA_FIELDS.includes(v as AreaField);

function validateHistory(raw: unknown, repaired: Repair[]): AreaEdit[] {
  if (!Array.isArray(raw)) {
    repaired.push({ path: 'history', code: 'defaulted' });
    return [];
  }
  const out: AreaEdit[] = [];
  for (const e of raw) {
    if (
      !isObject(e) ||
      !isFiniteNumber(e.at) ||
      !isString(e.by) ||
      !AREA_CHANGE_KINDS.includes(e.change as AreaChangeKind) ||
      !Array.isArray(e.fields) ||
      !e.fields.every(isAreaField)
    )
      continue;
    out.push({ at: e.at, by: e.by, change: e.change as AreaChangeKind, fields: [...e.fields], ...(isString(e.note) ? { note: e.note } : {}) });
  }
  if (out.length !== raw.length) repaired.push({ path: 'history', code: 'filtered' });
  return out;
}

/**
 * Checks a record of the current version. Rejected (a named reason) when it cannot be an area: no id, no level, no
 * name, a parent link that cannot be right, a code that is not of its level, a boundary that is not one, a zone that
 * does not exist, a cell without a boundary. What is only incomplete gets what a new area would have and is listed in
 * `repaired` (people without a name are dropped, repeated rule ids kept once, a missing zone taken from the boundary).
 * Only the record's fields are kept.
 */
export function validateGridArea(raw: unknown): Validation<GridArea, GridAreaReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== GRID_AREA_RECORD_VERSION)
    return fail('badVersion', 'v', `expected record version ${GRID_AREA_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isGridAreaId(raw.id)) return fail('missingId', 'id');
  if (!isAreaLevel(raw.level)) return fail('badLevel', 'level', `unknown level ${String(raw.level)}`);
  const level = raw.level;
  const parentId = raw.parentId ?? null;
  if (parentId !== null && (!isGridAreaId(parentId) || parentId === raw.id))
    return fail('badParent', 'parentId', "a parent is another area's id or null");
  if (level === 'county' && parentId !== null) return fail('badParent', 'parentId', 'a county is the top of the grid');
  if (!isString(raw.name) || raw.name.trim() === '') return fail('missingName', 'name');
  const rawCode = raw.code ?? null;
  if (rawCode !== null && !isString(rawCode)) return fail('codeNotTwelveDigits', 'code', 'a code is text of 12 digits');
  const code = checkAreaCode(level, rawCode);
  if (!code.ok) return code;

  let geometry: AreaGeometry | null = null;
  if (raw.geometry !== null && raw.geometry !== undefined) {
    const g = validateAreaGeometry(raw.geometry);
    if (!g.ok) return within('geometry', g);
    geometry = g.value;
  } else if (level === 'cell') {
    return fail('badGeometry', 'geometry', 'a cell is its boundary');
  }

  const repaired: Repair[] = [];
  let zone: GkZoneRef | null = null;
  if (raw.zone !== null && raw.zone !== undefined) {
    const z = validateZone(raw.zone);
    if (!z.ok) return within('zone', z);
    zone = z.value;
  } else if (geometry) {
    zone = defaultZoneOf(geometry);
    repaired.push({ path: 'zone', code: 'defaulted' });
  }

  const people = validatePeople(raw.people, repaired);
  const field = <T>(key: string, good: (v: unknown) => v is T, fallback: T): T => {
    const v = raw[key];
    if (good(v)) return v;
    repaired.push({ path: key, code: 'defaulted' });
    return fallback;
  };
  const duties = raw.duties === undefined ? '' : field('duties', isString, '');
  const ruleIds = validateRuleIds(raw.ruleIds, repaired);
  const keyArea = validateKeyArea(raw.keyArea, repaired);
  const createdAt = field('createdAt', isFiniteNumber, 0);
  const updatedAt = field('updatedAt', isFiniteNumber, createdAt);
  const history = validateHistory(raw.history, repaired);

  return ok(
    {
      v: GRID_AREA_RECORD_VERSION,
      id: raw.id,
      level,
      parentId: parentId as GridAreaId | null,
      code: code.value,
      name: raw.name,
      geometry,
      zone,
      people,
      duties,
      ruleIds,
      keyArea,
      createdAt,
      updatedAt,
      history,
    },
    repaired,
  );
}

/** A stored record of any version, migrated then validated: what every read from the database goes through. */
export function restoreGridArea(raw: unknown): Validation<GridArea, GridAreaReason> {
  const migrated = migrateGridArea(raw, areaVersionOf(raw));
  return migrated.ok ? validateGridArea(migrated.value) : migrated;
}

/** What a new area needs; the rest gets a new area's defaults (no people, no duties, no rules, not a key area). */
export interface NewGridArea {
  id: string;
  level: AreaLevel;
  name: string;
  parentId?: string | null;
  code?: string | null;
  geometry?: AreaGeometry | null;
  zone?: GkZoneRef | null;
  people?: AreaPerson[];
  duties?: string;
  ruleIds?: string[];
  keyArea?: KeyArea | null;
}

/** Who made an edit, when, and how it came about. */
export interface AreaEditInfo {
  at: number;
  by: string;
  change?: AreaChangeKind;
  note?: string;
}

const editEntry = (edit: AreaEditInfo, change: AreaChangeKind, fields: AreaField[]): AreaEdit => ({
  at: edit.at,
  by: edit.by,
  change: edit.change ?? change,
  fields,
  ...(edit.note !== undefined && edit.note !== '' ? { note: edit.note } : {}),
});

/**
 * The record to store for a new area, its history opened with one entry (created / generated / promoted …), checked
 * by validateGridArea: a code not of its level or a boundary that is not one comes back as the named reason, for the
 * form or the import to say. Throws on an empty id only: that is a bug in the caller, never something a user typed.
 * Fields beyond the record's are not copied.
 */
export function createGridArea(init: NewGridArea, edit: AreaEditInfo): Validation<GridArea, GridAreaReason> {
  if (!isGridAreaId(init.id)) throw new RangeError('createGridArea: an area needs a non-empty id');
  return validateGridArea({
    v: GRID_AREA_RECORD_VERSION,
    id: init.id,
    level: init.level,
    parentId: init.parentId ?? null,
    code: init.code ?? null,
    name: init.name,
    geometry: init.geometry ?? null,
    zone: init.zone ?? (init.geometry ? defaultZoneOf(init.geometry) : null),
    people: init.people ?? [],
    duties: init.duties ?? '',
    ruleIds: init.ruleIds ?? [],
    keyArea: init.keyArea ?? null,
    createdAt: edit.at,
    updatedAt: edit.at,
    history: [editEntry(edit, 'created', [])],
  });
}

/** Structural equality of two field values as stored (plain JSON data: numbers, strings, arrays, objects). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The fields whose values differ between two areas (AREA_FIELDS order). */
export function changedFields(before: GridArea, after: GridAreaPatch): AreaField[] {
  return AREA_FIELDS.filter((f) => f in after && after[f] !== undefined && !sameValue(before[f], after[f]));
}

/**
 * `old` with `patch` applied, its updatedAt set and one history entry appended naming the changed fields; the old
 * entries are kept as they were (the history is never rewritten). A patch that changes nothing gives `old` itself,
 * with no entry. The result is validated like every record written.
 */
export function amendGridArea(old: GridArea, patch: GridAreaPatch, edit: AreaEditInfo): Validation<GridArea, GridAreaReason> {
  const fields = changedFields(old, patch);
  if (fields.length === 0) return ok(old);
  const next: Record<string, unknown> = { ...old };
  for (const f of fields) next[f] = patch[f];
  // A new boundary without a zone keeps the area's zone: its figures stay in the zone they were in.
  next.updatedAt = edit.at;
  next.history = [...old.history, editEntry(edit, 'edited', fields)];
  return validateGridArea(next);
}
