/**
 * When the monthly report (月报表) is due and when the app reminds the office of it. One county's rules: due by
 * the 25th, a reminder from 5 days before; both are the office's settings. The report of a month is filed in
 * that month; a due day past the month's end (31 in February) means its last day.
 */
import { dateKey, daysBetween, daysInMonth, monthOf, yearOf, type DateKey } from './calendar';

export const DEFAULT_REPORT_DUE_DAY = 25;
export const DEFAULT_REMIND_DAYS_BEFORE = 5;

export interface ReportDueOptions {
  /** Day of the month the report is due (1–31). Default 25. */
  dueDay?: number;
  /** Remind from this many days before the due day (the due day counted as 0). Default 5. */
  remindDaysBefore?: number;
  /** Months already reported, as 'YYYY-MM'. */
  submittedMonths?: readonly string[];
}

export type ReportDueState = 'notYet' | 'remind' | 'overdue' | 'submitted';

export interface ReportDue {
  /** The month the report is filed for, 'YYYY-MM'. */
  month: string;
  dueDate: DateKey;
  /** Days from today to the due day: 0 on the day, negative once past. */
  daysLeft: number;
  state: ReportDueState;
}

/** This month's report as seen on `today`. */
export function monthlyReportDue(today: DateKey, opts: ReportDueOptions = {}): ReportDue {
  const y = yearOf(today);
  const m = monthOf(today);
  const dueDay = Math.min(Math.max(1, Math.trunc(opts.dueDay ?? DEFAULT_REPORT_DUE_DAY)), daysInMonth(y, m));
  const dueDate = dateKey(y, m, dueDay);
  const month = today.slice(0, 7);
  const daysLeft = daysBetween(today, dueDate);
  const remindFrom = opts.remindDaysBefore ?? DEFAULT_REMIND_DAYS_BEFORE;
  const state: ReportDueState = opts.submittedMonths?.includes(month)
    ? 'submitted'
    : daysLeft < 0
      ? 'overdue'
      : daysLeft <= remindFrom
        ? 'remind'
        : 'notYet';
  return { month, dueDate, daysLeft, state };
}
