/**
 * The 责令停止违法行为通知书 of an evidence set (issue 13 item 4), laid out as a display list on A4 portrait:
 * The notice: organ, title, 文书编号, 当事人, facts, provisions, basis, order (the
 *   office's wording, template.ts), officers with 执法证号, the organ's signature with the seal's place and the date,
 *   and a 送达回证 strip below a cut line (on the next page when the notice leaves no room).
 *
 * Figures are never computed here: areas come as AreaRows (already apportioned so they add up), points as the
 * record holds them (X/Y to 0.001 m through the units formatter, 边长 to 0.01 m as survey tables print them).
 * Dates: 2026年12月1日 in Arabic numerals (GB/T 9704-2012 7.3.5.2 for 成文日期; also what pdftotext finds verbatim).
 */
import type { DateKey } from '../patrol/calendar';
import { formatMu, formatSquareMetres } from '../units/format';
import type { Mu, SquareMetres } from '../units/area';
import type { Mark, Sheet } from './sheet-model';
import type { EvidenceTemplate } from './template';
import type { PaperLabels } from './paper-labels';
import { fillPlaceholders, PageFlow, wrapLines } from './text-wrap';
import { textWidthMm } from './text-measure';
import {
  BODY_PT,
  CONTENT_LEFT_MM,
  CONTENT_RIGHT_MM,
  CONTENT_WIDTH_MM,
  chinaDate,
  dateKeyChinese,
  finishPages,
  FLOW_BOTTOM_MM,
  line,
  MARGIN_MM,
  NOTICE_PT,
  paragraphs,
  rect,
  SMALL_PT,
  text,
  A4_PORTRAIT,
} from './paper-kit';

/** What of the record the papers print. */
import { placeText, type PaperRecord } from './paper-record';

export interface StopNoticeInput {
  record: PaperRecord;
  /** 文书编号 (the record's stopNotice.number, or the next number template.nextNoticeNumber gave). */
  number: string;
  /** The notice's date (its 成文日期; the day it is served, as the record's stopNotice.date). */
  date: DateKey;
  /** The plot's area as the comparison gives it (planar, GK; 亩 from it), and of it 永久基本农田 (null: none/unknown). */
  area: { planarM2: number; mu: number; farmlandM2: number | null; farmlandMu: number | null } | null;
}

/** The values the notice's wording may use (template.ts NOTICE_PLACEHOLDERS). */
export function noticeValues(input: StopNoticeInput, template: Pick<EvidenceTemplate, 'organ'>, l: PaperLabels): Record<string, string> {
  const r = input.record;
  const now =
    r.construction === 'levelled'
      ? l.noticeNowLevelled
      : r.construction === 'building'
        ? l.noticeNowBuilding
        : r.construction === 'built'
          ? l.noticeNowBuilt
          : l.noticeNowUnknown;
  const surveyed = r.siteRecord?.startedAt ?? r.inspectedAt;
  return {
    party: r.party?.name.trim() || l.unknown,
    place: placeText(r) || l.unknown,
    date: surveyed === null ? dateKeyChinese(input.date) : chinaDate(surveyed),
    useSince: r.useSince ? dateKeyChinese(r.useSince) : l.unknown,
    use: r.landUse.trim() || l.unknown,
    construction: now,
    areaM2: input.area ? formatSquareMetres(input.area.planarM2 as SquareMetres) : l.unknown,
    areaMu: input.area ? formatMu(input.area.mu as Mu) : l.unknown,
    farmlandM2: input.area?.farmlandM2 != null ? formatSquareMetres(input.area.farmlandM2 as SquareMetres) : '0.00',
    farmlandMu: input.area?.farmlandMu != null ? formatMu(input.area.farmlandMu as Mu) : '0.0000',
    organ: template.organ,
    number: input.number,
  };
}

const RECEIPT_ROW_MM = 9;

/** The 送达回证 strip: a cut line, its title and a ruled table of what the server fills in. */
function receiptMarks(
  y0: number,
  input: StopNoticeInput,
  template: Pick<EvidenceTemplate, 'organ'>,
  l: PaperLabels,
): { marks: Mark[]; heightMm: number } {
  const marks: Mark[] = [];
  marks.push(line(CONTENT_LEFT_MM - 10, y0, CONTENT_RIGHT_MM + 10, y0, 0.2, [2, 1.5]));
  marks.push(text(A4_PORTRAIT.widthMm / 2, y0 + 8, l.receiptTitle, 16, { anchor: 'middle', bold: true }));
  marks.push(text(CONTENT_RIGHT_MM, y0 + 8, l.receiptCut, SMALL_PT, { anchor: 'end' }));
  const rows: [string, string][] = [
    [l.receiptDocument, `${l.noticeTitle}\u3000${input.number}`],
    [l.receiptParty, input.record.party?.name || ''],
    [l.receiptPlace, ''],
    [l.receiptMethod, ''],
    [l.receiptServer, ''],
    [l.receiptSign, ''],
    [l.receiptTime, l.receiptTimeBlank],
    [l.receiptNote, ''],
  ];
  let y = y0 + 14;
  const labelW = 46;
  for (const [k, v] of rows) {
    marks.push(
      rect(CONTENT_LEFT_MM, y, CONTENT_WIDTH_MM, RECEIPT_ROW_MM),
      line(CONTENT_LEFT_MM + labelW, y, CONTENT_LEFT_MM + labelW, y + RECEIPT_ROW_MM),
    );
    marks.push(text(CONTENT_LEFT_MM + labelW / 2, y + RECEIPT_ROW_MM / 2, k, BODY_PT, { anchor: 'middle' }));
    if (v) marks.push(text(CONTENT_LEFT_MM + labelW + 2, y + RECEIPT_ROW_MM / 2, v, BODY_PT, { maxWidthMm: CONTENT_WIDTH_MM - labelW - 4 }));
    y += RECEIPT_ROW_MM;
  }
  marks.push(text(CONTENT_RIGHT_MM, y + 5, template.organ, BODY_PT, { anchor: 'end' }));
  return { marks, heightMm: y + 8 - y0 };
}

