import { describe, expect, it } from 'vitest';
import { createPatrolRule, DEFAULT_RULES, monthRange, normalizeMonths, PATROL_RULE_VERSION, restorePatrolRule, validatePatrolRule } from './rule';

const good = { v: 1, id: 'r1', name: '每周两次', minCount: 2, per: 'week', by: 'township', appliesTo: 'area' };

describe('validatePatrolRule', () => {
  it('accepts a rule as it is', () => {
    expect(validatePatrolRule(good)).toEqual({ ok: true, value: good });
    const seasonal = { ...good, months: [10, 4, 5, 6, 7, 8, 9, 4] };
    expect(validatePatrolRule(seasonal)).toEqual({ ok: true, value: { ...good, months: [4, 5, 6, 7, 8, 9, 10] } });
  });

  it.each([
    ['null', null, 'notObject'],
    ['an array', [], 'notObject'],
    ['no version', { ...good, v: undefined }, 'badVersion'],
    ['no id', { ...good, id: '' }, 'missingId'],
    ['a count of 0', { ...good, minCount: 0 }, 'badMinCount'],
    ['a count of 1.5', { ...good, minCount: 1.5 }, 'badMinCount'],
    ['a count as text', { ...good, minCount: '2' }, 'badMinCount'],
    ['a daily period', { ...good, per: 'day' }, 'badPer'],
    ['an unknown patroller', { ...good, by: 'village' }, 'badBy'],
    ['an unknown kind of area', { ...good, appliesTo: 'road' }, 'badAppliesTo'],
    ['a month 13', { ...good, months: [4, 13] }, 'badMonths'],
    ['an empty season', { ...good, months: [] }, 'badMonths'],
    ['a stop-notice rule without its interval', { ...good, appliesTo: 'stopNoticeSite' }, 'badFollowUp'],
    ['an interval of 0 days', { ...good, appliesTo: 'stopNoticeSite', followUpEveryDays: 0 }, 'badFollowUp'],
  ])('rejects %s with a named reason', (_what, raw, reason) => {
    expect(validatePatrolRule(raw)).toMatchObject({ ok: false, reason });
  });

  it('names a blank rule by its id and says so', () => {
    expect(validatePatrolRule({ ...good, name: '  ' })).toEqual({
      ok: true,
      value: { ...good, name: 'r1' },
      repaired: [{ path: 'name', code: 'defaulted' }],
    });
  });

  it('restores only versioned records', () => {
    expect(restorePatrolRule(good)).toEqual({ ok: true, value: good });
    expect(restorePatrolRule({ ...good, v: undefined })).toMatchObject({ ok: false, reason: 'badVersion' });
    expect(restorePatrolRule({ ...good, v: 2 })).toMatchObject({ ok: false, reason: 'badVersion' });
  });
});

describe('createPatrolRule', () => {
  it('stamps the version and refuses what the validator refuses', () => {
    const { v: _v, ...init } = good;
    expect(createPatrolRule(init as Parameters<typeof createPatrolRule>[0])).toEqual({ ...good, v: PATROL_RULE_VERSION });
    expect(() => createPatrolRule({ ...(init as Parameters<typeof createPatrolRule>[0]), minCount: 0 })).toThrow(RangeError);
  });
});

describe('seasons', () => {
  it('are month ranges, also over the new year', () => {
    expect(monthRange(4, 10)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(monthRange(11, 3)).toEqual([11, 12, 1, 2, 3]);
    expect(normalizeMonths(monthRange(11, 3))).toEqual([1, 2, 3, 11, 12]);
    expect(monthRange(5, 5)).toEqual([5]);
  });
});

describe('DEFAULT_RULES', () => {
  it('are the practice: township 2/week, county 2/month, leader 1/quarter, key areas extra, stop-notice follow-ups', () => {
    const brief = DEFAULT_RULES.map((r) => [r.by, r.minCount, r.per, r.appliesTo, r.followUpEveryDays ?? null]);
    expect(brief).toEqual([
      ['township', 2, 'week', 'area', null],
      ['county', 2, 'month', 'area', null],
      ['leader', 1, 'quarter', 'area', null],
      ['any', 3, 'week', 'keyArea', null],
      ['any', 1, 'week', 'stopNoticeSite', 3],
    ]);
    expect(new Set(DEFAULT_RULES.map((r) => r.id)).size).toBe(DEFAULT_RULES.length);
    for (const r of DEFAULT_RULES) expect(validatePatrolRule(r)).toEqual({ ok: true, value: r });
  });
});
