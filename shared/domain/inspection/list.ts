/**
 * The inspection list (issue 11 item 6): search and filter by status, date, township, village, conclusion and
 * source; newest first; and the count of records by status per township (the start of 立案率 / 结案率). Works on
 * the records' summaries (what the list shows), so 10,000 records filter without touching their geometry or
 * history.
 */
import { localDateOf, type DateKey } from '../patrol/calendar';
import type { Conclusion, Inspection, InspectionSource } from './inspection-record';
import type { InspectionStatus } from './status';

export interface InspectionSummary {
  id: string;
  number: string;
  taskNo: string;
  status: InspectionStatus;
  conclusion: Conclusion | null;
  source: InspectionSource['kind'];
  township: string;
  village: string;
  place: string;
  partyName: string;
  /** The China day of the inspection (or of the record's creation while not inspected yet). */
  day: DateKey;
  submitted: boolean;
  updatedAt: number;
}

export function summaryOf(r: Inspection): InspectionSummary {
  return {
    id: r.id,
    number: r.number,
    taskNo: r.taskNo,
    status: r.status,
    conclusion: r.conclusion,
    source: r.source.kind,
    township: r.location.township,
    village: r.location.village,
    place: r.location.place,
    partyName: r.party?.name ?? '',
    day: localDateOf(r.inspectedAt ?? r.createdAt),
    submitted: r.submittedAt !== null,
    updatedAt: r.updatedAt,
  };
}

export interface InspectionFilter {
  /** Words that must all appear in the number, task number, party, place, township or village. */
  text?: string;
  statuses?: readonly InspectionStatus[];
  conclusions?: readonly (Conclusion | null)[];
  sources?: readonly InspectionSource['kind'][];
  township?: string;
  village?: string;
  /** Both days included. */
  from?: DateKey;
  to?: DateKey;
}

const haystack = (s: InspectionSummary): string => `${s.number} ${s.taskNo} ${s.partyName} ${s.place} ${s.township} ${s.village}`.toLowerCase();

/** The summaries that pass the filter, newest inspection first (then the latest edit, then the number). */
export function filterInspections(all: readonly InspectionSummary[], f: InspectionFilter): InspectionSummary[] {
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const statuses = f.statuses && f.statuses.length > 0 ? new Set(f.statuses) : null;
  const conclusions = f.conclusions && f.conclusions.length > 0 ? new Set(f.conclusions) : null;
  const sources = f.sources && f.sources.length > 0 ? new Set(f.sources) : null;
  const out = all.filter(
    (s) =>
      (!statuses || statuses.has(s.status)) &&
      (!conclusions || conclusions.has(s.conclusion)) &&
      (!sources || sources.has(s.source)) &&
      (!f.township || s.township === f.township) &&
      (!f.village || s.village === f.village) &&
      (!f.from || s.day >= f.from) &&
      (!f.to || s.day <= f.to) &&
      (words.length === 0 || words.every((w) => haystack(s).includes(w))),
  );
  return out.sort((a, b) =>
    a.day < b.day ? 1 : a.day > b.day ? -1 : b.updatedAt - a.updatedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );
}

export type StatusCounts = Record<InspectionStatus, number> & { total: number };

/** Records by status per township (townships in name order, '' for records without one), and the total row. */
export function countByTownship(all: readonly InspectionSummary[]): { township: string; counts: StatusCounts }[] {
  const zero = (): StatusCounts => ({ pending: 0, checked: 0, stopped: 0, filed: 0, closed: 0, total: 0 });
  const rows = new Map<string, StatusCounts>();
  const total = zero();
  for (const s of all) {
    let c = rows.get(s.township);
    if (!c) rows.set(s.township, (c = zero()));
    c[s.status]++;
    c.total++;
    total[s.status]++;
    total.total++;
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'zh-CN')));
  return [...sorted.map(([township, counts]) => ({ township, counts })), { township: '*', counts: total }];
}
