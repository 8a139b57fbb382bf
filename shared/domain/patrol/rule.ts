/**
 * Patrol rules (巡查规则) as data the office edits: "at least N patrols per week / month / quarter, by whom,
 * optionally in some months only, for an area, a key area or a site under a stop notice". The defaults follow
 * the practice the county and city enforcement reports describe (township office ≥ 2 a week, county brigade
 * ≥ 2–3 a month, leaders ≥ 1 a quarter, key areas more, stop-notice sites followed up without a break); every
 * county and season differs, so none of them is a constant the code relies on.
 *
 * A record module like the layer record: branded id, record version, validator, factory, migrations.
 */
import { isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import type { WindowPer } from './calendar';

/** A rule's id. Grids (areas' `ruleIds`) refer to rules by it. */
export type PatrolRuleId = string & { readonly __brand: 'PatrolRuleId' };

export const isPatrolRuleId = (v: unknown): v is PatrolRuleId => isNonEmptyString(v);

/** 1: the first stored shape. Bump it with a migration below whenever the stored shape changes. */
export const PATROL_RULE_VERSION = 1;

export type RulePer = WindowPer;
export const RULE_PERS: readonly RulePer[] = ['week', 'month', 'quarter'];

/** Whose patrols count: the township land office (国土所), the county brigade (执法监察大队), a leader, or anyone. */
export type PatrolBy = 'township' | 'county' | 'leader' | 'any';
export const PATROL_BYS: readonly PatrolBy[] = ['township', 'county', 'leader', 'any'];

/** What kind of area the rule is written for: a grid area, a key area (重点区域), a site under a stop notice. */
export type RuleAppliesTo = 'area' | 'keyArea' | 'stopNoticeSite';
export const RULE_APPLIES_TO: readonly RuleAppliesTo[] = ['area', 'keyArea', 'stopNoticeSite'];

export interface PatrolRule {
  v: typeof PATROL_RULE_VERSION;
  id: PatrolRuleId;
  /** What the office calls it ("国土所每周巡查不少于 2 次"): user text. */
  name: string;
  /** At least this many patrols in each window (a whole number ≥ 1). */
  minCount: number;
  per: RulePer;
  by: PatrolBy;
  /** The season: months 1–12 (sorted, no repeats) in which the rule holds; absent = all year. */
  months?: number[];
  appliesTo: RuleAppliesTo;
  /**
   * Stop-notice sites: a follow-up patrol at most this many days after the previous one (or the notice), until the
   * site is closed. Required when appliesTo is 'stopNoticeSite' and then the rule's test (minCount/per are not used).
   */
  followUpEveryDays?: number;
}

export type PatrolRuleReason = MigrationReason | 'missingId' | 'badMinCount' | 'badPer' | 'badBy' | 'badMonths' | 'badAppliesTo' | 'badFollowUp';

/** Oldest first, one step per version (migrateRecord). None yet: version 1 is the first. */
export const PATROL_RULE_MIGRATIONS: readonly Migration[] = [];

const isWhole = (v: unknown, min: number): v is number => isFiniteNumber(v) && Number.isInteger(v) && v >= min;

/** A season as months 1–12, sorted and without repeats; null when it is not one (not an array, a month 13, empty). */
export function normalizeMonths(v: unknown): number[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  if (!v.every((m) => isWhole(m, 1) && m <= 12)) return null;
  return [...new Set(v as number[])].sort((a, b) => a - b);
}

/** Months from..to (1–12), wrapping over the new year (11..3 = Nov–Mar). */
export function monthRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; ; m = (m % 12) + 1) {
    out.push(m);
    if (m === to || out.length === 12) return out;
  }
}

/**
 * Checks a rule of the current version. A rule that cannot be evaluated (no id, a count of 0 or 1.5, an unknown
 * period, whom or kind, a season with a month 13, a stop-notice rule without its interval) is rejected with a named
 * reason: guessing a patrol frequency would colour areas wrongly. A blank name gets the id (repaired).
 */
