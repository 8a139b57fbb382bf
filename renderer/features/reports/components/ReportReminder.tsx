import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { reminderOf } from '../reports.logic';
import { openDialog, reportsState, setSubmitted } from '../reports-state';
import { useChinaToday } from '../use-today';

/**
 * The monthly report's reminder, a strip above the status bar from remindDaysBefore days before the due day until
 * the month is marked 已报送; red once the due day has passed. 导出月报 opens the export on this month's report.
 */
export function ReportReminder() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const today = useChinaToday();
  const { profile } = useStore(reportsState);
  const r = reminderOf(today, profile);
  if (!r) return null;
  const [year, month] = r.due.month.split('-').map(Number) as [number, number];
  const overdue = r.tone === 'overdue';
  return (
    <div
      role={overdue ? 'alert' : 'status'}
      data-testid="reports-reminder"
      data-tone={r.tone}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        padding: '4px 12px',
        fontSize: 13,
        borderTop: `1px solid ${overdue ? 'var(--err-line)' : 'var(--warn-line)'}`,
        background: overdue ? 'var(--err-bg)' : 'var(--warn-bg)',
        color: overdue ? '#a61e1e' : undefined,
        fontWeight: overdue ? 600 : undefined,
      }}
    >
      <span style={{ flex: 1 }} data-testid="reports-reminder-text">
        {t(r.key, r.params)}
      </span>
      <button
        className="btn small"
        data-testid="reports-reminder-export"
        onClick={() => openDialog({ kind: 'export', initial: { kind: 'monthly', year, month } })}
      >
        {t('reports.reminder.export')}
      </button>
      <button
        className="btn small"
        data-testid="reports-reminder-submitted"
        onClick={() =>
          wb.attempt('reports.reminder.submitted', async () => {
            await setSubmitted(r.due.month, true);
            wb.notices.push('info', t('reports.reminder.marked', { month: r.due.month }));
          })
        }
      >
        {t('reports.reminder.submitted')}
      </button>
    </div>
  );
}
