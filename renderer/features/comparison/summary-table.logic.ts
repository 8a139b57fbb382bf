/**
 * 卫片图斑核查一览表 (issue 11 item 2, the batch form of the comparison): one row per patch of a change-patch layer —
 * 图斑编号, 面积 (m² and 亩), 农用地 / 其中耕地 / 建设用地 / 未利用地 (三调), 永久基本农田, 报批 and 供地 (area and document
 * numbers), 规划符合性 and the zones, the on-site conclusion of the stored inspection whose 任务编号 is the patch's
 * JCBH — as an .xlsx. The 三大类 columns with 三调图层外 add up to the patch's 亩 to the last digit (apportioned per row,
 * as the section's blocks); 其中耕地 is part of 农用地. Pure: the worker builds it, the spec reads it.
 */
import type { AreaFigures } from '../../../shared/domain/units/area';
import { TABLE_DIGITS } from '../../../shared/domain/geometry/overlay-table';
import { spreadsheetFormat } from '../../../shared/domain/units/format';
import type { ComparisonOutcome } from '../../../shared/domain/inspection/comparison-run';
import type { Conclusion } from '../../../shared/domain/inspection/inspection-record';
import type { InspectionStatus } from '../../../shared/domain/inspection/status';
import type { XlsxCell, XlsxWorkbook } from '../../../shared/formats/xlsx/workbook';
import type { MessageKey } from '../../i18n';
import type { Translate } from '../../i18n/i18n.logic';
import { apportionParts, refusalText, restOf } from './comparison.logic';

/** The stored inspection of a patch, as the table names it. */
export interface PatchInspection {
  number: string;
  status: InspectionStatus;
  conclusion: Conclusion | null;
  updatedAt: number;
}

/** The latest inspection per 任务编号 (a patch may have been inspected twice: the later record speaks). */
export function inspectionsByTask(list: readonly (PatchInspection & { taskNo: string })[]): Map<string, PatchInspection> {
  const m = new Map<string, PatchInspection>();
  for (const r of list) {
    const key = r.taskNo.trim();
    if (key === '') continue;
    const had = m.get(key);
    if (!had || r.updatedAt > had.updatedAt) m.set(key, { number: r.number, status: r.status, conclusion: r.conclusion, updatedAt: r.updatedAt });
  }
  return m;
}

export interface SummaryRow {
  patchNo: string;
  outcome: ComparisonOutcome;
  inspection: PatchInspection | null;
}

const CONCLUSION_KEY: Record<Conclusion, MessageKey> = {
  legal: 'comparison.conclusion.legal',
  illegal: 'comparison.conclusion.illegal',
  falseChange: 'comparison.conclusion.falseChange',
  other: 'comparison.conclusion.other',
};

const M2 = spreadsheetFormat(TABLE_DIGITS.m2);
const MU = spreadsheetFormat(TABLE_DIGITS.mu);

/** The 一览表 as a workbook (one sheet, title row, borders, A4 landscape). */
export function summaryWorkbook(rows: readonly SummaryRow[], opts: { layerName: string; office: string; created: Date }, t: Translate): XlsxWorkbook {
  const columns = [
    { header: t('comparison.table.seq') },
    { header: t('comparison.table.patchNo') },
    { header: t('comparison.table.areaM2'), numFmt: M2 },
    { header: t('comparison.table.areaMu'), numFmt: MU },
    { header: t('comparison.table.agricultural'), numFmt: MU },
    { header: t('comparison.table.cultivated'), numFmt: MU },
    { header: t('comparison.table.construction'), numFmt: MU },
    { header: t('comparison.table.unused'), numFmt: MU },
    { header: t('comparison.table.noLandClass'), numFmt: MU },
    { header: t('comparison.table.farmland'), numFmt: MU },
    { header: t('comparison.table.approval'), numFmt: MU },
    { header: t('comparison.table.approvalDocs'), wrap: true },
    { header: t('comparison.table.supply'), numFmt: MU },
    { header: t('comparison.table.supplyDocs'), wrap: true },
    { header: t('comparison.table.fits') },
    { header: t('comparison.table.zones'), wrap: true },
    { header: t('comparison.table.record') },
    { header: t('comparison.table.conclusion') },
    { header: t('comparison.table.notes'), wrap: true },
  ];
  const body: XlsxCell[][] = rows.map((r, i) => {
    const head: XlsxCell[] = [i + 1, r.patchNo];
    const ins = r.inspection;
    const tail: XlsxCell[] = [ins?.number ?? '', ins?.conclusion ? t(CONCLUSION_KEY[ins.conclusion]) : ins ? t('comparison.conclusion.pending') : ''];
    if (!r.outcome.ok)
      return [...head, null, null, null, null, null, null, null, null, null, '', null, '', '', '', ...tail, refusalText(r.outcome.refusal, t)];
    const st = r.outcome.stored;
    const s = st.summary;
    const total = s.total;
    const [printedTotal] = apportionParts(total, [total]);
    let three: (number | null)[] = [null, null, null, null, null];
    if (s.landClass) {
      const lc = s.landClass;
      const parts = apportionParts(total, [lc.three.agricultural, lc.three.construction, lc.three.unused, lc.three.unclassified, lc.uncovered]);
      const [agri, cons, unused, unclassified, outside] = parts;
      // 耕地 is part of 农用地: apportioned with the rest of it, within the printed 农用地.
      const [cult] = apportionParts(agri!, [lc.cultivated, restOf(lc.three.agricultural, [lc.cultivated])], agri);
      three = [agri!.mu, cult!.mu, cons!.mu, unused!.mu, outside!.mu + unclassified!.mu];
    }
    const inside = (io: { inside: AreaFigures; outside: AreaFigures } | null) => (io ? apportionParts(total, [io.inside, io.outside])[0]!.mu : null);
    const docs = (role: 'approval' | 'supply') =>
      st.documents[role]
        .map((d) => d.doc)
        .filter((d): d is string => d !== null)
        .join('\n');
    const fits = s.planning
      ? t(
          s.planning.fits === true
            ? 'comparison.fits.short.yes'
            : s.planning.fits === false
              ? 'comparison.fits.short.no'
              : 'comparison.fits.short.unknown',
        )
      : '';
    const zones = s.planning
      ? s.planning.zones
          .filter((z) => z.area.planarM2 > 0)
          .map((z) => z.name)
          .join('、')
      : '';
    const notes: string[] = [];
    if (!s.complete) notes.push(t('comparison.incomplete'));
    if (s.landClass && s.landClass.three.unclassified.planarM2 > 0) notes.push(t('comparison.table.unclassifiedNote'));
    return [
      ...head,
      printedTotal!.planarM2,
      printedTotal!.mu,
      ...three,
      inside(s.farmland),
      inside(s.approval),
      docs('approval'),
      inside(s.supply),
      docs('supply'),
      fits,
      zones,
      ...tail,
      notes.join('；'),
    ];
  });
  return {
    creator: opts.office || 'LandPatrol',
    created: opts.created,
    sheets: [
      {
        name: t('comparison.table.sheet'),
        columns,
        rows: body,
        frozenColumns: 2,
        borders: true,
        titleRows: [
          { text: t('comparison.table.title', { office: opts.office }), bold: true, fontSize: 14, align: 'center' },
          { text: t('comparison.table.subtitle', { layer: opts.layerName, count: rows.length }), align: 'left' },
        ],
        footerRows: [{ text: t('comparison.table.basis') }, { text: t('comparison.table.sign') }],
        print: { landscape: true, pageFooter: t('comparison.table.pageFooter') },
      },
    ],
  };
}
