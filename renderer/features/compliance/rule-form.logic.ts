/**
 * The 巡查规则 editor's pure logic: a rule as one line an officer reads ("乡镇国土所 每周至少 2 次", "4–10 月 每周至少
 * 1 次", "停工通知现场 每 3 天跟进"), the form's draft and its checks (each refusal a message key, nothing guessed),
 * the record the draft makes (through rule.ts's factory), and which areas use a rule (the delete warning).
 */
import {
  DEFAULT_RULES,
  createPatrolRule,
  monthRange,
  type PatrolBy,
  type PatrolRule,
  type RuleAppliesTo,
  type RulePer,
} from '../../../shared/domain/patrol/rule';
import type { MessageKey, Translate } from '../../i18n';

const PER_KEY: Record<RulePer, MessageKey> = {
  week: 'compliance.rule.perWeek',
  month: 'compliance.rule.perMonth',
  quarter: 'compliance.rule.perQuarter',
};
export const BY_KEY: Record<PatrolBy, MessageKey> = {
  township: 'compliance.rule.byTownship',
  county: 'compliance.rule.byCounty',
  leader: 'compliance.rule.byLeader',
  any: 'compliance.rule.byAny',
};
export const APPLIES_KEY: Record<RuleAppliesTo, MessageKey> = {
  area: 'compliance.rule.forArea',
  keyArea: 'compliance.rule.forKeyArea',
  stopNoticeSite: 'compliance.rule.forStopNotice',
};
export { PER_KEY };

/**
 * A season as the shortest text: one run of months (wrapping over the new year) as "4–10" / "11–3", a single
 * month as "7", anything else listed ("1、3、5"). The unit (月) comes from the caller's language.
 */
