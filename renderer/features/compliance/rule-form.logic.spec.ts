import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, createPatrolRule, monthRange } from '../../../shared/domain/patrol/rule';
import { translate, type Translate } from '../../i18n';
import { areasUsingRule, checkDraft, draftOf, emptyDraft, monthsText, newRuleId, orderRules, ruleFromDraft, ruleLabel } from './rule-form.logic';

const zh: Translate = (k, p) => translate('zh-CN', k, p);
const en: Translate = (k, p) => translate('en', k, p);

describe('ruleLabel', () => {
  it('reads the defaults as the office says them', () => {
    expect(DEFAULT_RULES.map((r) => ruleLabel(r, zh))).toEqual([
      '乡镇国土所 每周至少 2 次',
      '县执法大队 每月至少 2 次',
      '领导 每季度至少 1 次',
      '重点区域 每周至少 3 次',
      '停工通知现场 每 3 天跟进',
    ]);
  });
  it('a season: one district’s April–October weekly and November–March twice a month', () => {
    const summer = createPatrolRule({ id: 's', name: '', minCount: 1, per: 'week', by: 'any', months: monthRange(4, 10), appliesTo: 'area' });
    const winter = createPatrolRule({ id: 'w', name: '', minCount: 2, per: 'month', by: 'any', months: monthRange(11, 3), appliesTo: 'area' });
    expect(ruleLabel(summer, zh)).toBe('4–10 月 每周至少 1 次');
    expect(ruleLabel(winter, zh)).toBe('11–3 月 每月至少 2 次');
    expect(ruleLabel(summer, en)).toBe('Months 4–10: at least 1 per week');
    expect(ruleLabel(DEFAULT_RULES[0]!, en)).toBe('Township office at least 2 per week');
  });
  it('months as the shortest text', () => {
    expect(monthsText([7])).toBe('7');
    expect(monthsText([10, 4, 5, 6, 7, 8, 9])).toBe('4–10');
    expect(monthsText([12, 1, 2])).toBe('12–2');
    expect(monthsText([1, 3, 5])).toBe('1、3、5');
    expect(monthsText([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe('1–12');
    expect(monthsText([11, 12, 1, 3])).toBe('1、3、11、12');
  });
});

describe('the form', () => {
  it('refuses what cannot be judged, each with its message', () => {
    expect(checkDraft(emptyDraft())).toEqual({});
    expect(checkDraft({ ...emptyDraft(), minCount: null })).toEqual({ minCount: 'compliance.rule.errCountMissing' });
    expect(checkDraft({ ...emptyDraft(), minCount: 0 })).toEqual({ minCount: 'compliance.rule.errCountWhole' });
    expect(checkDraft({ ...emptyDraft(), minCount: 1.5 })).toEqual({ minCount: 'compliance.rule.errCountWhole' });
    expect(checkDraft({ ...emptyDraft(), minCount: 8 })).toEqual({ minCount: 'compliance.rule.errCountMax.week' });
    expect(checkDraft({ ...emptyDraft(), minCount: 8, per: 'month' })).toEqual({});
    expect(checkDraft({ ...emptyDraft(), seasonal: true })).toEqual({ months: 'compliance.rule.errMonthsEmpty' });
    const stop = { ...emptyDraft(), appliesTo: 'stopNoticeSite' as const, minCount: null };
    expect(checkDraft(stop)).toEqual({});
    expect(checkDraft({ ...stop, followUpEveryDays: null })).toEqual({ followUpEveryDays: 'compliance.rule.errFollowUpMissing' });
    expect(checkDraft({ ...stop, followUpEveryDays: 400 })).toEqual({ followUpEveryDays: 'compliance.rule.errFollowUpRange' });
    expect(zh('compliance.rule.errCountMax.week')).toBe('每周最多 7 次（每天一次）');
  });

  it('makes a valid record; a blank name becomes the rule’s line; a season sorted', () => {
    const r = ruleFromDraft({ ...emptyDraft(), minCount: 1, by: 'any', seasonal: true, months: [10, 4, 5, 6, 7, 8, 9] }, zh, 'rule.x');
    expect(r).toMatchObject({
      id: 'rule.x',
      name: '4–10 月 每周至少 1 次',
      minCount: 1,
      per: 'week',
      months: [4, 5, 6, 7, 8, 9, 10],
      appliesTo: 'area',
    });
    expect(ruleFromDraft({ ...emptyDraft(), minCount: 0 }, zh, 'rule.y')).toBeNull();
    const stop = ruleFromDraft({ ...emptyDraft(), appliesTo: 'stopNoticeSite', followUpEveryDays: 5, name: '  现场跟进 ' }, zh, 'rule.z');
    expect(stop).toMatchObject({ name: '现场跟进', followUpEveryDays: 5, appliesTo: 'stopNoticeSite' });
    expect(stop!.months).toBeUndefined();
  });

  it('editing keeps the rule’s id and round-trips the draft', () => {
    const d = draftOf(DEFAULT_RULES[1]!);
    expect(ruleFromDraft(d, zh, 'ignored')).toEqual(DEFAULT_RULES[1]);
    expect(newRuleId(0, () => 0)).toBe('rule.00000');
    expect(newRuleId(1_800_000_000_000)).toMatch(/^rule\.[0-9a-z]+$/);
  });

  it('counts the areas that use a rule', () => {
    expect(areasUsingRule('a', [{ ruleIds: ['a', 'b'] }, { ruleIds: ['b'] }, { ruleIds: ['a'] }])).toBe(2);
  });
});

describe('orderRules', () => {
  it('the defaults in the practice’s order, then the office’s own by when they were added', () => {
    const own = [
      createPatrolRule({ id: newRuleId(1_800_000_002_000), name: 'b', minCount: 1, per: 'week', by: 'any', appliesTo: 'area' }),
      createPatrolRule({ id: newRuleId(1_800_000_001_000), name: 'a', minCount: 1, per: 'week', by: 'any', appliesTo: 'area' }),
    ];
    // As IndexedDB returns them: by id.
    const stored = [...DEFAULT_RULES, ...own].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(orderRules(stored).map((r) => r.name)).toEqual([...DEFAULT_RULES.map((r) => r.name), 'a', 'b']);
  });
});
