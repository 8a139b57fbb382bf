import { useState } from 'react';
import { XLSX_MIME } from '../../../shared/formats/xlsx/workbook';
import { toSafeFileName } from '../../../shared/validation/file-name';
import { useI18n } from '../../i18n';
import { errorReason } from '../../platform/coded-error';
import { saveBytes } from '../../platform/platform';
import { writeXlsxInWorker } from '../../platform/xlsx-client';
import { overlayCsv, overlayWorkbook, type OverlaySheet } from './overlay.logic';

export type ExportStatus = { kind: 'saved' | 'failed' | 'writing'; text: string } | null;

/** Saving the overlay sheet as CSV (UTF-8 BOM) or .xlsx (written in a worker), and what the dialog says about it. */
export function useOverlayExport(sheet: OverlaySheet | null) {
  const { t } = useI18n();
  const [exported, setExported] = useState<ExportStatus>(null);
  // The one file-name rule: a translated title could hold a character main's saveFile refuses.
  const fileName = (ext: string) => toSafeFileName(`${t('overlay.title')}-${new Date().toISOString().slice(0, 10)}.${ext}`);
  const exportCsv = async () => {
    if (!sheet) return;
    const name = fileName('csv');
    if (await saveBytes(name, overlayCsv(sheet), 'text/csv;charset=utf-8', 'CSV', 'csv'))
      setExported({ kind: 'saved', text: t('overlay.exported', { name }) });
  };
  const exportXlsx = async () => {
    if (!sheet) return;
    const name = fileName('xlsx');
    setExported({ kind: 'writing', text: t('overlay.exportingXlsx') });
    try {
      const bytes = await writeXlsxInWorker(overlayWorkbook(sheet, t('overlay.sheetName'), new Date()));
      setExported((await saveBytes(name, bytes, XLSX_MIME, 'Excel', 'xlsx')) ? { kind: 'saved', text: t('overlay.exported', { name }) } : null);
    } catch (err) {
      setExported({ kind: 'failed', text: t('overlay.exportFailed', { message: errorReason(err, t) }) });
    }
  };
  return { exported, exportCsv, exportXlsx };
}