export function validatePatrolRule(raw: unknown): Validation<PatrolRule, PatrolRuleReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== PATROL_RULE_VERSION) return fail('badVersion', 'v', `expected record version ${PATROL_RULE_VERSION}, found ${String(raw.v)}`);
  if (!isPatrolRuleId(raw.id)) return fail('missingId', 'id');
  if (!isWhole(raw.minCount, 1)) return fail('badMinCount', 'minCount', 'minCount must be a whole number ≥ 1');
  if (!RULE_PERS.includes(raw.per as RulePer)) return fail('badPer', 'per');
  if (!PATROL_BYS.includes(raw.by as PatrolBy)) return fail('badBy', 'by');
  if (!RULE_APPLIES_TO.includes(raw.appliesTo as RuleAppliesTo)) return fail('badAppliesTo', 'appliesTo');
  const repaired: Repair[] = [];
  let months: number[] | undefined;
  if (raw.months !== undefined) {
    const m = normalizeMonths(raw.months);
    if (!m) return fail('badMonths', 'months', 'months must be a non-empty list of 1–12');
    months = m;
  }
  const appliesTo = raw.appliesTo as RuleAppliesTo;
  let followUpEveryDays: number | undefined;
  if (raw.followUpEveryDays !== undefined || appliesTo === 'stopNoticeSite') {
    if (!isWhole(raw.followUpEveryDays, 1)) return fail('badFollowUp', 'followUpEveryDays', 'followUpEveryDays must be a whole number of days ≥ 1');
    followUpEveryDays = raw.followUpEveryDays;
  }
  const named = isString(raw.name) && raw.name.trim() !== '';
  if (!named) repaired.push({ path: 'name', code: 'defaulted' });
  const rule: PatrolRule = {
    v: PATROL_RULE_VERSION,
    id: raw.id,
    name: named ? (raw.name as string) : raw.id,
    minCount: raw.minCount,
    per: raw.per as RulePer,
    by: raw.by as PatrolBy,
    ...(months ? { months } : {}),
    appliesTo,
    ...(followUpEveryDays !== undefined ? { followUpEveryDays } : {}),
  };
  return ok(rule, repaired);
}

/** A stored rule of any version, migrated then validated: what every read goes through. */
export function restorePatrolRule(raw: unknown): Validation<PatrolRule, PatrolRuleReason> {
  // Rules were versioned from their first release: a record without `v` is not one of ours.
  const from = isObject(raw) && typeof raw.v === 'number' ? raw.v : NaN;
  const migrated = migrateRecord(raw, from, PATROL_RULE_VERSION, PATROL_RULE_MIGRATIONS);
  return migrated.ok ? validatePatrolRule(migrated.value) : migrated;
}

export type NewPatrolRule = Omit<PatrolRule, 'v' | 'id'> & { id: string };

/** The record to store. Throws when the rule is not valid: the editor validates first, so that is a caller bug. */
export function createPatrolRule(init: NewPatrolRule): PatrolRule {
  const r = validatePatrolRule({ ...init, v: PATROL_RULE_VERSION });
  if (!r.ok) throw new RangeError(`createPatrolRule: ${r.reason}${r.path ? ` at ${r.path}` : ''}`);
  return r.value;
}

/** Stop-notice sites: a follow-up at least every 3 days by default ("followed up without a break"; the office sets its own). */
export const DEFAULT_FOLLOW_UP_EVERY_DAYS = 3;

/**
 * The practice's rules, as a new office starts with them (the rules of one county; each office edits its own):
 * township office ≥ 2 patrols a week; county brigade ≥ 2 a month (the reports say 2–3); a leader ≥ 1 a quarter;
 * key areas (城镇规划区, 基本农田保护区, 开发区, 工业集中区, 城乡结合部) ≥ 3 a week by anyone; a site under a stop
 * notice followed up every 3 days until it is closed.
 */
export const DEFAULT_RULES: readonly PatrolRule[] = [
  createPatrolRule({ id: 'default.township-weekly', name: '国土所每周巡查不少于 2 次', minCount: 2, per: 'week', by: 'township', appliesTo: 'area' }),
  createPatrolRule({
    id: 'default.county-monthly',
    name: '执法大队每月巡查抽查不少于 2 次',
    minCount: 2,
    per: 'month',
    by: 'county',
    appliesTo: 'area',
  }),
  createPatrolRule({
    id: 'default.leader-quarterly',
    name: '领导每季度带队巡查不少于 1 次',
    minCount: 1,
    per: 'quarter',
    by: 'leader',
    appliesTo: 'area',
  }),
  createPatrolRule({ id: 'default.key-area-weekly', name: '重点区域每周巡查不少于 3 次', minCount: 3, per: 'week', by: 'any', appliesTo: 'keyArea' }),
  createPatrolRule({
    id: 'default.stop-notice-follow-up',
    name: '已下达停止违法行为通知书的地块每 3 天跟踪一次，直至结案',
    minCount: 1,
    per: 'week',
    by: 'any',
    appliesTo: 'stopNoticeSite',
    followUpEveryDays: DEFAULT_FOLLOW_UP_EVERY_DAYS,
  }),
];
