import { useRef, useState } from 'react';
import { XLSX_MIME } from '../../../shared/formats/xlsx/workbook';
import { useI18n } from '../../i18n';
import { errorReason, isCancelled } from '../../platform/coded-error';
import { saveBytes } from '../../platform/platform';
import { reportFileName, type ReportChoice } from './reports.logic';
import { buildReportInWorker, reportsState } from './reports-state';
import type { DateKey } from '../../../shared/domain/patrol/calendar';

const STEP_TEXT = { reading: 'reports.step.reading', building: 'reports.step.building', writing: 'reports.step.writing' } as const;

export type ExportStatus = { kind: 'saved' | 'failed' | 'writing'; text: string } | null;

/** Building a report in the worker and saving it (the browser's download, Electron's save dialog), and what to say. */
export function useReportExport() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ExportStatus>(null);
  const abort = useRef<AbortController | null>(null);
  const run = async (choice: ReportChoice, today: DateKey) => {
    const name = reportFileName(choice);
    const ctl = new AbortController();
    abort.current = ctl;
    setStatus({ kind: 'writing', text: t('reports.step.reading') });
    try {
      const office = reportsState.get().profile.officeName;
      const r = await buildReportInWorker(
        { ...choice, today, office, createdMs: Date.now() },
        { signal: ctl.signal, onProgress: (p) => setStatus({ kind: 'writing', text: t(STEP_TEXT[p.step]) }) },
      );
      const saved = await saveBytes(name, r.bytes, XLSX_MIME, 'Excel', 'xlsx');
      setStatus(saved ? { kind: 'saved', text: t('reports.exported', { name, count: r.patrols }) } : null);
    } catch (err) {
      setStatus(isCancelled(err) ? null : { kind: 'failed', text: t('reports.exportFailed', { message: errorReason(err, t) }) });
    } finally {
      abort.current = null;
    }
  };
  const cancel = () => abort.current?.abort();
  return { status, run, cancel, busy: status?.kind === 'writing' };
}
