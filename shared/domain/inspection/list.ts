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
  /** How many photos the record holds (by their SHA-256). */
  photoCount: number;
  /** The record was filed as a case (已立案) at some point: it is 已立案 now, or its history moved it there. */
  filed: boolean;
}

/** Whether the history ever moved the record to 已立案 (a closed case was filed first; a closed legal plot was not). */
const everFiled = (r: Inspection): boolean =>
  r.status === 'filed' || r.history.some((e) => e.changes.some((c) => c.field === 'status' && c.after === 'filed'));

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
    photoCount: r.photoHashes.length,
    filed: everFiled(r),
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

/** The list's order: newest inspection first, then the latest edit, then the number. */
export const compareNewestFirst = (a: InspectionSummary, b: InspectionSummary): number =>
  a.day < b.day ? 1 : a.day > b.day ? -1 : b.updatedAt - a.updatedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/** Whether a summary passes the filter (the test filterInspections applies to each). */
export function filterTest(f: InspectionFilter): (s: InspectionSummary) => boolean {
  const words = (f.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const statuses = f.statuses && f.statuses.length > 0 ? new Set(f.statuses) : null;
  const conclusions = f.conclusions && f.conclusions.length > 0 ? new Set(f.conclusions) : null;
  const sources = f.sources && f.sources.length > 0 ? new Set(f.sources) : null;
  return (s) =>
    (!statuses || statuses.has(s.status)) &&
    (!conclusions || conclusions.has(s.conclusion)) &&
    (!sources || sources.has(s.source)) &&
    (!f.township || s.township === f.township) &&
    (!f.village || s.village === f.village) &&
    (!f.from || s.day >= f.from) &&
    (!f.to || s.day <= f.to) &&
    (words.length === 0 || words.every((w) => haystack(s).includes(w)));
}

/** The summaries that pass the filter, newest inspection first (then the latest edit, then the number). */
export function filterInspections<S extends InspectionSummary>(all: readonly S[], f: InspectionFilter): S[] {
  return all.filter(filterTest(f)).sort(compareNewestFirst);
}

/**
 * filterInspections over summaries already in its order (sorted once with compareNewestFirst, as the list worker
 * holds them): a filter keeps the order, so a query is one pass and no sort.
 */
export function filterSorted<S extends InspectionSummary>(sorted: readonly S[], f: InspectionFilter): S[] {
  if (Object.keys(f).length === 0) return [...sorted];
  return sorted.filter(filterTest(f));
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

/**
 * A township's case figures (卫片执法's 立案率 and 结案率) beside its counts by status: among the records concluded
 * 违法 (illegal), how many were filed as cases (立案: 已立案 now, or closed after being filed), and of those how many
 * are closed (结案). A 违法 record stopped and closed without a case (the party removed the building) counts as
 * illegal, not filed. Rates are null when their denominator is 0 (printed "—", never 0 %).
 */
export interface CaseFigures {
  illegal: number;
  filed: number;
  closedCases: number;
  /** filed / illegal. */
  filingRate: number | null;
  /** closedCases / filed. */
  closingRate: number | null;
}

export function caseFiguresOf(all: Iterable<InspectionSummary>): CaseFigures {
  let illegal = 0;
  let filed = 0;
  let closedCases = 0;
  for (const s of all) {
    if (s.conclusion !== 'illegal') continue;
    illegal++;
    if (!s.filed) continue;
    filed++;
    if (s.status === 'closed') closedCases++;
  }
  return {
    illegal,
    filed,
    closedCases,
    filingRate: illegal > 0 ? filed / illegal : null,
    closingRate: filed > 0 ? closedCases / filed : null,
  };
}

/** countByTownship with each row's case figures (the same rows, the same order, the total row last as '*'). */
export function townshipFigures(all: readonly InspectionSummary[]): { township: string; counts: StatusCounts; cases: CaseFigures }[] {
  const by = new Map<string, InspectionSummary[]>();
  for (const s of all) {
    const list = by.get(s.township);
    if (list) list.push(s);
    else by.set(s.township, [s]);
  }
  return countByTownship(all).map((row) => ({ ...row, cases: caseFiguresOf(row.township === '*' ? all : (by.get(row.township) ?? [])) }));
}
