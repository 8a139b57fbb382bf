/**
 * The office's comparison roles (setting 'comparisonRoles', issue 11 item 2): which stored layer plays which role in
 * the 套合 — 永久基本农田, 三调地类, 国土空间规划, 报批, 供地 — grouped by which field, and what each planning zone
 * says about building there (允许 / 有条件 / 禁止). Set once per office: first guessed from the stored layers' kinds
 * (guessRoles, plus the document fields of the approval and supply layers), then the office's own choice.
 *
 * A record module: version, validator (every read), factory (every write), migrations. Stored in the settings table
 * (setting-record.ts) under COMPARISON_ROLES_KEY.
 */
import { isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import {
  COMPARISON_ROLES,
  DEFAULT_PLANNING_VERDICTS,
  guessRoles,
  type CandidateLayer,
  type ComparisonRole,
  type PlanningVerdict,
  type RoleAssignment,
} from './comparison';

export const COMPARISON_ROLES_KEY = 'comparisonRoles';

/** 1: the first stored shape. */
export const COMPARISON_ROLES_VERSION = 1;

export const PLANNING_VERDICTS: readonly PlanningVerdict[] = ['allowed', 'conditional', 'forbidden'];

export interface ComparisonRoles {
  v: typeof COMPARISON_ROLES_VERSION;
  /** At most one layer per role, in COMPARISON_ROLES order. */
  roles: RoleAssignment[];
  /** Planning zone name → verdict (the office's table; DEFAULT_PLANNING_VERDICTS until changed). */
  verdicts: Record<string, PlanningVerdict>;
}

export type ComparisonRolesReason = MigrationReason | 'badRole' | 'repeatedRole' | 'badVerdict';

export const COMPARISON_ROLES_MIGRATIONS: readonly Migration[] = [];

const isRole = (v: unknown): v is ComparisonRole => COMPARISON_ROLES.includes(v as ComparisonRole);
const isVerdict = (v: unknown): v is PlanningVerdict => PLANNING_VERDICTS.includes(v as PlanningVerdict);
const roleOrder = (r: RoleAssignment): number => COMPARISON_ROLES.indexOf(r.role);

/**
 * Checks roles of the current version. What the dialog hands in is checked strictly (a role twice, an unknown role,
 * a verdict that is none of the three): refused. A stored assignment without a layer id is dropped (repaired).
 */
export function validateComparisonRoles(raw: unknown): Validation<ComparisonRoles, ComparisonRolesReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== COMPARISON_ROLES_VERSION) return fail('badVersion', 'v', `expected version ${COMPARISON_ROLES_VERSION}, found ${String(raw.v)}`);
  const repaired: Repair[] = [];
  const roles: RoleAssignment[] = [];
  const list = Array.isArray(raw.roles) ? raw.roles : [];
  if (!Array.isArray(raw.roles)) repaired.push({ path: 'roles', code: 'defaulted' });
  for (const [i, r] of list.entries()) {
    if (!isObject(r) || !isRole(r.role)) return fail('badRole', `roles.${i}`);
    if (!isString(r.layerId) || r.layerId === '') {
      repaired.push({ path: `roles.${i}`, code: 'filtered' });
      continue;
    }
    if (roles.some((x) => x.role === r.role)) return fail('repeatedRole', `roles.${i}`, String(r.role));
    const groupField = isString(r.groupField) && r.groupField !== '' ? r.groupField : null;
    roles.push({ role: r.role, layerId: r.layerId, layerName: isString(r.layerName) ? r.layerName : r.layerId, groupField });
  }
  roles.sort((a, b) => roleOrder(a) - roleOrder(b));
  const verdicts: Record<string, PlanningVerdict> = {};
  if (raw.verdicts === undefined) {
    Object.assign(verdicts, DEFAULT_PLANNING_VERDICTS);
    repaired.push({ path: 'verdicts', code: 'defaulted' });
  } else if (!isObject(raw.verdicts)) return fail('badVerdict', 'verdicts');
  else
    for (const [name, v] of Object.entries(raw.verdicts)) {
      if (!isVerdict(v)) return fail('badVerdict', `verdicts.${name}`, String(v));
      const key = name.trim();
      if (key !== '') verdicts[key] = v;
    }
  return ok({ v: COMPARISON_ROLES_VERSION, roles, verdicts }, repaired);
}

/** A stored setting of any version, migrated then validated; null when it was never written (the caller guesses). */
export function restoreComparisonRoles(raw: unknown): Validation<ComparisonRoles, ComparisonRolesReason> | null {
  if (raw === undefined || raw === null) return null;
  const from = isObject(raw) && typeof raw.v === 'number' ? raw.v : NaN;
  const migrated = migrateRecord(raw, from, COMPARISON_ROLES_VERSION, COMPARISON_ROLES_MIGRATIONS);
  return migrated.ok ? validateComparisonRoles(migrated.value) : migrated;
}

/** The setting to store, or the dialog's reason. */
export function createComparisonRoles(input: Omit<ComparisonRoles, 'v'>): Validation<ComparisonRoles, ComparisonRolesReason> {
  const r = validateComparisonRoles({ ...input, v: COMPARISON_ROLES_VERSION });
  return r.ok ? ok(r.value) : r;
}

const fieldNamed = (fields: readonly string[], ...names: string[]): string | null => {
  const upper = new Map(fields.map((f) => [f.toUpperCase(), f]));
  for (const n of names) {
    const hit = upper.get(n);
    if (hit) return hit;
  }
  return null;
};

/** The field an approval or supply layer is grouped by: its document number (批准文号, 供地编号/文号), else its batch name. */
export function documentFieldOf(role: 'approval' | 'supply', fields: readonly string[]): string | null {
  return role === 'approval'
    ? fieldNamed(fields, 'PZWH', 'BPWH', 'PFWH', 'PCMC', 'XMMC', 'DKBH')
    : fieldNamed(fields, 'GDBH', 'GDWH', 'HTBH', 'PZWH', 'XMMC', 'DKBH');
}

/** The roles guessed from the stored layers (guessRoles), the approval and supply layers grouped by document number. */
export function guessComparisonRoles(layers: readonly CandidateLayer[]): ComparisonRoles {
  const roles = guessRoles(layers).map((r): RoleAssignment => {
    if (r.role !== 'approval' && r.role !== 'supply') return r;
    const fields = layers.find((l) => l.id === r.layerId)?.fieldNames ?? [];
    return { ...r, groupField: documentFieldOf(r.role, fields) };
  });
  roles.sort((a, b) => roleOrder(a) - roleOrder(b));
  return { v: COMPARISON_ROLES_VERSION, roles, verdicts: { ...DEFAULT_PLANNING_VERDICTS } };
}

/** Roles whose layer is no longer stored (removed since the office set them). */
export const missingRoleLayers = (roles: ComparisonRoles, layerIds: ReadonlySet<string>): RoleAssignment[] =>
  roles.roles.filter((r) => !layerIds.has(r.layerId));
