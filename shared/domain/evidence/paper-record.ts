/**
 * What of an inspection record the papers print (papers.ts: the 现场勘测笔录 and the 责令停止违法行为通知书), and the
 * texts both papers take from it.
 */
import type { Inspection } from '../inspection/inspection-record';
import type { PaperLabels } from './paper-labels';
import { fillPlaceholders } from './text-wrap';

/** What of the record the papers print. */
export type PaperRecord = Pick<
  Inspection,
  | 'id'
  | 'number'
  | 'taskNo'
  | 'location'
  | 'inspectedAt'
  | 'inspectors'
  | 'party'
  | 'landUse'
  | 'useSince'
  | 'construction'
  | 'description'
  | 'stopNotice'
  | 'siteRecord'
>;

export const placeText = (r: PaperRecord): string =>
  [r.location.township, r.location.village, r.location.place].filter((s) => s.trim() !== '').join('');

export const officersText = (r: PaperRecord, l: PaperLabels): string =>
  r.inspectors.map((i) => fillPlaceholders(l.officerItem, { name: i.name, certNo: i.certNo || l.unknown })).join('、');
