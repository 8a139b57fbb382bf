import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../patrol/compliance';
import { ledgerRow, ledgerWorkbook, LEDGER_COLUMNS } from './ledger';
import { monthlyFigures, monthlyReportWorkbook } from './monthly';
import { areaPathText, indexAreas, patrolsOfMonth, patrolTimeText, routeLengthMetres } from './report-common';
import { AREAS, cst, PATROLS, ROUTE_P3, ROUTE_P3_METRES, RULES, TODAY } from './reports.fixture';
import { zeroReportFigures, zeroReportWorkbook, zeroStatementText } from './zero';

const index = indexAreas(AREAS);
const roleOf = () => null;
const april = { year: 2026, month: 4, today: TODAY, office: '青石镇国土所', patrols: PATROLS, areas: AREAS, rules: RULES, roleOf };

describe('report texts', () => {
  it('prints times in China time, an end on the next day with its date, an open end', () => {
    expect(patrolTimeText(cst(2026, 4, 1, 9), cst(2026, 4, 1, 11, 30))).toBe('2026-04-01 09:00–11:30');
    expect(patrolTimeText(cst(2026, 4, 2, 22), cst(2026, 4, 3, 1, 30))).toBe('2026-04-02 22:00–04-03 01:30');
    expect(patrolTimeText(cst(2026, 12, 31, 23), cst(2027, 1, 1, 0, 30))).toBe('2026-12-31 23:00–2027-01-01 00:30');
    expect(patrolTimeText(cst(2026, 4, 8, 14), null)).toBe('2026-04-08 14:00–');
    // 00:30 China time on 1 May is still 30 April in UTC: the patrol belongs to May.
    expect(patrolsOfMonth(PATROLS, 2026, 5).map((p) => p.number)).toEqual(['XC20260501006']);
  });
  it('names areas township › village › cell and says an unknown one', () => {
    expect(areaPathText('C2', index)).toBe('青石镇 › 青石村 › 网格2');
    expect(areaPathText('gone', index)).toBe('（已删除的区域 gone）');
  });
  it('measures the route geodesically (pyproj GRS80 Geod: 1108.525 + 964.863 m)', () => {
    expect(routeLengthMetres(ROUTE_P3)).toBeCloseTo(ROUTE_P3_METRES, 3);
  });
});

