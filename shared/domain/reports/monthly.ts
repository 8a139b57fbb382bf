/**
 * The monthly report (巡查月报): for one month, per township the patrols, the areas they covered, the patrols its
 * areas' rules required against those done, the overdue areas, the patrols with findings and those that found
 * nothing (零报告); per area each rule's required / done / status; the stop-notice sites' follow-ups.
 *
 * Every compliance figure is computeCompliance's for the month (from the 1st to the last day, as of today or the
 * month's end, whichever is earlier) over the same areas, rules and patrols the compliance view is given: the
 * report and the screen cannot disagree. Windows are judged whole (a week across the month's end is one week).
 */
import type { XlsxColumn, XlsxWorkbook } from '../../formats/xlsx/workbook';
import {
  computeCompliance,
  stopNoticeList,
  type AreaCompliance,
  type ComplianceArea,
  type ComplianceStatus,
  type OfficerRole,
} from '../patrol/compliance';
import type { DateKey } from '../patrol/calendar';
import type { PatrolOfficer } from '../patrol/patrol-record';
import type { PatrolRule } from '../patrol/rule';
import {
  areaPathText,
  indexAreas,
  monthRange,
  officeTitle,
  PAGE_FOOTER,
  patrolsOfMonth,
  townshipOf,
  type AreaIndex,
  type ReportArea,
  type ReportPatrol,
} from './report-common';

export interface MonthlyInput {
  year: number;
  month: number;
  /** Today (China day): windows after it are not judged yet. */
  today: DateKey;
  office: string;
  patrols: readonly ReportPatrol[];
  areas: readonly ReportArea[];
  rules: readonly PatrolRule[];
  /** The areas as compliance sees them (rule ids, stop notices); default: each area with its ruleIds. */
  complianceAreas?: readonly ComplianceArea[];
  roleOf: (officer: PatrolOfficer) => OfficerRole | null;
}

export interface TownshipFigures {
  /** null: areas (or patrols) under no township. */
  townshipId: string | null;
  name: string;
  /** Patrols of the month in an area of the township (a patrol over two townships counts in both). */
  patrols: number;
  /** Areas of the township (itself and everything under it) with a patrol this month, of all its areas. */
  areasCovered: number;
  areas: number;
  /** Σ over its areas' rules of computeCompliance's required and done. */
  required: number;
  done: number;
  /** Areas whose status is overdue. */
  overdueAreas: number;
  /** Patrols with findings (not marked nothing found). */
  withFindings: number;
  /** Patrols that found nothing: what the zero report lists. */
  nothingFound: number;
}

export interface MonthlyFigures {
  from: DateKey;
  to: DateKey;
  asOf: DateKey;
  townships: TownshipFigures[];
  /** The whole office: distinct patrols (one over two townships counts once). */
  total: TownshipFigures;
  compliance: AreaCompliance[];
}

const NO_TOWNSHIP = '未归属乡镇';
const NO_AREA = '未关联巡查区域';
/** The group key of patrols that name no area (no area id can be empty). */
const NO_AREA_KEY = '';

const emptyFigures = (townshipId: string | null, name: string): TownshipFigures => ({
  townshipId,
  name,
  patrols: 0,
  areasCovered: 0,
  areas: 0,
  required: 0,
  done: 0,
  overdueAreas: 0,
  withFindings: 0,
  nothingFound: 0,
});

