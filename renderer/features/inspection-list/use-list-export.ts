import { useState } from 'react';
import { XLSX_MIME } from '../../../shared/formats/xlsx/workbook';
import { toSafeFileName } from '../../../shared/validation/file-name';
import { useI18n } from '../../i18n';
import { errorReason } from '../../platform/coded-error';
import { saveBytes } from '../../platform/platform';
import { writeXlsxInWorker } from '../../platform/xlsx-client';
import { filterText, listWorkbook } from './inspection-list-export.logic';
import { allRowsOf, listUi } from './inspection-list-state';
import type { QueryResult } from './inspection-list.protocol';

export type ExportStatus = { kind: 'saved' | 'failed' | 'writing'; text: string } | null;

/** Saving the filtered list (and its counts per township) as .xlsx, written in the xlsx worker. */
export function useListExport(result: QueryResult | null) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ExportStatus>(null);
  const run = async () => {
    if (!result) return;
    const created = new Date();
    const name = toSafeFileName(`${t('inspectionList.title')}-${created.toISOString().slice(0, 10)}.xlsx`);
    setStatus({ kind: 'writing', text: t('inspectionList.exporting') });
    try {
      const book = listWorkbook(await allRowsOf(result), result.townships, {
        t,
        created,
        filterText: filterText(listUi.get(), t),
        creator: 'LandPatrol',
      });
      const bytes = await writeXlsxInWorker(book);
      setStatus((await saveBytes(name, bytes, XLSX_MIME, 'Excel', 'xlsx')) ? { kind: 'saved', text: t('inspectionList.exported', { name }) } : null);
    } catch (err) {
      setStatus({ kind: 'failed', text: t('inspectionList.exportFailed', { message: errorReason(err, t) }) });
    }
  };
  return { status, run };
}