describe('ledger', () => {
  it('lists the month in time order without deleted patrols, in the form’s columns', () => {
    const book = ledgerWorkbook(PATROLS, AREAS, { year: 2026, month: 4, office: '青石镇国土所', created: new Date(0) });
    expect(book.sheets).toHaveLength(1);
    const s = book.sheets[0]!;
    expect(s.name).toBe('2026年4月');
    expect(s.titleRows?.[0]?.text).toBe('青石镇国土所 2026年巡查台账');
    expect(s.columns.map((c) => c.header)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(s.rows.map((r) => r[0])).toEqual(['XC20260401001', 'XC20260402002', 'XC20260408003']);
    expect(s.rows[0]).toEqual([
      'XC20260401001',
      '2026-04-01 09:00–11:30',
      '张三（33010012）\n李四',
      '青石镇 › 青石村 › 网格1\n路线：无轨迹',
      '未发现违法用地行为',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(s.rows[1]![4]).toBe('青石村3组村民王某未经批准建房，占地约 120 m²');
    expect(s.rows[1]![7]).toBe('当场制止，下达责令停止违法行为通知书');
    expect(s.rows[1]![10]).toBe('已拍照');
    expect(ledgerRow(PATROLS[2]!, index)[3]).toBe('白马镇 › 白马村\n路线：2.07 km');
  });
  it('fills the check, opinion, review and follow-up columns from the record', () => {
    const p = {
      ...PATROLS[1]!,
      suspect: { check: '未办理用地手续', party: '王某', contact: '13800000000' },
      opinion: '涉嫌违法占地，建议立案',
      review: '同意。李所长',
      followUp: '4月10日已拆除',
    };
    const row = ledgerRow(p, index);
    expect([row[5], row[6], row[8], row[9]]).toEqual([
      '未办理用地手续\n当事人：王某\n联系方式：13800000000',
      '涉嫌违法占地，建议立案',
      '同意。李所长',
      '4月10日已拆除',
    ]);
  });
  it('binds a year as twelve month sheets; an empty month says there were no patrols', () => {
    const book = ledgerWorkbook(PATROLS, AREAS, { year: 2026, month: 'year', office: '', created: new Date(0) });
    expect(book.sheets.map((s) => s.name)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(book.sheets.map((s) => s.rows.length)).toEqual([0, 0, 1, 3, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(book.sheets[0]!.footerRows?.[0]?.text).toBe('本月无巡查记录。');
    expect(book.sheets[0]!.titleRows?.[0]?.text).toBe('国土所 2026年巡查台账');
  });
});

describe('monthly report', () => {
  it('counts per township what computeCompliance counts for the month', () => {
    const fig = monthlyFigures(april);
    const t1 = fig.townships.find((t) => t.name === '青石镇')!;
    const t2 = fig.townships.find((t) => t.name === '白马镇')!;
    // Four weeks begun by 20 April (Mar 30, Apr 6, 13, 20), 2 patrols each: 8 per area and rule. C1: P1+P2 in week 1; C2: P2 + P4 (31 March,
    // same week); V2: P3 in week 2. The deleted P5 counts nowhere.
    expect(t1).toMatchObject({ patrols: 2, areas: 4, areasCovered: 2, required: 16, done: 4, overdueAreas: 2, withFindings: 1, nothingFound: 1 });
    expect(t2).toMatchObject({ patrols: 1, areas: 2, areasCovered: 1, required: 8, done: 1, overdueAreas: 1, withFindings: 0, nothingFound: 1 });
    expect(fig.total).toMatchObject({
      patrols: 3,
      areas: 6,
      areasCovered: 3,
      required: 24,
      done: 5,
      overdueAreas: 3,
      withFindings: 1,
      nothingFound: 2,
    });
    expect(fig.asOf).toBe('2026-04-20');

    const direct = computeCompliance({
      from: fig.from,
      to: fig.to,
      asOf: TODAY,
      areas: AREAS.map((a) => ({ id: a.id, ruleIds: a.ruleIds })),
      rules: RULES,
      patrols: PATROLS,
      roleOf,
    });
    const sum = (k: 'required' | 'done') => direct.reduce((s, a) => s + a.rules.reduce((t, r) => t + r[k], 0), 0);
    expect(fig.total.required).toBe(sum('required'));
    expect(fig.total.done).toBe(sum('done'));
    expect(fig.total.overdueAreas).toBe(direct.filter((a) => a.status === 'overdue').length);
  });
  it('lists a month in the future with nothing judged, and a month already over as of its last day', () => {
    expect(monthlyFigures({ ...april, month: 3 }).asOf).toBe('2026-03-31');
    const may = monthlyFigures({ ...april, month: 5 });
    expect(may.total).toMatchObject({ patrols: 1, required: 0, done: 0, overdueAreas: 0 });
  });
  it('writes 汇总, 区域 and 停工跟进 with the stop-notice site’s follow-up', () => {
    const complianceAreas = AREAS.map((a) => ({
      id: a.id,
      ruleIds: a.ruleIds,
      ...(a.id === 'C2' ? { stopNotice: { noticeDate: '2026-04-02' as never } } : {}),
    }));
    const book = monthlyReportWorkbook({ ...april, complianceAreas }, new Date(0));
    expect(book.sheets.map((s) => s.name)).toEqual(['汇总', '区域', '停工跟进']);
    const [summary, areas, stops] = book.sheets as [(typeof book.sheets)[0], (typeof book.sheets)[0], (typeof book.sheets)[0]];
    expect(summary.titleRows?.[0]?.text).toBe('青石镇国土所 2026年4月巡查月报');
    expect(summary.rows).toEqual([
      ['白马镇', 1, 1, 2, 8, 1, 1, 0, 1],
      ['青石镇', 2, 2, 4, 16, 4, 2, 1, 1],
      ['合计', 3, 3, 6, 24, 5, 3, 1, 2],
    ]);
    expect(areas.rows).toContainEqual(['青石镇', '青石镇 › 青石村 › 网格1', '网格单元', '每周巡查不少于 2 次', 8, 2, '1/4', '逾期']);
    // Notice on 2 April, followed up by P2 the same day, nothing since: 18 days by 20 April, every 3 days → overdue.
    expect(stops.rows).toEqual([['青石镇 › 青石村 › 网格2', '2026-04-02', '2026-04-02', 18, 3, 18, '逾期']]);
  });
});

describe('zero report', () => {
  it('refuses the statement in a month with findings, gives it in a month without', () => {
    expect(zeroReportFigures(PATROLS, 2026, 4)).toEqual({ patrols: 3, nothingFound: 2, withFindings: 1, eligible: false });
    expect(zeroStatementText(zeroReportFigures(PATROLS, 2026, 4))).toContain('不符合零报告条件');
    expect(zeroStatementText(zeroReportFigures(PATROLS, 2026, 5))).toBe('本月巡查未发现违法用地行为。本月共巡查 1 次，均未发现违法用地行为。');
    expect(zeroStatementText(zeroReportFigures(PATROLS, 2026, 6))).toBe('本月无巡查记录，不能出具零报告。');
    const s = zeroReportWorkbook(PATROLS, AREAS, { year: 2026, month: 4, office: '青石镇国土所', created: new Date(0) }).sheets[0]!;
    expect(s.rows.map((r) => r[0])).toEqual(['XC20260401001', 'XC20260408003']);
    expect(s.footerRows?.map((r) => r.text).join('\n')).toMatch(/填报人（签字）.*审核人（签字）.*负责人（签字）[\s\S]*日期.*单位（盖章）/);
  });
});