/** The 责令停止违法行为通知书 as sheets (role 'notice'): the notice, and its 送达回证 below it or on the next page. */
export function layoutStopNotice(input: StopNoticeInput, template: EvidenceTemplate, l: PaperLabels): Sheet[] {
  const r = input.record;
  const cx = A4_PORTRAIT.widthMm / 2;
  const heading = (marks: Mark[], page: number): number => {
    if (page > 0) {
      marks.push(text(CONTENT_LEFT_MM, MARGIN_MM.top + 2, `${l.noticeTitle}${l.continued}`, BODY_PT, { bold: true }));
      marks.push(text(CONTENT_RIGHT_MM, MARGIN_MM.top + 2, input.number, BODY_PT, { anchor: 'end' }));
      return MARGIN_MM.top + 9;
    }
    marks.push(text(cx, MARGIN_MM.top + 6, template.organ, 18, { anchor: 'middle', bold: true }));
    marks.push(text(cx, MARGIN_MM.top + 18, l.noticeTitle, 22, { anchor: 'middle', bold: true }));
    marks.push(text(CONTENT_RIGHT_MM, MARGIN_MM.top + 29, input.number, NOTICE_PT, { anchor: 'end' }));
    return MARGIN_MM.top + 36;
  };
  const flow = new PageFlow(FLOW_BOTTOM_MM, heading);
  const values = noticeValues(input, template, l);
  const fill = (s: string) => fillPlaceholders(s, values);
  paragraphs(flow, [fillPlaceholders(l.noticeParty, { party: values.party as string })], NOTICE_PT, { gapMm: 1 });
  const w = template.wording;
  paragraphs(flow, [fill(w.facts), fill(w.provisions) + fill(w.basis) + fill(w.order), fill(w.remedy), fill(w.contact)], NOTICE_PT, {
    indentEm: 2,
    gapMm: 1.5,
  });
  flow.y += 2;
  // 执法人员: one officer a line, aligned under the first.
  const officers = r.inspectors.map((i) => fillPlaceholders(l.officerItem, { name: i.name, certNo: i.certNo || l.unknown }));
  const lead = fillPlaceholders(l.noticeOfficers, { list: '' });
  const pad = '\u3000'.repeat(Math.round(textWidthMm(lead, NOTICE_PT) / textWidthMm('\u3000', NOTICE_PT)));
  paragraphs(flow, officers.length === 0 ? [lead + l.unknown] : officers.map((o, i) => (i === 0 ? lead : pad) + o), NOTICE_PT);

  // The organ's signature, the seal's place over it and the date, kept together at the right.
  const signH = 34;
  flow.ensure(signH);
  const y = flow.y + 8;
  const right = CONTENT_RIGHT_MM - 8;
  const organW = Math.max(textWidthMm(template.organ, NOTICE_PT), textWidthMm(dateKeyChinese(input.date), NOTICE_PT));
  const sealX = right - organW / 2;
  flow.marks.push(text(right, y + 8, template.organ, NOTICE_PT, { anchor: 'end' }));
  flow.marks.push(text(sealX, y, template.sealText, BODY_PT, { anchor: 'middle', color: '#666666' }));
  flow.marks.push(text(right, y + 16, dateKeyChinese(input.date), NOTICE_PT, { anchor: 'end' }));
  flow.y = y + 22;

  // The 送达回证 on this page when it fits below, else on its own page.
  const probe = receiptMarks(0, input, template, l);
  const bottom = A4_PORTRAIT.heightMm - MARGIN_MM.bottom;
  if (bottom - flow.y >= probe.heightMm + 6) {
    flow.marks.push(...receiptMarks(bottom - probe.heightMm, input, template, l).marks);
  } else {
    flow.newPage();
    flow.marks.push(...receiptMarks(flow.y + 4, input, template, l).marks);
  }
  return finishPages(flow.pages, 'notice', { pageOf: l.pageOf, footSignatures: null });
}

/** Lines of a body text at the notice's size (exposed for the dialog's preview of the template's wording). */
export const noticeLines = (s: string): string[] => wrapLines(s, CONTENT_WIDTH_MM, NOTICE_PT);
