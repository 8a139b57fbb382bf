/// <reference lib="webworker" />
/**
 * Builds a report off the UI thread: reads the patrols, the rules and the grid from IndexedDB (one snapshot, the
 * same stored records the compliance view reads), builds the workbook (shared/domain/reports: the route lengths
 * are GeographicLib's, the monthly figures computeCompliance's) and writes it with exceljs, which loads only here.
 */
import type { XlsxWorkbook } from '../../../shared/formats/xlsx/workbook';
import { writeXlsx } from '../../../shared/formats/xlsx/write';
import { ledgerWorkbook } from '../../../shared/domain/reports/ledger';
import { monthlyReportWorkbook } from '../../../shared/domain/reports/monthly';
import { patrolsOfMonth } from '../../../shared/domain/reports/report-common';
import { zeroReportFigures, zeroReportWorkbook } from '../../../shared/domain/reports/zero';
import { listGridAreas, listPatrolAreas, listPatrolRules, listPatrols } from '../../db';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import { officerRoleEntries, roleLookup, toReportArea } from './reports.logic';
import type { ReportRun, ReportsProtocol } from './reports.protocol';

serveWorker<ReportsProtocol>({
  build: async (req, ctx): Promise<ReportRun> => {
    ctx.progress({ step: 'reading' });
    const [patrols, rules, grid, patrolAreas] = await Promise.all([listPatrols(), listPatrolRules(), listGridAreas(), listPatrolAreas()]);
    ctx.progress({ step: 'building' });
    // Patrol areas (key areas, corridors, stop-notice sites) stand outside the grid's tree: listed by name under no
    // township, judged by their own rules, their stop notices followed up in 停工跟进.
    const liveAreas = patrolAreas.filter((a) => a.deletedAt === null);
    const areas = [
      ...grid.map(toReportArea),
      ...liveAreas.map((a) => ({ id: a.id, name: a.name, level: 'cell' as const, parentId: null, ruleIds: a.ruleIds })),
    ];
    const complianceAreas = [
      ...grid.map((a) => ({ id: a.id, ruleIds: a.ruleIds })),
      ...liveAreas.map((a) => ({
        id: a.id,
        ruleIds: a.ruleIds,
        ...(a.stopNotice ? { stopNotice: { noticeDate: a.stopNotice.noticeDate, closedDate: a.stopNotice.closedDate } } : {}),
      })),
    ];
    const created = new Date(req.createdMs);
    let book: XlsxWorkbook;
    let listed: number;
    let zeroEligible: boolean | null = null;
    if (req.kind === 'ledger') {
      book = ledgerWorkbook(patrols, areas, { year: req.year, month: req.month, office: req.office, created });
      const months = req.month === 'year' ? Array.from({ length: 12 }, (_, i) => i + 1) : [req.month];
      listed = months.reduce((n, m) => n + patrolsOfMonth(patrols, req.year, m).length, 0);
    } else {
      const month = req.month === 'year' ? 12 : req.month;
      if (req.kind === 'monthly') {
        const input = {
          year: req.year,
          month,
          today: req.today,
          office: req.office,
          patrols,
          areas,
          rules,
          complianceAreas,
          roleOf: roleLookup(officerRoleEntries(grid)),
        };
        book = monthlyReportWorkbook(input, created);
        listed = patrolsOfMonth(patrols, req.year, month).length;
      } else {
        book = zeroReportWorkbook(patrols, areas, { year: req.year, month, office: req.office, created });
        const f = zeroReportFigures(patrols, req.year, month);
        listed = f.nothingFound;
        zeroEligible = f.eligible;
      }
    }
    if (ctx.signal.aborted) throw new CodedError('cancelled');
    ctx.progress({ step: 'writing' });
    const bytes = await writeXlsx(book).catch((err: unknown) => {
      throw CodedError.of('xlsxFailed', err);
    });
    ctx.transfer(bytes.buffer);
    return { bytes, patrols: listed, zeroEligible };
  },
});
