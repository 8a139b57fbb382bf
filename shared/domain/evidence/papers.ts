/**
 * The papers of an evidence set (issue 13 item 4), laid out as display lists (sheet-model.ts) on A4 portrait:
 *
 * - layoutSiteRecord: the 现场勘测笔录 as a ruled form (行政诉讼证据规定 第十五条: time, place and events, signed by the
 *   officers and the party, a refusal noted with its reason; 国土资源行政处罚办法 lists it as evidence) — 勘测时间 from–
 *   to, 地点, 勘测人员 with 执法证号, 当事人, 见证人, 仪器及方法, 现状及建设情况, 四至, 面积 (the comparison's rows as the
 *   feature passes them), the 界址点 table, a sketch of the plot with its J labels, 照片编号, the closing line and the
 *   signature and refusal lines; every page carries the party's and officers' initials line and 第 n 页 共 N 页.
 * - layoutStopNotice: the 责令停止违法行为通知书 — organ, title, 文书编号, 当事人, facts, provisions, basis, order (the
 *   office's wording, template.ts), officers with 执法证号, the organ's signature with the seal's place and the date,
 *   and a 送达回证 strip below a cut line (on the next page when the notice leaves no room).
 *
 * Figures are never computed here: areas come as AreaRows (already apportioned so they add up), points as the
 * record holds them (X/Y to 0.001 m through the units formatter, 边长 to 0.01 m as survey tables print them).
 * Dates: 2026年12月1日 in Arabic numerals (GB/T 9704-2012 7.3.5.2 for 成文日期; also what pdftotext finds verbatim).
 */
// The two papers live in their own modules (site-record-paper.ts, stop-notice-paper.ts) over paper-record.ts; these
// names stay importable from here.
export { officersText, placeText, type PaperRecord } from './paper-record';
export { areaTableRows, layoutSiteRecord, pointTableRows, sketchMarks, surveyTimeText, type SiteRecordInput } from './site-record-paper';
export { layoutStopNotice, noticeLines, noticeValues, type StopNoticeInput } from './stop-notice-paper';
