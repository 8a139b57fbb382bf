/**
 * The inspection record (图斑核查 / 现场检查): what a 卫片执法 on-site form holds (DOMAIN "Inspections"), its status
 * through its life (status.ts), and its tamper-evident history (history.ts). A record module like the others:
 * branded id, record version, validator every read goes through, factory every write goes through, migrations.
 *
 * The rules a save keeps, whatever the caller hands in:
 * - a draft is saved freely (an officer fills the form over a morning); every save appends a history entry;
 * - `submitInspection` checks the form (form.ts) and makes the record read-only: from then on only
 *   `amendInspection`, with a reason, changes it — and the amendment is in the history, visibly;
 * - `moveInspectionStatus` makes only the moves status.ts allows, and 已制止 only with a stop notice recorded.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { GkZoneRef } from '../units/area';
import { SURVEY_METHODS, type SurveyMethod } from '../../formats/survey/types';
import { validateAreaGeometry, validateZone } from '../grid/area-geometry';
import { isDateKey, type DateKey } from '../patrol/calendar';
import { isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import { appendEntry, diffFields, HISTORY_KINDS, type FieldChange, type HistoryEntry } from './history';
import { canMove, isInspectionStatus, type InspectionStatus } from './status';

export type InspectionId = string & { readonly __brand: 'InspectionId' };
export const isInspectionId = (v: unknown): v is InspectionId => isNonEmptyString(v);

/** 1: the first stored shape; 2: `surveyPoints` (the 界址点); 3: `siteRecord` (what the 现场勘测笔录 states beyond the
 *  卫片 form). Bump it with a migration below whenever the stored shape changes. */
export const INSPECTION_RECORD_VERSION = 3;

export interface Inspector {
  name: string;
  /** 执法证号. */
  certNo: string;
}

