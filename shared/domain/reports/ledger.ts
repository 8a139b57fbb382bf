/**
 * The patrol ledger (巡查台账) as a workbook: the district brigade's 动态巡查 record form (DOMAIN "Patrols: what
 * offices record") as columns, one patrol a row in time order, one sheet per month; the ledger is bound by year
 * (按年装订), so a year gives its twelve months. Printed A4 landscape, the title and header repeated on every page.
 *
 * Every column is a field of the patrol record (version 2 added 涉嫌违法行为初步核查, 巡查意见, 审核意见 and 后续处理情况);
 * a field left empty prints empty, for the officers to fill in by hand, never invented.
 */
import type { XlsxColumn, XlsxSheet, XlsxWorkbook } from '../../formats/xlsx/workbook';
import {
  areasAndRouteText,
  findingsText,
  indexAreas,
  officersText,
  officeTitle,
  PAGE_FOOTER,
  patrolsOfMonth,
  patrolTimeText,
  type ReportArea,
  type ReportPatrol,
} from './report-common';

/** The ledger's columns, in the form's order; the patrol number first, so a row leads back to its record. */
export const LEDGER_COLUMNS: readonly XlsxColumn[] = [
  { header: '巡查编号', width: 17 },
  { header: '巡查时间', width: 18, wrap: true },
  { header: '巡查人员（执法证号）', width: 18, wrap: true },
  { header: '巡查区域及路线', width: 26, wrap: true },
  { header: '巡查基本情况记录（地点、项目、主体、面积、用途、现状、进度、审批情况）', width: 36, wrap: true },
  { header: '涉嫌违法行为初步核查（当事人、联系方式）', width: 20, wrap: true },
  { header: '巡查意见', width: 14, wrap: true },
  { header: '制止措施及效果', width: 20, wrap: true },
  { header: '审核意见', width: 12, wrap: true },
  { header: '后续处理情况', width: 14, wrap: true },
  { header: '备注', width: 14, wrap: true },
];

export interface LedgerOptions {
  year: number;
  /** One month (1–12), or the whole year (a sheet per month). */
  month: number | 'year';
  office: string;
  created: Date;
}

export const EMPTY_MONTH_TEXT = '本月无巡查记录。';

export const ledgerTitle = (office: string, year: number): string => `${officeTitle(office)} ${year}年巡查台账`;

/** One ledger row per patrol, the cells in LEDGER_COLUMNS' order. */
export function ledgerRow(p: ReportPatrol, index: ReturnType<typeof indexAreas>): string[] {
  return [
    p.number,
    patrolTimeText(p.startedAt, p.endedAt),
    officersText(p.officers),
    areasAndRouteText(p, index),
    findingsText(p),
    suspectText(p.suspect),
    p.opinion,
    p.measures,
    p.review,
    p.followUp,
    p.notes,
  ];
}

/** 涉嫌违法行为初步核查（当事人、联系方式）: the check, then the party and its contact, each on its own line. */
export function suspectText(s: ReportPatrol['suspect']): string {
  return [s.check.trim(), s.party.trim() && `当事人：${s.party.trim()}`, s.contact.trim() && `联系方式：${s.contact.trim()}`]
    .filter(Boolean)
    .join('\n');
}

function monthSheet(
  patrols: readonly ReportPatrol[],
  index: ReturnType<typeof indexAreas>,
  opts: LedgerOptions,
  month: number,
  name: string,
): XlsxSheet {
  const rows = patrolsOfMonth(patrols, opts.year, month).map((p) => ledgerRow(p, index));
  return {
    name,
    columns: [...LEDGER_COLUMNS],
    rows,
    frozenColumns: 1,
    titleRows: [
      { text: ledgerTitle(opts.office, opts.year), bold: true, fontSize: 16, align: 'center' },
      { text: `${opts.year}年${month}月\u3000共 ${rows.length} 次巡查`, align: 'center' },
    ],
    footerRows: rows.length === 0 ? [{ text: EMPTY_MONTH_TEXT }] : [],
    borders: true,
    autoFilter: false,
    print: { landscape: true, pageFooter: PAGE_FOOTER },
  };
}

/** The ledger of a month or a year. Deleted patrols are left out; an empty month is a sheet that says so. */
export function ledgerWorkbook(patrols: readonly ReportPatrol[], areas: readonly ReportArea[], opts: LedgerOptions): XlsxWorkbook {
  const index = indexAreas(areas);
  const sheets =
    opts.month === 'year'
      ? Array.from({ length: 12 }, (_, i) => monthSheet(patrols, index, opts, i + 1, `${i + 1}月`))
      : [monthSheet(patrols, index, opts, opts.month, `${opts.year}年${opts.month}月`)];
  return { sheets, creator: officeTitle(opts.office), created: opts.created };
}
