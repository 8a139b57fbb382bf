import { useMemo, useState } from 'react';
import type { DateKey } from '../../../../shared/domain/patrol/calendar';
import { zeroReportFigures } from '../../../../shared/domain/reports/zero';
import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { RadioGroup, SelectField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { patrolState } from '../../patrol';
import { defaultChoice, KIND_LABELS, normalizeChoice, REPORT_KINDS, reportFileName, yearOptions, type ReportChoice } from '../reports.logic';
import { openDialog, reportsState } from '../reports-state';
import { useReportExport } from '../use-report-export';
import { useChinaToday } from '../use-today';

/** 导出台账和报表: which document, which year, which month (or the whole year for the ledger); written in a worker. */
export function ExportDialog({ initial, onClose }: { initial: Partial<ReportChoice>; onClose: () => void }) {
  const { t } = useI18n();
  const today = useChinaToday();
  const { profile } = useStore(reportsState);
  const { patrols } = useStore(patrolState);
  const [choice, setChoice] = useState<ReportChoice>(() => normalizeChoice({ ...defaultChoice(today), ...initial }, today));
  const { status, run, cancel, busy } = useReportExport();
  const set = (patch: Partial<ReportChoice>) => setChoice((c) => normalizeChoice({ ...c, ...patch }, today));

  const firstDay = useMemo(
    () => patrols.reduce<DateKey | null>((m, p) => (p.deletedAt === null && (m === null || p.date < m) ? p.date : m), null),
    [patrols],
  );
  const years = yearOptions(today, firstDay);
  const months = [
    ...(choice.kind === 'ledger' ? [{ value: 'year', label: t('reports.month.year') }] : []),
    ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('reports.month.n', { month: i + 1 }) })),
  ];
  const zero = choice.kind === 'zero' && choice.month !== 'year' ? zeroReportFigures(patrols, choice.year, choice.month) : null;

  return (
    <Dialog
      title={t('reports.dialog.title')}
      onClose={busy ? undefined : onClose}
      testId="reports-dialog"
      footer={
        <>
          <button className="btn" onClick={busy ? cancel : onClose} data-testid="reports-cancel">
            {t('common.cancel')}
          </button>
          <button className="btn primary" disabled={busy} data-testid="reports-export" onClick={() => void run(choice, today)}>
            {t('reports.doExport')}
          </button>
        </>
      }
    >
      <RadioGroup
        label={t('reports.kind')}
        options={REPORT_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k].label), detail: t(KIND_LABELS[k].detail) }))}
        value={choice.kind}
        onChange={(kind) => set({ kind })}
        testId="reports-kind"
      />
      <div style={{ display: 'flex', gap: 12 }}>
        <SelectField
          label={t('reports.year')}
          layout="inline"
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(choice.year)}
          onChange={(y) => set({ year: Number(y) })}
          testId="reports-year"
        />
        <SelectField
          label={t('reports.month')}
          layout="inline"
          options={months}
          value={String(choice.month)}
          onChange={(m) => set({ month: m === 'year' ? 'year' : Number(m) })}
          testId="reports-month"
        />
      </div>
      <p className="muted small" data-testid="reports-file-name">
        {t('reports.fileName', { name: reportFileName(choice) })}
      </p>
      <p className={profile.officeName === '' ? 'msg info' : 'muted small'} data-testid="reports-office">
        {profile.officeName === '' ? t('reports.noOffice') : t('reports.office', { name: profile.officeName })}{' '}
        <button
          className="btn small"
          onClick={() => openDialog({ kind: 'profile', back: { kind: 'export', initial: choice } })}
          data-testid="reports-set-office"
        >
          {t(profile.officeName === '' ? 'reports.setOffice' : 'reports.changeOffice')}
        </button>
      </p>
      {zero && zero.patrols === 0 && <p className="msg warning">{t('reports.zero.noPatrols')}</p>}
      {zero && zero.patrols > 0 && !zero.eligible && (
        <p className="msg warning" data-testid="reports-zero-warning">
          {t('reports.zero.notEligible', { count: zero.withFindings })}
        </p>
      )}
      {status && (
        <p
          className={`msg ${status.kind === 'failed' ? 'error' : status.kind === 'saved' ? 'ok' : 'info'}`}
          role={status.kind === 'failed' ? 'alert' : 'status'}
          data-testid="reports-status"
        >
          {status.text}
        </p>
      )}
    </Dialog>
  );
}