export const PARTY_KINDS = ['person', 'unit'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** 当事人: a person (身份证号) or a unit (统一社会信用代码). */
export interface Party {
  kind: PartyKind;
  name: string;
  /** 身份证号 for a person, 统一社会信用代码 for a unit; '' when not known yet. */
  idNo: string;
  contact: string;
  address: string;
}

/** 建设情况: 平场 / 在建 / 建成. */
export const CONSTRUCTION_STATES = ['levelled', 'building', 'built'] as const;
export type ConstructionState = (typeof CONSTRUCTION_STATES)[number];

/** 用地情况 (核查结论): 合法 / 违法违规 / 伪变化 / 其他. */
export const CONCLUSIONS = ['legal', 'illegal', 'falseChange', 'other'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

/** 违法违规类型, as the 卫片执法 form lists them. */
export const VIOLATION_TYPES = [
  '非法批地',
  '未报即用',
  '边报边用',
  '未供先用',
  '批而未征',
  '闲置',
  '违反产业政策',
  '违反招拍挂',
  '补偿不到位',
  '其他',
] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

export const TIP_CHANNELS = ['12336', 'letters', 'other'] as const;
export type TipChannel = (typeof TIP_CHANNELS)[number];

/** Where an inspection came from. */
export type InspectionSource =
  | { kind: 'patch'; layerId: string; featureId: number; patchNo: string }
  | { kind: 'patrol'; patrolId: string; patrolNumber: string }
  | { kind: 'tip'; channel: TipChannel; reporter: string; reportedAt: number | null; content: string }
  | { kind: 'drawn' }
  | { kind: 'typed' }
  | { kind: 'survey'; file: string };

/** 责令停止违法行为通知书: its 文书编号 and the day it was served. */
export interface StopNotice {
  number: string;
  date: DateKey;
}

export interface InspectionLocation {
  township: string;
  village: string;
  /** The grid area it lies in, when known. */
  areaId: string | null;
  /** 坐落 as the officer words it. */
  place: string;
}

/**
 * A boundary point (界址点) as the record keeps it: 点号, X north and Y east in metres of the record's CGCS2000 zone
 * (Y with its zone prefix when the surveyor's file had it: the coordinates are kept as measured, never moved),
 * H when known, the ring it belongs to (1 outer; 2 … holes or further parts, as 报盘 圈号) and how it was measured.
 * The points are in boundary order; each ring's closing repetition of its first point is not stored.
 */
export interface InspectionSurveyPoint {
  name: string;
  x: number;
  y: number;
  h: number | null;
  ring: number;
  method: SurveyMethod | null;
}

/** 见证人: a witness of the on-site survey. */
export interface Witness {
  name: string;
  /** 身份证号 (or another ID), '' when the witness gave none. */
  idNo: string;
  contact: string;
}

/** 四至: what borders the plot on each side, as the officer words it (东至某某路). */
export interface Boundaries {
  east: string;
  south: string;
  west: string;
  north: string;
}

/**
 * What a 现场勘测笔录 states beyond the 卫片 form (行政诉讼证据规定 第十五条: time, place, events; signed by the party or
 * the refusal noted with its reason): the survey's start and end, the witnesses, the instrument and method, the 四至,
 * whether the party was present and why they refused to sign. Evidence: kept in the record and its hash chain.
 */
export interface SiteRecord {
  /** 勘测时间 from – to, epoch ms (end null while the survey is open). */
  startedAt: number | null;
  endedAt: number | null;
  witnesses: Witness[];
  /** 勘测仪器, e.g. 'GNSS RTK（中海达 V90）'. */
  instrument: string;
  /** 勘测方法, e.g. 'RTK 实测界址点，CGCS2000'. */
  method: string;
  boundaries: Boundaries;
  /** 当事人是否在场. */
  partyPresent: boolean;
  /** 当事人拒绝签字的原因; '' when the party signed (or was not there to sign). */
  refusal: string;
}

export const EMPTY_SITE_RECORD: SiteRecord = {
  startedAt: null,
  endedAt: null,
  witnesses: [],
  instrument: '',
  method: '',
  boundaries: { east: '', south: '', west: '', north: '' },
  partyPresent: false,
  refusal: '',
};

/** The form's fields: what a save may change, and what the history hashes. */
export interface InspectionContent {
  /** The office's record number (its own pattern). */
  number: string;
  /** 任务编号 / 图斑编号 (a patch's JCBH). */
  taskNo: string;
  source: InspectionSource;
  location: InspectionLocation;
  /** 核查时间, epoch ms; null until the officer is on site. */
  inspectedAt: number | null;
  inspectors: Inspector[];
  party: Party | null;
  /** 土地用途 as found. */
  landUse: string;
  /** 用地时间: when the use began. */
  useSince: DateKey | null;
  construction: ConstructionState | null;
  conclusion: Conclusion | null;
  violationTypes: ViolationType[];
  approvalNo: string;
  supplyNo: string;
  stopNotice: StopNotice | null;
  /** 制止措施 and other measures, as written. */
  measures: string;
  /** 现场情况描述. */
  description: string;
  /** The plot, lon/lat CGCS2000; null before it is drawn or imported. */
  geometry: Polygon | MultiPolygon | null;
  zone: GkZoneRef | null;
  /** The 界址点 the boundary was built from ([] when the plot was drawn, picked or typed). */
  surveyPoints: InspectionSurveyPoint[];
  /** The photos, by the SHA-256 of their original bytes (the photo records hold the files). */
  photoHashes: string[];
  /** The stored comparison (套合) result, as the comparison module wrote it; null until run. */
  comparison: Record<string, unknown> | null;
  /** The 现场勘测笔录's own facts; null until the officer fills them. */
  siteRecord: SiteRecord | null;
}

export const CONTENT_FIELDS = [
  'number',
  'taskNo',
  'source',
  'location',
  'inspectedAt',
  'inspectors',
  'party',
  'landUse',
  'useSince',
  'construction',
  'conclusion',
  'violationTypes',
  'approvalNo',
  'supplyNo',
  'stopNotice',
  'measures',
  'description',
  'geometry',
  'zone',
  'surveyPoints',
  'photoHashes',
  'comparison',
  'siteRecord',
] as const satisfies readonly (keyof InspectionContent)[];

export type InspectionPatch = Partial<InspectionContent>;

export interface Inspection extends InspectionContent {
  v: typeof INSPECTION_RECORD_VERSION;
  id: InspectionId;
  status: InspectionStatus;
  /** Epoch ms of the submission; null for a draft. A submitted record is read-only (changes are amendments). */
  submittedAt: number | null;
  createdAt: number;
  updatedAt: number;
  history: HistoryEntry[];
}

/** What the history hashes: the content, the status and the submission (not the timestamps of the record itself). */
export function hashedState(r: InspectionContent & Pick<Inspection, 'status' | 'submittedAt'>): Record<string, unknown> {
  const state: Record<string, unknown> = { status: r.status, submittedAt: r.submittedAt };
  for (const f of CONTENT_FIELDS) state[f] = r[f];
  // Record version 2 added surveyPoints: while a record has none, its hashed state is what version 1 hashed, so
  // the chains of records stored before the field existed still verify after the migration.
  if (r.surveyPoints.length === 0) delete state.surveyPoints;
  // Version 3 added siteRecord, likewise: dropped while null, so version 1 and 2 chains still verify.
  if (r.siteRecord === null) delete state.siteRecord;
  return state;
}

export type InspectionReason = MigrationReason | 'missingId' | 'badStatus' | 'badSource' | 'badHistory';

export const INSPECTION_MIGRATIONS: readonly Migration[] = [
  // 1 → 2: the 界址点 field; a record of version 1 has none.
  { from: 1, up: (record) => ({ ...record, v: 2, surveyPoints: [] }) },
  // 2 → 3: the 现场勘测笔录's facts; a record of version 2 has none.
  { from: 2, up: (record) => ({ ...record, v: 3, siteRecord: null }) },
];

const isInspector = (v: unknown): v is Inspector => isObject(v) && isNonEmptyString(v.name) && isString(v.certNo);
const isSha256 = (v: unknown): v is string => isString(v) && /^[0-9a-f]{64}$/.test(v);
export const isInspectionSurveyPoint = (v: unknown): v is InspectionSurveyPoint =>
  isObject(v) &&
  isString(v.name) &&
  isFiniteNumber(v.x) &&
  isFiniteNumber(v.y) &&
  (v.h === null || isFiniteNumber(v.h)) &&
  isFiniteNumber(v.ring) &&
  Number.isInteger(v.ring) &&
  v.ring >= 1 &&
  (v.method === null || SURVEY_METHODS.includes(v.method as SurveyMethod));

const isWitness = (v: unknown): v is Witness => isObject(v) && isString(v.name) && isString(v.idNo) && isString(v.contact);
const isBoundaries = (v: unknown): v is Boundaries => isObject(v) && isString(v.east) && isString(v.south) && isString(v.west) && isString(v.north);
export const isSiteRecord = (v: unknown): v is SiteRecord =>
  isObject(v) &&
  (v.startedAt === null || isFiniteNumber(v.startedAt)) &&
  (v.endedAt === null || isFiniteNumber(v.endedAt)) &&
  Array.isArray(v.witnesses) &&
  v.witnesses.every(isWitness) &&
  isString(v.instrument) &&
  isString(v.method) &&
  isBoundaries(v.boundaries) &&
  typeof v.partyPresent === 'boolean' &&
  isString(v.refusal);

function isSource(v: unknown): v is InspectionSource {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'patch':
      return isString(v.layerId) && isFiniteNumber(v.featureId) && isString(v.patchNo);
    case 'patrol':
      return isString(v.patrolId) && isString(v.patrolNumber);
    case 'tip':
      return (
        TIP_CHANNELS.includes(v.channel as TipChannel) &&
        isString(v.reporter) &&
        (v.reportedAt === null || isFiniteNumber(v.reportedAt)) &&
        isString(v.content)
      );
    case 'drawn':
    case 'typed':
      return true;
    case 'survey':
      return isString(v.file);
    default:
      return false;
  }
}

const isHistoryEntry = (v: unknown): v is HistoryEntry =>
  isObject(v) &&
  isFiniteNumber(v.seq) &&
  isFiniteNumber(v.at) &&
  isString(v.by) &&
  HISTORY_KINDS.includes(v.kind as HistoryEntry['kind']) &&
  (v.reason === null || isString(v.reason)) &&
  Array.isArray(v.changes) &&
  v.changes.every((c) => isObject(c) && isString(c.field) && 'before' in c && 'after' in c) &&
  isSha256(v.contentHash) &&
  (v.prevHash === null || isSha256(v.prevHash)) &&
  isSha256(v.hash);

/**
 * Checks a record of the current version. The history is evidence: a record whose history is not a list of
 * well-formed entries is rejected whole, never repaired (a repair would change what the hashes cover; whether the
 * chain verifies is verifyHistory's question, shown on the record). The content is kept as stored: a field of the
 * wrong shape is reported as a repair to its empty value — and the chain will then say the content changed.
 */
export function validateInspection(raw: unknown): Validation<Inspection, InspectionReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== INSPECTION_RECORD_VERSION)
    return fail('badVersion', 'v', `expected record version ${INSPECTION_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isInspectionId(raw.id)) return fail('missingId', 'id');
  if (!isInspectionStatus(raw.status)) return fail('badStatus', 'status');
  if (!isSource(raw.source)) return fail('badSource', 'source');
  if (!Array.isArray(raw.history) || raw.history.length === 0 || !raw.history.every(isHistoryEntry)) return fail('badHistory', 'history');
  const repaired: Repair[] = [];
  const pick = <T>(key: string, good: (v: unknown) => v is T, empty: T): T => {
    const v = raw[key];
    if (good(v)) return v;
    repaired.push({ path: key, code: 'defaulted' });
    return empty;
  };
  const isNullOr =
    <T>(g: (v: unknown) => v is T) =>
    (v: unknown): v is T | null =>
      v === null || g(v);
  const isLocation = (v: unknown): v is InspectionLocation =>
    isObject(v) && isString(v.township) && isString(v.village) && (v.areaId === null || isString(v.areaId)) && isString(v.place);
  const isParty = (v: unknown): v is Party =>
    isObject(v) && PARTY_KINDS.includes(v.kind as PartyKind) && isString(v.name) && isString(v.idNo) && isString(v.contact) && isString(v.address);
  const isStopNotice = (v: unknown): v is StopNotice => isObject(v) && isString(v.number) && isDateKey(v.date);
  const isGeometry = (v: unknown): v is Polygon | MultiPolygon => validateAreaGeometry(v).ok;
  const isZone = (v: unknown): v is GkZoneRef => validateZone(v).ok;
  const listOf =
    <T>(g: (v: unknown) => v is T) =>
    (v: unknown): v is T[] =>
      Array.isArray(v) && v.every(g);
  const value: Inspection = {
    v: INSPECTION_RECORD_VERSION,
    id: raw.id,
    status: raw.status,
    submittedAt: pick('submittedAt', isNullOr(isFiniteNumber), null),
    createdAt: pick('createdAt', isFiniteNumber, 0),
    updatedAt: pick('updatedAt', isFiniteNumber, 0),
    history: raw.history,
    number: pick('number', isString, ''),
    taskNo: pick('taskNo', isString, ''),
    source: raw.source,
    location: pick('location', isLocation, { township: '', village: '', areaId: null, place: '' }),
    inspectedAt: pick('inspectedAt', isNullOr(isFiniteNumber), null),
    inspectors: pick('inspectors', listOf(isInspector), []),
    party: pick('party', isNullOr(isParty), null),
    landUse: pick('landUse', isString, ''),
    useSince: pick('useSince', isNullOr(isDateKey), null),
    construction: pick(
      'construction',
      isNullOr((v): v is ConstructionState => CONSTRUCTION_STATES.includes(v as ConstructionState)),
      null,
    ),
    conclusion: pick(
      'conclusion',
      isNullOr((v): v is Conclusion => CONCLUSIONS.includes(v as Conclusion)),
      null,
    ),
    violationTypes: pick(
      'violationTypes',
      listOf((v): v is ViolationType => VIOLATION_TYPES.includes(v as ViolationType)),
      [],
    ),
    approvalNo: pick('approvalNo', isString, ''),
    supplyNo: pick('supplyNo', isString, ''),
    stopNotice: pick('stopNotice', isNullOr(isStopNotice), null),
    measures: pick('measures', isString, ''),
    description: pick('description', isString, ''),
    geometry: pick('geometry', isNullOr(isGeometry), null),
    zone: pick('zone', isNullOr(isZone), null),
    surveyPoints: pick('surveyPoints', listOf(isInspectionSurveyPoint), []),
    photoHashes: pick('photoHashes', listOf(isSha256), []),
    comparison: pick('comparison', isNullOr(isObject), null),
    siteRecord: pick('siteRecord', isNullOr(isSiteRecord), null),
  };
  return ok(value, repaired);
}

export function restoreInspection(raw: unknown): Validation<Inspection, InspectionReason> {
  const migrated = migrateRecord(raw, isObject(raw) && isFiniteNumber(raw.v) ? raw.v : NaN, INSPECTION_RECORD_VERSION, INSPECTION_MIGRATIONS);
  return migrated.ok ? validateInspection(migrated.value) : migrated;
}

/** An id: "I", the time in base 36, six random base-36 digits. */
export function newInspectionId(now: number, random: () => number = Math.random): InspectionId {
  let r = '';
  for (let i = 0; i < 6; i++) r += Math.floor(random() * 36).toString(36);
  return `I${Math.max(0, Math.floor(now)).toString(36)}${r}` as InspectionId;
}

export const EMPTY_CONTENT: Omit<InspectionContent, 'source'> = {
  number: '',
  taskNo: '',
  location: { township: '', village: '', areaId: null, place: '' },
  inspectedAt: null,
  inspectors: [],
  party: null,
  landUse: '',
  useSince: null,
  construction: null,
  conclusion: null,
  violationTypes: [],
  approvalNo: '',
  supplyNo: '',
  stopNotice: null,
  measures: '',
  description: '',
  geometry: null,
  zone: null,
  surveyPoints: [],
  photoHashes: [],
  comparison: null,
  siteRecord: null,
};

export type NewInspection = { id: string; source: InspectionSource } & InspectionPatch;

/** A new draft (待核查) with its first history entry. Throws on a record that would not validate (a programming error). */
export function createInspection(init: NewInspection, by: string, at: number): Inspection {
  const content: InspectionContent = { ...EMPTY_CONTENT, ...init };
  const base = { ...content, status: 'pending' as const, submittedAt: null };
  const record: Inspection = {
    ...base,
    v: INSPECTION_RECORD_VERSION,
    id: init.id as InspectionId,
    createdAt: at,
    updatedAt: at,
    history: appendEntry([], { at, by, kind: 'created', changes: [] }, hashedState(base)),
  };
  const checked = validateInspection(record);
  if (!checked.ok || checked.repaired) throw new RangeError(`createInspection: ${checked.ok ? 'fields of the wrong shape' : checked.reason}`);
  return record;
}

export type SaveRefusal =
  /** A submitted record changes only through an amendment with a reason. */
  | 'submittedReadOnly'
  /** An amendment of a draft (save it instead) or without a reason. */
  | 'notSubmitted'
  | 'reasonRequired'
  /** The move is not one status.ts allows, or 已制止 without a stop notice. */
  | 'badMove'
  | 'stopNoticeRequired';

export type SaveResult = { ok: true; record: Inspection; changes: FieldChange[] } | { ok: false; reason: SaveRefusal };

function applyPatch(
  old: Inspection,
  patch: InspectionPatch,
  entry: { by: string; at: number; kind: 'saved' | 'amended'; reason?: string },
): SaveResult {
  const next: Inspection = { ...old, ...patch, updatedAt: entry.at };
  const changes = diffFields(old as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>, CONTENT_FIELDS);
  if (changes.length === 0) return { ok: true, record: old, changes };
  next.history = appendEntry(old.history, { at: entry.at, by: entry.by, kind: entry.kind, reason: entry.reason ?? null, changes }, hashedState(next));
  return { ok: true, record: next, changes };
}

/** A draft's save: the patch applied and one history entry appended (none when nothing changed). */
export function saveInspectionDraft(old: Inspection, patch: InspectionPatch, by: string, at: number): SaveResult {
  if (old.submittedAt !== null) return { ok: false, reason: 'submittedReadOnly' };
  return applyPatch(old, patch, { by, at, kind: 'saved' });
}

/** A change to a submitted record, with the reason the history keeps. */
export function amendInspection(old: Inspection, patch: InspectionPatch, reason: string, by: string, at: number): SaveResult {
  if (old.submittedAt === null) return { ok: false, reason: 'notSubmitted' };
  if (reason.trim() === '') return { ok: false, reason: 'reasonRequired' };
  return applyPatch(old, patch, { by, at, kind: 'amended', reason: reason.trim() });
}

/**
 * The submission: the record becomes read-only and 已核查 (a pending record), or keeps a later status. The caller
 * checks the form first (form.ts: `checkForSubmit`); this refuses only a second submission.
 */
export function submitInspection(old: Inspection, by: string, at: number): SaveResult {
  if (old.submittedAt !== null) return { ok: false, reason: 'submittedReadOnly' };
  const next: Inspection = { ...old, submittedAt: at, status: old.status === 'pending' ? 'checked' : old.status, updatedAt: at };
  const changes: FieldChange[] = [{ field: 'submittedAt', before: null, after: at }];
  if (next.status !== old.status) changes.push({ field: 'status', before: old.status, after: next.status });
  next.history = appendEntry(old.history, { at, by, kind: 'submitted', changes }, hashedState(next));
  return { ok: true, record: next, changes };
}

/** A status move (已制止, 已立案, 已结案), as status.ts allows it; 已制止 needs the stop notice on the record. */
export function moveInspectionStatus(old: Inspection, to: InspectionStatus, by: string, at: number, reason: string | null = null): SaveResult {
  if (!canMove(old.status, to)) return { ok: false, reason: 'badMove' };
  if (to === 'stopped' && (old.stopNotice === null || old.stopNotice.number.trim() === '')) return { ok: false, reason: 'stopNoticeRequired' };
  const next: Inspection = { ...old, status: to, updatedAt: at };
  const changes: FieldChange[] = [{ field: 'status', before: old.status, after: to }];
  next.history = appendEntry(old.history, { at, by, kind: 'status', reason, changes }, hashedState(next));
  return { ok: true, record: next, changes };
}
