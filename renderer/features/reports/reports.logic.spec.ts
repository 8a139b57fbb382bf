import { describe, expect, it } from 'vitest';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { DEFAULT_OFFICE_PROFILE } from '../../../shared/domain/settings/office-profile';
import { chinaToday, normalizeChoice, officerRoleEntries, reminderOf, reportFileName, roleLookup, yearOptions } from './reports.logic';

const d = (s: string) => s as DateKey;

describe('reminder', () => {
  const p = DEFAULT_OFFICE_PROFILE;
  it('is silent on the 10th and the 19th, reminds from the 20th (5 days before the 25th), red after the 25th', () => {
    expect(reminderOf(d('2026-04-10'), p)).toBeNull();
    expect(reminderOf(d('2026-04-19'), p)).toBeNull();
    expect(reminderOf(d('2026-04-20'), p)).toMatchObject({ tone: 'remind', key: 'reports.reminder.remind', params: { day: 25, days: 5 } });
    expect(reminderOf(d('2026-04-25'), p)).toMatchObject({ tone: 'remind', key: 'reports.reminder.today' });
    expect(reminderOf(d('2026-04-27'), p)).toMatchObject({ tone: 'overdue', params: { day: 25, days: 2 } });
  });
  it('stops once the month is marked submitted, and follows the office’s own due day', () => {
    expect(reminderOf(d('2026-04-27'), { ...p, submittedMonths: ['2026-04'] })).toBeNull();
    expect(reminderOf(d('2026-05-20'), { ...p, submittedMonths: ['2026-04'] })).not.toBeNull();
    expect(reminderOf(d('2026-04-10'), { ...p, dueDay: 12, remindDaysBefore: 3 })).toMatchObject({ params: { day: 12, days: 2 } });
  });
  it('takes today in China time: 16:30 UTC on 19 April is already the 20th in Beijing', () => {
    expect(chinaToday(Date.UTC(2026, 3, 19, 16, 30))).toBe('2026-04-20');
  });
});

describe('export choice', () => {
  it('names the files after the document and its period', () => {
    expect(reportFileName({ kind: 'ledger', year: 2026, month: 'year' })).toBe('巡查台账-2026.xlsx');
    expect(reportFileName({ kind: 'ledger', year: 2026, month: 3 })).toBe('巡查台账-2026-03.xlsx');
    expect(reportFileName({ kind: 'monthly', year: 2026, month: 4 })).toBe('巡查月报-2026-04.xlsx');
    expect(reportFileName({ kind: 'zero', year: 2026, month: 4 })).toBe('零报告-2026-04.xlsx');
  });
  it('gives the whole year to the ledger only', () => {
    expect(normalizeChoice({ kind: 'monthly', year: 2026, month: 'year' }, d('2026-04-20'))).toEqual({ kind: 'monthly', year: 2026, month: 4 });
    expect(normalizeChoice({ kind: 'zero', year: 2025, month: 'year' }, d('2026-04-20'))).toEqual({ kind: 'zero', year: 2025, month: 12 });
    expect(normalizeChoice({ kind: 'ledger', year: 2026, month: 'year' }, d('2026-04-20')).month).toBe('year');
  });
  it('offers the years from the first patrol to this one', () => {
    expect(yearOptions(d('2026-04-20'), d('2024-12-31'))).toEqual([2026, 2025, 2024]);
    expect(yearOptions(d('2026-04-20'), null)).toEqual([2026]);
  });
});

describe('officer roles from the grid', () => {
  const area = (level: GridArea['level'], people: GridArea['people']) => ({ level, people }) as GridArea;
  const grid = [
    area('county', [
      { name: '赵队', role: '负责人', lawEnforcementCertNo: 'C-1', phone: '' },
      { name: '钱员', role: '执法监察员', lawEnforcementCertNo: 'C-2', phone: '' },
    ]),
    area('cell', [{ name: '张三', role: '网格员', lawEnforcementCertNo: '', phone: '' }]),
  ];
  it('reads county people as the brigade (its 负责人 a leader), others as the township office', () => {
    const roleOf = roleLookup(officerRoleEntries(grid));
    expect(roleOf({ name: '赵队', certNo: 'C-1' })).toBe('leader');
    expect(roleOf({ name: '钱员', certNo: '' })).toBe('county');
    expect(roleOf({ name: '张三', certNo: '' })).toBe('township');
    expect(roleOf({ name: '路人', certNo: '' })).toBeNull();
  });
});
