/**
 * The 核查 list's pure rules (issue 11 item 6): a list row per stored record (its summary, list.ts, plus where it is
 * on the map), the filter the panel's controls make, the table's sort, the choices the township and village menus
 * offer, the map's features by status, and the export sheet. The list worker (inspection-list.worker.ts) runs these
 * over every stored record; the panel and the table only show what it answers.
 */
import type { Conclusion, Inspection, InspectionSource } from '../../../shared/domain/inspection/inspection-record';
import type { InspectionFilter, InspectionSummary } from '../../../shared/domain/inspection/list';
import { summaryRecordOf, type InspectionSummaryRecord, type PlotOutline } from '../../../shared/domain/inspection/summary-record';
import { INSPECTION_STATUSES, type InspectionStatus } from '../../../shared/domain/inspection/status';
import type { DateKey } from '../../../shared/domain/patrol/calendar';

/**
 * A list row: a record's stored summary (summary-record.ts), as the list worker reads it from its store: the list's
 * fields, the plot's box and centre (the pin, the zoom) and its outline (the map).
 */
export type ListRow = InspectionSummaryRecord;

/** A record's row (the summary the repository stores with it). */
export const listRowOf = (r: Inspection): ListRow => summaryRecordOf(r);

export const SOURCE_KINDS = ['patch', 'patrol', 'tip', 'drawn', 'typed', 'survey'] as const satisfies readonly InspectionSource['kind'][];
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** '' any; 'none' not concluded yet. */
export type ConclusionChoice = Conclusion | 'none' | '';

/** What the panel's controls hold. */
export interface ListUi {
  text: string;
  statuses: readonly InspectionStatus[];
  from: DateKey | null;
  to: DateKey | null;
  township: string;
  village: string;
  conclusion: ConclusionChoice;
  source: SourceKind | '';
}

export const EMPTY_UI: ListUi = { text: '', statuses: [], from: null, to: null, township: '', village: '', conclusion: '', source: '' };

/** The controls as the domain's filter (an empty control filters nothing). */
export function filterOf(ui: ListUi): InspectionFilter {
  const f: InspectionFilter = {};
  if (ui.text.trim() !== '') f.text = ui.text.trim();
  if (ui.statuses.length > 0) f.statuses = ui.statuses;
  if (ui.from) f.from = ui.from;
  if (ui.to) f.to = ui.to;
  if (ui.township !== '') f.township = ui.township;
  if (ui.village !== '') f.village = ui.village;
  if (ui.conclusion !== '') f.conclusions = [ui.conclusion === 'none' ? null : ui.conclusion];
  if (ui.source !== '') f.sources = [ui.source];
  return f;
}

export const toggleStatus = (list: readonly InspectionStatus[], s: InspectionStatus): InspectionStatus[] =>
  list.includes(s) ? list.filter((x) => x !== s) : INSPECTION_STATUSES.filter((x) => x === s || list.includes(x));

export const SORT_KEYS = ['number', 'taskNo', 'township', 'village', 'day', 'conclusion', 'status', 'photoCount', 'submitted'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface ListSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** A header click: the same column flips its direction, another starts ascending (dates and counts descending). */
export const nextSort = (s: ListSort | null, key: SortKey): ListSort =>
  s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'day' || key === 'photoCount' ? 'desc' : 'asc' };

const collator = new Intl.Collator('zh-CN', { numeric: true });
const CONCLUSION_ORDER: Record<string, number> = { legal: 0, illegal: 1, falseChange: 2, other: 3, null: 4 };
const STATUS_ORDER = Object.fromEntries(INSPECTION_STATUSES.map((s, i) => [s, i])) as Record<InspectionStatus, number>;

function compareBy(key: SortKey): (a: ListRow, b: ListRow) => number {
  switch (key) {
    case 'number':
    case 'taskNo':
    case 'township':
    case 'village':
      return (a, b) => {
        // Empty text sorts last whichever the direction (applied before the direction below).
        return collator.compare(a[key], b[key]);
      };
    case 'day':
      return (a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);
    case 'conclusion':
      return (a, b) => (CONCLUSION_ORDER[String(a.conclusion)] ?? 9) - (CONCLUSION_ORDER[String(b.conclusion)] ?? 9);
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'photoCount':
      return (a, b) => a.photoCount - b.photoCount;
    case 'submitted':
      return (a, b) => Number(a.submitted) - Number(b.submitted);
  }
}

/**
 * The rows in the table's order. Null sort: as given (filterInspections' newest first). Ties keep the given order
 * (Array.prototype.sort is stable), so a column sort is newest first within equal values; empty text cells sort last.
 */
export function sortRows<R extends ListRow>(rows: readonly R[], sort: ListSort | null): R[] {
  if (!sort) return [...rows];
  const cmp = compareBy(sort.key);
  const sign = sort.dir === 'asc' ? 1 : -1;
  const isText = sort.key === 'number' || sort.key === 'taskNo' || sort.key === 'township' || sort.key === 'village';
  return [...rows].sort((a, b) => {
    if (isText) {
      const ea = a[sort.key as 'number'] === '';
      const eb = b[sort.key as 'number'] === '';
      if (ea !== eb) return ea ? 1 : -1;
    }
    return sign * cmp(a, b);
  });
}

/** The townships (name order) and each township's villages the records name: the filter menus' choices. */
export function choicesOf(rows: Iterable<InspectionSummary>): { townships: string[]; villages: Record<string, string[]> } {
  const by = new Map<string, Set<string>>();
  for (const r of rows) {
    let v = by.get(r.township);
    if (!v) by.set(r.township, (v = new Set()));
    if (r.village !== '') v.add(r.village);
  }
  const townships = [...by.keys()].filter((t) => t !== '').sort(collator.compare);
  const villages: Record<string, string[]> = {};
  for (const [t, v] of by) villages[t] = [...v].sort(collator.compare);
  return { townships, villages };
}

