/**
 * 报表 (issue 10 item 7), the pure part: what to export (kind, year, month or the whole year) and its file name, the
 * grid as the reports see it (area paths, the officers' roles), and the monthly report's reminder as the app says it.
 */
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { localDateOf, monthOf, yearOf, type DateKey } from '../../../shared/domain/patrol/calendar';
import { monthlyReportDue, type ReportDue } from '../../../shared/domain/patrol/report-due';
import type { ReportArea } from '../../../shared/domain/reports/report-common';
import type { OfficeProfile } from '../../../shared/domain/settings/office-profile';
import { toSafeFileName } from '../../../shared/validation/file-name';
import type { MessageKey } from '../../i18n';

export const REPORT_KINDS = ['ledger', 'monthly', 'zero'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportChoice {
  kind: ReportKind;
  year: number;
  /** 1–12, or the whole year (the ledger only: it is bound by year). */
  month: number | 'year';
}

export const KIND_LABELS: Record<ReportKind, { label: MessageKey; detail: MessageKey }> = {
  ledger: { label: 'reports.kind.ledger', detail: 'reports.kind.ledger.detail' },
  monthly: { label: 'reports.kind.monthly', detail: 'reports.kind.monthly.detail' },
  zero: { label: 'reports.kind.zero', detail: 'reports.kind.zero.detail' },
};

/** Today as the office's calendar has it: China time (UTC+8). */
export const chinaToday = (nowMs: number): DateKey => localDateOf(nowMs);

/** What the dialog offers first: this month's monthly report. */
export const defaultChoice = (today: DateKey): ReportChoice => ({ kind: 'monthly', year: yearOf(today), month: monthOf(today) });

/** The monthly and zero reports are of one month; a whole year is the ledger's only. */
export const normalizeChoice = (c: ReportChoice, today: DateKey): ReportChoice =>
  c.kind !== 'ledger' && c.month === 'year' ? { ...c, month: c.year === yearOf(today) ? monthOf(today) : 12 } : c;

/** The document's own name, in Chinese like the document: 巡查台账-2026.xlsx, 巡查月报-2026-04.xlsx, 零报告-2026-04.xlsx. */
export function reportFileName(c: ReportChoice): string {
  const base = c.kind === 'ledger' ? '巡查台账' : c.kind === 'monthly' ? '巡查月报' : '零报告';
  const when = c.month === 'year' ? String(c.year) : `${c.year}-${String(c.month).padStart(2, '0')}`;
  return toSafeFileName(`${base}-${when}.xlsx`);
}

/** Years the dialog offers: from the first patrol's (or this year) to this year. */
export function yearOptions(today: DateKey, firstPatrolDay: DateKey | null): number[] {
  const last = yearOf(today);
  const first = Math.min(last, firstPatrolDay ? yearOf(firstPatrolDay) : last);
  const out: number[] = [];
  for (let y = last; y >= first; y--) out.push(y);
  return out;
}

export const toReportArea = (a: GridArea): ReportArea => ({ id: a.id, name: a.name, level: a.level, parentId: a.parentId, ruleIds: a.ruleIds });

// Roles as the compliance view reads them: one rule, shared/domain/patrol/roles.ts.
export { officerRoleEntries, roleLookup } from '../../../shared/domain/patrol/roles';

export type ReminderTone = 'remind' | 'overdue';

export interface Reminder {
  due: ReportDue;
  tone: ReminderTone;
  key: MessageKey;
  params: Record<string, string | number>;
}

/**
 * The monthly report's reminder on `today`, or null: from remindDaysBefore days before the due day until the month's
 * report is marked submitted; overdue (said in red) after the due day.
 */
export function reminderOf(today: DateKey, p: Pick<OfficeProfile, 'dueDay' | 'remindDaysBefore' | 'submittedMonths'>): Reminder | null {
  const due = monthlyReportDue(today, { dueDay: p.dueDay, remindDaysBefore: p.remindDaysBefore, submittedMonths: p.submittedMonths });
  const day = Number(due.dueDate.slice(8));
  if (due.state === 'remind')
    return due.daysLeft === 0
      ? { due, tone: 'remind', key: 'reports.reminder.today', params: { day } }
      : { due, tone: 'remind', key: 'reports.reminder.remind', params: { day, days: due.daysLeft } };
  if (due.state === 'overdue') return { due, tone: 'overdue', key: 'reports.reminder.overdue', params: { day, days: -due.daysLeft } };
  return null;
}