export function monthlyFigures(input: MonthlyInput): MonthlyFigures {
  const { from, to } = monthRange(input.year, input.month);
  const asOf = (input.today < to ? input.today : to) as DateKey;
  const index = indexAreas(input.areas);
  const patrols = patrolsOfMonth(input.patrols, input.year, input.month);
  const compliance = computeCompliance({
    from,
    to,
    asOf,
    areas: input.complianceAreas ?? input.areas.map((a) => ({ id: a.id, ruleIds: a.ruleIds })),
    rules: input.rules,
    // All of them: a week across the month's end is judged whole, with its days in the next or last month.
    patrols: input.patrols,
    roleOf: input.roleOf,
  });

  const byTownship = new Map<string | null, TownshipFigures>();
  const figuresOf = (id: string | null, name: string) => {
    let f = byTownship.get(id);
    if (!f) byTownship.set(id, (f = emptyFigures(id, name)));
    return f;
  };
  const keyOf = (areaId: string): [string | null, string] => {
    const t = townshipOf(areaId, index);
    return t ? [t.id, t.name] : [null, NO_TOWNSHIP];
  };
  // Every township is listed, patrolled or not: a township with no patrol is what the county looks for.
  for (const a of input.areas) if (a.level === 'township') figuresOf(a.id, a.name);
  const covered = new Set(patrols.flatMap((p) => p.areaIds));
  for (const a of input.areas) {
    if (a.level === 'county') continue;
    const f = figuresOf(...keyOf(a.id));
    f.areas++;
    if (covered.has(a.id)) f.areasCovered++;
  }
  for (const r of compliance) {
    if (!index.has(r.areaId) || index.get(r.areaId)!.level === 'county') continue;
    const f = figuresOf(...keyOf(r.areaId));
    for (const rule of r.rules) {
      f.required += rule.required;
      f.done += rule.done;
    }
    if (r.status === 'overdue') f.overdueAreas++;
  }
  const total = emptyFigures(null, '合计');
  for (const p of patrols) {
    const keys = new Map(p.areaIds.map((id) => keyOf(id)));
    if (keys.size === 0) keys.set(NO_AREA_KEY, NO_AREA);
    for (const [id, name] of keys) {
      const f = figuresOf(id, name);
      f.patrols++;
      if (p.nothingFound) f.nothingFound++;
      else f.withFindings++;
    }
    total.patrols++;
    if (p.nothingFound) total.nothingFound++;
    else total.withFindings++;
  }
  // Townships by name; what lies under none of them last.
  const last = (f: TownshipFigures) => Number(f.townshipId === null || f.townshipId === NO_AREA_KEY);
  const townships = [...byTownship.values()].sort((a, b) => last(a) - last(b) || a.name.localeCompare(b.name, 'zh-CN'));
  for (const f of townships) {
    total.areas += f.areas;
    total.areasCovered += f.areasCovered;
    total.required += f.required;
    total.done += f.done;
    total.overdueAreas += f.overdueAreas;
  }
  return { from, to, asOf, townships, total, compliance };
}

export const STATUS_TEXT: Record<ComplianceStatus, string> = { done: '已完成', open: '进行中', dueSoon: '即将到期', overdue: '逾期' };
const statusText = (s: ComplianceStatus | null) => (s === null ? '本月不考核' : STATUS_TEXT[s]);
const LEVEL_TEXT: Record<ReportArea['level'], string> = { county: '县（区）', township: '乡镇', village: '村', cell: '网格单元' };

const SUMMARY_COLUMNS: XlsxColumn[] = [
  { header: '乡镇', width: 16 },
  { header: '巡查次数', numFmt: '0' },
  { header: '巡查覆盖区域数', numFmt: '0' },
  { header: '区域总数', numFmt: '0' },
  { header: '应巡查次数', numFmt: '0' },
  { header: '已巡查次数', numFmt: '0' },
  { header: '逾期区域数', numFmt: '0' },
  { header: '有发现次数', numFmt: '0' },
  { header: '零报告次数（未发现问题）', numFmt: '0' },
];

const summaryRow = (f: TownshipFigures) => [
  f.name,
  f.patrols,
  f.areasCovered,
  f.areas,
  f.required,
  f.done,
  f.overdueAreas,
  f.withFindings,
  f.nothingFound,
];

export const monthlyTitle = (office: string, year: number, month: number) => `${officeTitle(office)} ${year}年${month}月巡查月报`;

