/**
 * The report workbooks as bytes, read back by an independent reader: python's zipfile + xml.etree
 * (scripts/read-xlsx.py), not exceljs, which wrote them. What a spreadsheet program would show: sheet names, cell
 * text and numbers (shared strings resolved), merged title rows, A4 page setup, the rows repeated on every page.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../formats/xlsx/write';
import type { XlsxWorkbook } from '../../formats/xlsx/workbook';
import { ledgerWorkbook } from './ledger';
import { monthlyReportWorkbook } from './monthly';
import { AREAS, PATROLS, RULES, TODAY } from './reports.fixture';
import { zeroReportWorkbook } from './zero';

interface ReadSheet {
  name: string;
  cells: Record<string, string | number | boolean>;
  merged: string[];
  rowHeights: Record<string, number>;
  pageSetup: Record<string, string> | null;
  fitToPage: boolean;
  printTitles: string | null;
}

const READER = path.resolve(import.meta.dirname, '../../../scripts/read-xlsx.py');

async function readBack(book: XlsxWorkbook): Promise<ReadSheet[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lp-reports-')), 'book.xlsx');
  fs.writeFileSync(file, await writeXlsx(book));
  const out = execFileSync('/usr/bin/python3', [READER, file], { encoding: 'utf8' });
  return (JSON.parse(out) as { sheets: ReadSheet[] }).sheets;
}

const created = new Date('2026-04-20T02:00:00Z');

describe('ledger .xlsx read back by zipfile + xml.etree', () => {
  it('has twelve month sheets, a merged title, the form’s header, the patrols’ cells and A4 landscape print setup', async () => {
    const sheets = await readBack(ledgerWorkbook(PATROLS, AREAS, { year: 2026, month: 'year', office: '青石镇国土所', created }));
    expect(sheets.map((s) => s.name)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    const apr = sheets[3]!;
    expect(apr.cells.A1).toBe('青石镇国土所 2026年巡查台账');
    expect(apr.cells.A2).toBe('2026年4月　共 3 次巡查');
    expect(apr.merged).toEqual(expect.arrayContaining(['A1:K1', 'A2:K2']));
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3', 'J3', 'K3'].map((c) => apr.cells[c])).toEqual([
      '巡查编号',
      '巡查时间',
      '巡查人员（执法证号）',
      '巡查区域及路线',
      '巡查基本情况记录（地点、项目、主体、面积、用途、现状、进度、审批情况）',
      '涉嫌违法行为初步核查（当事人、联系方式）',
      '巡查意见',
      '制止措施及效果',
      '审核意见',
      '后续处理情况',
      '备注',
    ]);
    expect(apr.cells.A4).toBe('XC20260401001');
    expect(apr.cells.B4).toBe('2026-04-01 09:00–11:30');
    expect(apr.cells.C4).toBe('张三（33010012）\n李四');
    expect(apr.cells.D4).toBe('青石镇 › 青石村 › 网格1\n路线：无轨迹');
    expect(apr.cells.E5).toBe('青石村3组村民王某未经批准建房，占地约 120 m²');
    expect(apr.cells.H5).toBe('当场制止，下达责令停止违法行为通知书');
    expect(apr.cells.D6).toBe('白马镇 › 白马村\n路线：2.07 km');
    expect(apr.cells.A7).toBeUndefined();
    // Wrapped rows are given the height of their lines (Excel and WPS do not grow them): 2 lines, 17 pt each.
    expect(apr.rowHeights['4']).toBe(34);
    expect(apr.pageSetup).toMatchObject({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' });
    expect(apr.fitToPage).toBe(true);
    expect(apr.printTitles).toBe("'4月'!$1:$3");
    const jan = sheets[0]!;
    expect(jan.cells.A2).toBe('2026年1月　共 0 次巡查');
    expect(jan.cells.A4).toBe('本月无巡查记录。');
    expect(jan.merged).toContain('A4:K4');
  });
});

describe('monthly report .xlsx read back', () => {
  it('prints the township figures as numbers and the stop-notice follow-ups', async () => {
    const complianceAreas = AREAS.map((a) => ({
      id: a.id,
      ruleIds: a.ruleIds,
      ...(a.id === 'C2' ? { stopNotice: { noticeDate: '2026-04-02' as never } } : {}),
    }));
    const sheets = await readBack(
      monthlyReportWorkbook(
        {
          year: 2026,
          month: 4,
          today: TODAY,
          office: '青石镇国土所',
          patrols: PATROLS,
          areas: AREAS,
          rules: RULES,
          complianceAreas,
          roleOf: () => null,
        },
        created,
      ),
    );
    expect(sheets.map((s) => s.name)).toEqual(['汇总', '区域', '停工跟进']);
    const [sum, , stop] = sheets as [ReadSheet, ReadSheet, ReadSheet];
    expect(sum.cells.A1).toBe('青石镇国土所 2026年4月巡查月报');
    expect(sum.cells.A2).toBe('各乡镇巡查情况　统计期间 2026-04-01 至 2026-04-30（截至 2026-04-20）');
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => sum.cells[`${c}6`])).toEqual(['合计', 3, 3, 6, 24, 5, 3, 1, 2]);
    expect(['A', 'B', 'E', 'F'].map((c) => sum.cells[`${c}5`])).toEqual(['青石镇', 2, 16, 4]);
    expect(stop.cells.A4).toBe('青石镇 › 青石村 › 网格2');
    expect(stop.cells.D4).toBe(18);
    expect(stop.cells.G4).toBe('逾期');
  });
});

describe('zero report .xlsx read back', () => {
  it('states the month found nothing and leaves the signature block to sign', async () => {
    const [s] = await readBack(zeroReportWorkbook(PATROLS, AREAS, { year: 2026, month: 5, office: '青石镇国土所', created }));
    expect(s!.name).toBe('零报告');
    expect(s!.cells.A1).toBe('青石镇国土所 2026年5月动态巡查零报告');
    expect(s!.cells.A3).toBe('本月巡查未发现违法用地行为。本月共巡查 1 次，均未发现违法用地行为。');
    expect(s!.cells.A5).toBe('XC20260501006');
    expect(s!.cells.B5).toBe('2026-05-01 00:30–02:00');
    expect(String(s!.cells.A7)).toMatch(/^填报人（签字）：\s+审核人（签字）：\s+负责人（签字）：$/);
    expect(String(s!.cells.A8)).toMatch(/^日期：.*年.*月.*日\s+单位（盖章）：$/);
    expect(s!.merged).toEqual(expect.arrayContaining(['A1:E1', 'A3:E3', 'A7:E7', 'A8:E8']));
    expect(s!.pageSetup).toMatchObject({ paperSize: '9', orientation: 'portrait' });
  });
});
