/**
 * The sheet's strings for the pure layouts, from the i18n pair evidence-sheet.*.ts: `evidenceSheet.label.<key>` →
 * MapSheetLabels[key] / AreaTableLabels[key]. Evidence papers are Chinese whatever the UI language: the export passes
 * `sheetLabels('zh-CN')`; the English table exists so a preview can be read by a colleague without Chinese.
 */
import { AREA_TABLE_LABEL_KEYS, type AreaTableLabels } from '../../../../shared/domain/evidence/area-table';
import { MAP_SHEET_LABEL_KEYS, type MapSheetLabels } from '../../../../shared/domain/evidence/map-sheet';
import { evidenceSheetEn } from '../../../i18n/evidence-sheet.en';
import { evidenceSheetZhCN } from '../../../i18n/evidence-sheet.zh-CN';

type Table = Readonly<Record<keyof typeof evidenceSheetZhCN, string>>;
const TABLES: Readonly<Record<'zh-CN' | 'en', Table>> = { 'zh-CN': evidenceSheetZhCN, en: evidenceSheetEn };

function pick<K extends string>(table: Table, keys: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) out[k] = table[`evidenceSheet.label.${k}` as keyof Table];
  return out;
}

/** The map sheet's labels in a language (zh-CN for the paper). */
export const sheetLabels = (lang: 'zh-CN' | 'en' = 'zh-CN'): MapSheetLabels => pick(TABLES[lang], MAP_SHEET_LABEL_KEYS);

/** The 面积表's row labels in a language (zh-CN for the paper). */
export const areaTableLabels = (lang: 'zh-CN' | 'en' = 'zh-CN'): AreaTableLabels => pick(TABLES[lang], AREA_TABLE_LABEL_KEYS);

/** The sheet's default titles (违法用地示意图 / 现场勘测图 / 勘测定界图). */
export const sheetTitles = (lang: 'zh-CN' | 'en' = 'zh-CN'): string[] => [
  TABLES[lang]['evidenceSheet.defaultTitle'],
  TABLES[lang]['evidenceSheet.titleSurvey'],
  TABLES[lang]['evidenceSheet.titleDemarcation'],
];
