/**
 * The zero report (零报告): the office states that its patrols of the month found no illegal land use, lists the
 * patrols that found nothing, and signs it (填报人 / 审核人 / 负责人 签字, 日期, 单位盖章). A month in which a patrol
 * recorded findings does not qualify: the sheet then says so instead of the statement, and lists only the patrols
 * that found nothing — the office decides, the app does not print a statement its own records contradict.
 */
import type { XlsxWorkbook } from '../../formats/xlsx/workbook';
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

export const ZERO_STATEMENT = '本月巡查未发现违法用地行为';

export interface ZeroFigures {
  patrols: number;
  nothingFound: number;
  withFindings: number;
  /** Every patrol of the month found nothing, and there was at least one. */
  eligible: boolean;
}

export function zeroReportFigures(patrols: readonly ReportPatrol[], year: number, month: number): ZeroFigures {
  const ofMonth = patrolsOfMonth(patrols, year, month);
  const nothingFound = ofMonth.filter((p) => p.nothingFound).length;
  return {
    patrols: ofMonth.length,
    nothingFound,
    withFindings: ofMonth.length - nothingFound,
    eligible: ofMonth.length > 0 && nothingFound === ofMonth.length,
  };
}

export function zeroStatementText(f: ZeroFigures): string {
  if (f.patrols === 0) return '本月无巡查记录，不能出具零报告。';
  if (!f.eligible) return `注意：本月有 ${f.withFindings} 次巡查记录了发现，不符合零报告条件；下表仅列出未发现问题的 ${f.nothingFound} 次巡查。`;
  return `${ZERO_STATEMENT}。本月共巡查 ${f.patrols} 次，均未发现违法用地行为。`;
}

export interface ZeroOptions {
  year: number;
  month: number;
  office: string;
  created: Date;
}

const SIGN_GAP = '\u3000'.repeat(8);

export const zeroTitle = (office: string, year: number, month: number) => `${officeTitle(office)} ${year}年${month}月动态巡查零报告`;

export function zeroReportWorkbook(patrols: readonly ReportPatrol[], areas: readonly ReportArea[], opts: ZeroOptions): XlsxWorkbook {
  const index = indexAreas(areas);
  const fig = zeroReportFigures(patrols, opts.year, opts.month);
  const rows = patrolsOfMonth(patrols, opts.year, opts.month)
    .filter((p) => p.nothingFound)
    .map((p) => [p.number, patrolTimeText(p.startedAt, p.endedAt), officersText(p.officers), areasAndRouteText(p, index), findingsText(p)]);
  return {
    creator: officeTitle(opts.office),
    created: opts.created,
    sheets: [
      {
        name: '零报告',
        columns: [
          { header: '巡查编号', width: 17 },
          { header: '巡查时间', width: 18, wrap: true },
          { header: '巡查人员（执法证号）', width: 18, wrap: true },
          { header: '巡查区域及路线', width: 30, wrap: true },
          { header: '巡查情况', width: 24, wrap: true },
        ],
        rows,
        frozenColumns: 0,
        titleRows: [
          { text: zeroTitle(opts.office, opts.year, opts.month), bold: true, fontSize: 16, align: 'center' },
          { text: `报送单位：${officeTitle(opts.office)}\u3000\u3000报告月份：${opts.year}年${opts.month}月` },
          { text: zeroStatementText(fig), bold: true, heightPt: 30 },
        ],
        footerRows: [
          { text: '' },
          { text: `填报人（签字）：${SIGN_GAP}审核人（签字）：${SIGN_GAP}负责人（签字）：`, heightPt: 36 },
          { text: `日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日${SIGN_GAP}${SIGN_GAP}单位（盖章）：`, heightPt: 36 },
        ],
        borders: true,
        autoFilter: false,
        print: { landscape: false, pageFooter: PAGE_FOOTER },
      },
    ],
  };
}