export function monthsText(months: readonly number[], listSeparator = '、'): string {
  const set = [...new Set(months)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
  if (set.length === 0) return '';
  if (set.length === 1) return String(set[0]);
  if (set.length === 12) return '1–12';
  // A run starts at a month whose predecessor is missing; exactly one such month means one run.
  const starts = set.filter((m) => !set.includes(m === 1 ? 12 : m - 1));
  if (starts.length === 1) {
    const from = starts[0]!;
    const run = monthRange(from, from === 1 ? 12 : from - 1).filter((m) => set.includes(m));
    const to = run[run.length - 1]!;
    if (monthRange(from, to).length === set.length) return `${from}–${to}`;
  }
  return set.join(listSeparator);
}

/** A rule as one line: [season] [key area] [whose patrols] every week/month/quarter at least N, or the follow-up interval. */
export function ruleLabel(rule: Pick<PatrolRule, 'minCount' | 'per' | 'by' | 'months' | 'appliesTo' | 'followUpEveryDays'>, t: Translate): string {
  if (rule.appliesTo === 'stopNoticeSite') return t('compliance.rule.labelStop', { days: rule.followUpEveryDays ?? 0 });
  const parts: string[] = [];
  if (rule.months) parts.push(t('compliance.rule.labelMonths', { months: monthsText(rule.months, t('compliance.rule.monthSeparator')) }));
  if (rule.appliesTo === 'keyArea') parts.push(t('compliance.rule.labelKeyArea'));
  if (rule.by !== 'any') parts.push(t(BY_KEY[rule.by]));
  parts.push(t('compliance.rule.labelCount', { per: t(PER_KEY[rule.per]), n: rule.minCount }));
  return parts.join(' ');
}

export interface RuleDraft {
  /** The stored rule's id when editing, null for a new one. */
  id: string | null;
  name: string;
  minCount: number | null;
  per: RulePer;
  by: PatrolBy;
  appliesTo: RuleAppliesTo;
  seasonal: boolean;
  months: number[];
  followUpEveryDays: number | null;
}

export const emptyDraft = (): RuleDraft => ({
  id: null,
  name: '',
  minCount: 2,
  per: 'week',
  by: 'township',
  appliesTo: 'area',
  seasonal: false,
  months: [],
  followUpEveryDays: 3,
});

export const draftOf = (r: PatrolRule): RuleDraft => ({
  id: r.id,
  name: r.name,
  minCount: r.minCount,
  per: r.per,
  by: r.by,
  appliesTo: r.appliesTo,
  seasonal: r.months !== undefined,
  months: r.months ? [...r.months] : [],
  followUpEveryDays: r.followUpEveryDays ?? 3,
});

export type DraftField = 'minCount' | 'months' | 'followUpEveryDays';
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

/**
 * The most patrols a window can ask for: one a day (7 a week, 31 a month, 92 a quarter). A count above it can never
 * be met and would colour every area red.
 */
export const MAX_PER_WINDOW: Record<RulePer, number> = { week: 7, month: 31, quarter: 92 };
/** A follow-up interval longer than a year is not "without a break". */
export const MAX_FOLLOW_UP_DAYS = 365;

export function checkDraft(d: RuleDraft): DraftErrors {
  const e: DraftErrors = {};
  if (d.appliesTo === 'stopNoticeSite') {
    if (d.followUpEveryDays === null) e.followUpEveryDays = 'compliance.rule.errFollowUpMissing';
    else if (!Number.isInteger(d.followUpEveryDays) || d.followUpEveryDays < 1 || d.followUpEveryDays > MAX_FOLLOW_UP_DAYS)
      e.followUpEveryDays = 'compliance.rule.errFollowUpRange';
    return e;
  }
  if (d.minCount === null) e.minCount = 'compliance.rule.errCountMissing';
  else if (!Number.isInteger(d.minCount) || d.minCount < 1) e.minCount = 'compliance.rule.errCountWhole';
  else if (d.minCount > MAX_PER_WINDOW[d.per]) e.minCount = `compliance.rule.errCountMax.${d.per}`;
  if (d.seasonal && d.months.length === 0) e.months = 'compliance.rule.errMonthsEmpty';
  return e;
}

/** A new rule's id: "rule." + time + random, never one of the defaults' "default.*". */
export const newRuleId = (now: number, random: () => number = Math.random): string =>
  `rule.${Math.max(0, Math.floor(now)).toString(36)}${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;

/**
 * The record a checked draft makes; null while the draft has errors. A blank name becomes the rule's own line
 * (what the office would have typed). A stop-notice rule keeps minCount 1 per week: rule.ts requires them, and
 * compliance judges such a rule by its interval only.
 */
export function ruleFromDraft(d: RuleDraft, t: Translate, id: string): PatrolRule | null {
  if (Object.keys(checkDraft(d)).length > 0) return null;
  const stop = d.appliesTo === 'stopNoticeSite';
  const shape = {
    minCount: stop ? 1 : (d.minCount as number),
    per: stop ? ('week' as const) : d.per,
    by: d.by,
    appliesTo: d.appliesTo,
    ...(!stop && d.seasonal ? { months: [...new Set(d.months)].sort((a, b) => a - b) } : {}),
    ...(stop ? { followUpEveryDays: d.followUpEveryDays as number } : {}),
  };
  return createPatrolRule({ id: d.id ?? id, name: d.name.trim() || ruleLabel(shape, t), ...shape });
}

/** How many areas name the rule (grid areas and patrol areas): the editor warns before such a rule is deleted. */
export const areasUsingRule = (ruleId: string, areas: readonly { ruleIds: readonly string[] }[]): number =>
  areas.reduce((n, a) => n + (a.ruleIds.includes(ruleId) ? 1 : 0), 0);

const DEFAULT_ORDER = new Map(DEFAULT_RULES.map((r, i) => [r.id as string, i]));

/**
 * The office's rules in the order the editor and the assignment list show them: the defaults in the practice's order
 * (township, brigade, leader, key area, stop notice), then the office's own in the order they were added (their ids
 * carry the time).
 */
export const orderRules = (rules: readonly PatrolRule[]): PatrolRule[] =>
  [...rules].sort(
    (a, b) => (DEFAULT_ORDER.get(a.id) ?? Infinity) - (DEFAULT_ORDER.get(b.id) ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