function areaRows(fig: MonthlyFigures, index: AreaIndex, rules: readonly PatrolRule[]): (string | number)[][] {
  const ruleName = new Map(rules.map((r) => [r.id as string, r.name]));
  const rows: (string | number)[][] = [];
  for (const r of fig.compliance) {
    const area = index.get(r.areaId);
    if (!area || area.level === 'county') continue;
    const township = townshipOf(area.id, index)?.name ?? NO_TOWNSHIP;
    const head = [township, areaPathText(area.id, index), LEVEL_TEXT[area.level]];
    for (const rule of r.rules)
      rows.push([
        ...head,
        ruleName.get(rule.ruleId) ?? rule.ruleId,
        rule.required,
        rule.done,
        `${rule.windowsMet}/${rule.windowCount}`,
        statusText(rule.status),
      ]);
    for (const id of r.unknownRuleIds) rows.push([...head, `（已删除的规则 ${id}）`, '', '', '', '']);
  }
  return rows;
}

function stopNoticeRows(fig: MonthlyFigures, index: AreaIndex): (string | number)[][] {
  return stopNoticeList(fig.compliance).map((s) => [
    areaPathText(s.areaId, index),
    s.noticeDate,
    s.lastFollowUp ?? '未跟进',
    s.daysSince,
    s.everyDays,
    s.longestGapDays,
    s.closed ? `已结案（${s.closedDate}）` : s.overdue ? '逾期' : s.status === 'dueSoon' ? '即将到期' : '正常',
  ]);
}

/** The monthly report: sheets 汇总 (per township), 区域 (per area and rule), 停工跟进 (stop-notice follow-ups). */
export function monthlyReportWorkbook(input: MonthlyInput, created: Date): XlsxWorkbook {
  const fig = monthlyFigures(input);
  const index = indexAreas(input.areas);
  const title = monthlyTitle(input.office, input.year, input.month);
  const period = `统计期间 ${fig.from} 至 ${fig.to}（截至 ${fig.asOf}）`;
  const head = (sub: string) => [
    { text: title, bold: true, fontSize: 16, align: 'center' as const },
    { text: `${sub}\u3000${period}`, align: 'center' as const },
  ];
  const print = { landscape: true, pageFooter: PAGE_FOOTER };
  const areas = areaRows(fig, index, input.rules);
  const stops = stopNoticeRows(fig, index);
  return {
    creator: officeTitle(input.office),
    created,
    sheets: [
      {
        name: '汇总',
        columns: SUMMARY_COLUMNS,
        rows: [...fig.townships.map(summaryRow), summaryRow(fig.total)],
        frozenColumns: 1,
        titleRows: head('各乡镇巡查情况'),
        footerRows: fig.total.patrols === 0 ? [{ text: '本月无巡查记录。' }] : [],
        borders: true,
        autoFilter: false,
        print,
      },
      {
        name: '区域',
        columns: [
          { header: '乡镇', width: 14 },
          { header: '区域', width: 30, wrap: true },
          { header: '级别' },
          { header: '巡查规则', width: 30, wrap: true },
          { header: '应巡查次数', numFmt: '0' },
          { header: '已巡查次数', numFmt: '0' },
          { header: '达标周期/考核周期' },
          { header: '状态' },
        ],
        rows: areas,
        frozenColumns: 2,
        titleRows: head('各区域巡查考核'),
        footerRows: areas.length === 0 ? [{ text: '没有设置巡查规则的区域。' }] : [],
        borders: true,
        print,
      },
      {
        name: '停工跟进',
        columns: [
          { header: '地块（区域）', width: 30, wrap: true },
          { header: '停止违法行为通知日期', width: 12 },
          { header: '最近跟进日期', width: 12 },
          { header: '距今天数', numFmt: '0' },
          { header: '跟进间隔（天）', numFmt: '0' },
          { header: '最长间隔（天）', numFmt: '0' },
          { header: '状态', width: 20 },
        ],
        rows: stops,
        frozenColumns: 1,
        titleRows: head('已下达停止违法行为通知书地块的跟进'),
        footerRows: stops.length === 0 ? [{ text: '本月无停工跟进地块。' }] : [],
        borders: true,
        print,
      },
    ],
  };
}
