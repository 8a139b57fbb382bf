/**
 * The filtered list as a workbook (shared/formats/xlsx): one sheet of the records in the table's order, with the
 * columns the table shows and the text an office needs to find the record again (坐落, 当事人, 来源), and one sheet of
 * the counts per township with 立案率 and 结案率 as numbers (0.0% format) — the same figures the panel prints.
 */
import type { XlsxWorkbook } from '../../../shared/formats/xlsx/workbook';
import { INSPECTION_STATUSES } from '../../../shared/domain/inspection/status';
import type { Translate } from '../../i18n';
import type { ListRow, ListUi } from './inspection-list.logic';
import type { TownshipFigureRow } from './inspection-list.protocol';
import { CONCLUSION_KEY, SOURCE_KEY, STATUS_KEY } from './text-keys';

export function listWorkbook(
  rows: readonly ListRow[],
  townships: readonly TownshipFigureRow[],
  opts: { t: Translate; created: Date; filterText: string | null; creator: string },
): XlsxWorkbook {
  const { t } = opts;
  const date = opts.created.toISOString().slice(0, 10);
  const titleRows = [
    { text: t('inspectionList.sheet.title', { date, n: rows.length }), bold: true, fontSize: 14 },
    { text: opts.filterText ? t('inspectionList.sheet.filter', { filter: opts.filterText }) : t('inspectionList.sheet.noFilter') },
  ];
  const list = {
    name: t('inspectionList.sheet.list'),
    columns: [
      { header: t('inspectionList.col.number') },
      { header: t('inspectionList.col.taskNo') },
      { header: t('inspectionList.col.township') },
      { header: t('inspectionList.col.village') },
      { header: t('inspectionList.col.place') },
      { header: t('inspectionList.col.party') },
      { header: t('inspectionList.col.day') },
      { header: t('inspectionList.col.conclusion') },
      { header: t('inspectionList.col.status') },
      { header: t('inspectionList.col.photoCount'), numFmt: '0' },
      { header: t('inspectionList.col.submitted') },
      { header: t('inspectionList.col.source') },
    ],
    rows: rows.map((r) => [
      r.number,
      r.taskNo,
      r.township,
      r.village,
      r.place,
      r.partyName,
      r.day,
      t(CONCLUSION_KEY[r.conclusion ?? 'none']),
      t(STATUS_KEY[r.status]),
      r.photoCount,
      r.submitted ? t('inspectionList.yes') : t('inspectionList.no'),
      t(SOURCE_KEY[r.source]),
    ]),
    frozenColumns: 1,
    titleRows,
    borders: true,
    print: { landscape: true },
  };
  const counts = {
    name: t('inspectionList.sheet.counts'),
    columns: [
      { header: t('inspectionList.counts.township') },
      ...INSPECTION_STATUSES.map((s) => ({ header: t(STATUS_KEY[s]), numFmt: '0' })),
      { header: t('inspectionList.counts.total'), numFmt: '0' },
      { header: t('inspectionList.counts.illegal'), numFmt: '0' },
      { header: t('inspectionList.counts.filingRate'), numFmt: '0.0%' },
      { header: t('inspectionList.counts.closingRate'), numFmt: '0.0%' },
    ],
    rows: townships.map((r) => [
      r.township === '*' ? t('inspectionList.counts.all') : r.township === '' ? t('inspectionList.noTownship') : r.township,
      ...INSPECTION_STATUSES.map((s) => r.counts[s]),
      r.counts.total,
      r.cases.illegal,
      r.cases.filingRate,
      r.cases.closingRate,
    ]),
    frozenColumns: 1,
    titleRows: titleRows.slice(1),
    footerRows: [{ text: t('inspectionList.counts.note') }],
    borders: true,
  };
  return { sheets: [list, counts], creator: opts.creator, created: opts.created };
}

/** The filter in words for the sheet's second line ("状态：已制止、已立案；乡镇：杏园镇"), null when nothing filters. */
export function filterText(ui: ListUi, t: Translate): string | null {
  const parts: string[] = [];
  const sep = '、';
  if (ui.text.trim() !== '') parts.push(`${t('inspectionList.search')}：${ui.text.trim()}`);
  if (ui.statuses.length > 0) parts.push(`${t('inspectionList.statuses')}：${ui.statuses.map((s) => t(STATUS_KEY[s])).join(sep)}`);
  if (ui.from || ui.to) parts.push(`${t('inspectionList.col.day')}：${ui.from ?? '…'} – ${ui.to ?? '…'}`);
  if (ui.township !== '') parts.push(`${t('inspectionList.township')}：${ui.township}`);
  if (ui.village !== '') parts.push(`${t('inspectionList.village')}：${ui.village}`);
  if (ui.conclusion !== '') parts.push(`${t('inspectionList.conclusion')}：${t(CONCLUSION_KEY[ui.conclusion])}`);
  if (ui.source !== '') parts.push(`${t('inspectionList.source')}：${t(SOURCE_KEY[ui.source])}`);
  return parts.length > 0 ? parts.join('；') : null;
}