/** The villages a township's menu offers ('' township: every village named). */
export function villagesOf(choices: { villages: Record<string, string[]> }, township: string): string[] {
  if (township !== '') return choices.villages[township] ?? [];
  return [...new Set(Object.values(choices.villages).flat())].sort(collator.compare);
}

/** Colours per status: the map's fills, its pins, the legend and the table's status text. */
export const STATUS_STYLE: Record<InspectionStatus, { fill: string; line: string; opacity: number }> = {
  // 待核查: still to be visited — orange (amber reads as the farmland's yellow).
  pending: { fill: '#e67e22', line: '#a84300', opacity: 0.55 },
  checked: { fill: '#2e86de', line: '#1b4f72', opacity: 0.5 },
  // 已制止: an illegal use stopped on site, the most urgent to follow — red, more opaque over the yellow farmland.
  stopped: { fill: '#d63a2f', line: '#8e1b12', opacity: 0.7 },
  filed: { fill: '#8e44ad', line: '#5b2c6f', opacity: 0.6 },
  closed: { fill: '#2e9e44', line: '#1e7a32', opacity: 0.5 },
};

/**
 * Above this many records in the filter the map shows their pins only: 10,000 plots at a county's scale are below a
 * pixel each, and their rings would be cut into tiles for nothing. Filtering to a township or a status brings the
 * plots back.
 */
export const MAX_PLOTS_ON_MAP = 2000;

/** What the map's answer says besides its features (the legend, the click). */
export interface ListMapFigures {
  /** A feature's fid is its index here (what a map click names). */
  ids: string[];
  /** The plots are drawn (else only their pins: more records than MAX_PLOTS_ON_MAP). */
  plots: boolean;
  /** Records without a plot (not on the map). */
  unplaced: number;
  counts: Record<InspectionStatus, number>;
}

export interface ListMapData extends ListMapFigures {
  /**
   * Every plot and pin as ONE FeatureCollection's JSON text, each feature's properties `fid` and the record's
   * `status` (the map colours by it): written straight from the summaries' packed outlines, no feature objects made.
   */
  text: string;
}

/** A #rrggbb colour with an alpha: the status's fill opacity goes into its colour, so one layer draws every status. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/** The map's colours per status for the one layer's `colorBy` (fill with its opacity, outline, pin). */
export const STATUS_COLORS = {
  fill: Object.fromEntries(INSPECTION_STATUSES.map((s) => [s, withAlpha(STATUS_STYLE[s].fill, STATUS_STYLE[s].opacity)])),
  line: Object.fromEntries(INSPECTION_STATUSES.map((s) => [s, STATUS_STYLE[s].line])),
  pin: Object.fromEntries(INSPECTION_STATUSES.map((s) => [s, STATUS_STYLE[s].fill])),
} as const;

/** A packed outline as GeoJSON geometry text (a Polygon, or a MultiPolygon of its parts). */
function outlineJson(o: PlotOutline): string {
  const parts: string[] = [];
  let ring = 0;
  let pair = 0;
  for (const polygonEnd of o.polygonEnds) {
    const rings: string[] = [];
    for (; ring < polygonEnd; ring++) {
      const xy: string[] = [];
      for (; pair < o.ringEnds[ring]!; pair++) xy.push(`[${o.xy[pair * 2]!},${o.xy[pair * 2 + 1]!}]`);
      rings.push(`[${xy.join(',')}]`);
    }
    parts.push(`[${rings.join(',')}]`);
  }
  return parts.length === 1 ? `{"type":"Polygon","coordinates":${parts[0]!}}` : `{"type":"MultiPolygon","coordinates":[${parts.join(',')}]}`;
}

/**
 * Each record's pin at its summary's centre and, when the filter holds no more than `maxPlots` records, its plot
 * (the summary's outline), as one collection's text; `fid` = index in `ids`, `status` the record's. The pin lets a
 * county-wide view show 10,000 plots of a few hundred square metres each, which are below a pixel there.
 */
export function mapDataOf(rows: readonly ListRow[], maxPlots: number = MAX_PLOTS_ON_MAP): ListMapData {
  const features: string[] = [];
  const counts = Object.fromEntries(INSPECTION_STATUSES.map((s) => [s, 0])) as Record<InspectionStatus, number>;
  const ids: string[] = [];
  let unplaced = 0;
  const plots = rows.length <= maxPlots;
  for (const r of rows) {
    if (!r.centre || (plots && !r.outline)) {
      unplaced++;
      continue;
    }
    const fid = ids.length;
    ids.push(r.id);
    counts[r.status]++;
    const props = `"properties":{"fid":${fid},"status":"${r.status}"}`;
    if (plots && r.outline) features.push(`{"type":"Feature",${props},"geometry":${outlineJson(r.outline)}}`);
    features.push(`{"type":"Feature",${props},"geometry":{"type":"Point","coordinates":[${r.centre[0]},${r.centre[1]}]}}`);
  }
  return { ids, plots, unplaced, counts, text: `{"type":"FeatureCollection","features":[${features.join(',')}]}` };
}

const rateFormats = {
  'zh-CN': new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A rate as the table prints it: 66.7 % (one decimal), "—" without a denominator. */
export const rateText = (rate: number | null, lang: 'zh-CN' | 'en'): string =>
  rate === null ? '—' : `${rateFormats[lang].format(Math.round(rate * 1000) / 10)}%`;
