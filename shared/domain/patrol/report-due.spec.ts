import { describe, expect, it } from 'vitest';
import type { DateKey } from './calendar';
import { monthlyReportDue } from './report-due';

const d = (s: string) => s as DateKey;

describe('monthlyReportDue', () => {
  it("reminds from the 20th for a report due on the 25th (the issue's township officer)", () => {
    expect(monthlyReportDue(d('2026-04-19'))).toEqual({ month: '2026-04', dueDate: '2026-04-25', daysLeft: 6, state: 'notYet' });
    expect(monthlyReportDue(d('2026-04-20'))).toEqual({ month: '2026-04', dueDate: '2026-04-25', daysLeft: 5, state: 'remind' });
    expect(monthlyReportDue(d('2026-04-25'))).toMatchObject({ daysLeft: 0, state: 'remind' });
    expect(monthlyReportDue(d('2026-04-26'))).toMatchObject({ daysLeft: -1, state: 'overdue' });
  });

  it('is quiet once the month is reported, and starts again next month', () => {
    expect(monthlyReportDue(d('2026-04-22'), { submittedMonths: ['2026-04'] }).state).toBe('submitted');
    expect(monthlyReportDue(d('2026-04-28'), { submittedMonths: ['2026-04'] }).state).toBe('submitted');
    expect(monthlyReportDue(d('2026-05-01'), { submittedMonths: ['2026-04'] })).toMatchObject({ month: '2026-05', state: 'notYet' });
  });

  it("takes the office's own due day and reminder, clamped to the month", () => {
    expect(monthlyReportDue(d('2026-02-20'), { dueDay: 31 })).toMatchObject({ dueDate: '2026-02-28', daysLeft: 8, state: 'notYet' });
    expect(monthlyReportDue(d('2024-02-20'), { dueDay: 31, remindDaysBefore: 10 })).toMatchObject({ dueDate: '2024-02-29', state: 'remind' });
    expect(monthlyReportDue(d('2026-06-01'), { dueDay: 0 })).toMatchObject({ dueDate: '2026-06-01', state: 'remind' });
  });
});
