/**
 * The 巡查 panel's and form's pure rules: Beijing time in the form's fields, a month's ledger rows, the form's
 * draft of a patrol and the patch a save stores (new: addPatrol; edit: amendStoredPatrol, which records each
 * changed field in the history), and which datum a track file is asked about.
 *
 * Times are entered and shown in China's time (UTC+8, calendar.ts), whatever the machine's zone: the record's day,
 * its number (XC + yyyyMMdd) and the monthly report all count days in it (README Domain rule 7).
 */
import { dateKey, daysInMonth, type DateKey } from '../../../shared/domain/patrol/calendar';
import type {
  Patrol,
  PatrolAttachment,
  PatrolOfficer,
  PatrolPatch,
  RouteDatum,
  RoutePoint,
  RouteSource,
} from '../../../shared/domain/patrol/patrol-record';
import type { TrackDatum, TrackFormat } from '../../../shared/formats/track/types';
import { beijingInputText, parseBeijingInput } from '../../../shared/domain/patrol/calendar';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export { beijingInputText, parseBeijingInput };

/** '2026-04-20 08:30' (Beijing). */
export const beijingText = (ms: number): string => beijingInputText(ms).replace('T', ' ');

/** 'yyyy-MM', a month of the ledger. */
export type MonthKey = string & { readonly __brand: 'MonthKey' };

export const monthKeyOf = (ms: number): MonthKey => beijingInputText(ms).slice(0, 7) as MonthKey;

export const isMonthKey = (v: string): v is MonthKey => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

/** The month's first and last day. */
export function monthDays(month: MonthKey): { from: DateKey; to: DateKey } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return { from: dateKey(y, m, 1), to: dateKey(y, m, daysInMonth(y, m)) };
}

export function shiftMonth(month: MonthKey, by: number): MonthKey {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(n / 12)}-${pad((n % 12) + 1)}` as MonthKey;
}

export interface LedgerRow {
  id: string;
  number: string;
  /** 'yyyy-MM-dd HH:mm–HH:mm' (Beijing), the end left out when unknown. */
  when: string;
  officers: string;
  areaCount: number;
  /** Nothing found: counts toward the zero report (零报告). */
  zeroReport: boolean;
  deleted: boolean;
  /** The route was imported from a file the user said is GCJ-02 (offset, not shifted). */
  gcj02: boolean;
}

export const officersText = (officers: readonly PatrolOfficer[]): string => officers.map((o) => o.name).join('、');

/** The month's patrols for the ledger, by start time; deleted ones kept (struck through, their history open). */
export function ledgerRows(patrols: readonly Patrol[], month: MonthKey): LedgerRow[] {
  const { from, to } = monthDays(month);
  return patrols
    .filter((p) => p.date >= from && p.date <= to)
    .sort((a, b) => a.startedAt - b.startedAt || a.number.localeCompare(b.number))
    .map((p) => ({
      id: p.id,
      number: p.number,
      when: p.endedAt === null ? beijingText(p.startedAt) : `${beijingText(p.startedAt)}–${beijingText(p.endedAt).slice(11)}`,
      officers: officersText(p.officers),
      areaCount: p.areaIds.length,
      zeroReport: p.nothingFound,
      deleted: p.deletedAt !== null,
      gcj02: p.routeSource?.kind === 'import' && p.routeSource.datum === 'gcj02',
    }));
}

/** The month's figures under the list: patrols (not deleted) and how many of them count toward the zero report. */
export function monthFigures(rows: readonly LedgerRow[]): { patrols: number; zeroReport: number; deleted: number } {
  const live = rows.filter((r) => !r.deleted);
  return { patrols: live.length, zeroReport: live.filter((r) => r.zeroReport).length, deleted: rows.length - live.length };
}

/** What the form holds while the officer types. Times are the fields' text (Beijing); the route as drawn/imported. */
export interface PatrolDraft {
  startText: string;
  endText: string;
  officers: PatrolOfficer[];
  route: RoutePoint[][];
  routeSource: RouteSource | null;
  /** The areas ticked as covered (coverage-table.logic.ts keeps this in step with the route and thresholds). */
  areaIds: string[];
  findings: string;
  measures: string;
  notes: string;
  suspect: { check: string; party: string; contact: string };
  opinion: string;
  review: string;
  followUp: string;
  nothingFound: boolean;
  attachments: PatrolAttachment[];
}

/** A new patrol starting now (to the minute), nothing else filled. */
export function emptyDraft(now: number): PatrolDraft {
  return {
    startText: beijingInputText(now),
    endText: '',
    officers: [],
    route: [],
    routeSource: null,
    areaIds: [],
    findings: '',
    measures: '',
    notes: '',
    suspect: { check: '', party: '', contact: '' },
    opinion: '',
    review: '',
    followUp: '',
    nothingFound: false,
    attachments: [],
  };
}

export function draftFromPatrol(p: Patrol): PatrolDraft {
  return {
    startText: beijingInputText(p.startedAt),
    endText: p.endedAt === null ? '' : beijingInputText(p.endedAt),
    officers: p.officers.map((o) => ({ ...o })),
    route: p.route,
    routeSource: p.routeSource,
    areaIds: [...p.areaIds],
    findings: p.findings,
    measures: p.measures,
    notes: p.notes,
    suspect: { ...p.suspect },
    opinion: p.opinion,
    review: p.review,
    followUp: p.followUp,
    nothingFound: p.nothingFound,
    attachments: [...p.attachments],
  };
}

export type DraftProblem = 'noStart' | 'badEnd' | 'endBeforeStart' | 'noOfficer' | 'officerNoName' | 'nothingFoundButMeasures';

/**
 * What keeps the form from saving. A patrol needs its start and someone who patrolled; an officer row needs a name
 * (a row left empty is ignored). "Nothing found" with 制止措施 written contradicts itself (the zero report would
 * count a patrol that stopped something): the officer must decide.
 */
export function draftProblems(d: PatrolDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  const start = parseBeijingInput(d.startText);
  const end = d.endText.trim() === '' ? null : parseBeijingInput(d.endText);
  if (start === null) out.push('noStart');
  if (d.endText.trim() !== '' && end === null) out.push('badEnd');
  if (start !== null && end !== null && end < start) out.push('endBeforeStart');
  const named = d.officers.filter((o) => o.name.trim() !== '' || o.certNo.trim() !== '');
  if (named.some((o) => o.name.trim() === '')) out.push('officerNoName');
  else if (named.length === 0) out.push('noOfficer');
  if (d.nothingFound && d.measures.trim() !== '') out.push('nothingFoundButMeasures');
  return out;
}

/** The record's fields of a draft without problems (draftProblems empty), trimmed; null when it has problems. */
export function patchFromDraft(d: PatrolDraft): (PatrolPatch & { startedAt: number }) | null {
  if (draftProblems(d).length > 0) return null;
  const startedAt = parseBeijingInput(d.startText) as number;
  return {
    startedAt,
    endedAt: d.endText.trim() === '' ? null : parseBeijingInput(d.endText),
    officers: d.officers.map((o) => ({ name: o.name.trim(), certNo: o.certNo.trim() })).filter((o) => o.name !== ''),
    areaIds: [...new Set(d.areaIds)],
    route: d.route,
    routeSource: d.routeSource,
    findings: d.findings.trim(),
    measures: d.measures.trim(),
    notes: d.notes.trim(),
    suspect: { check: d.suspect.check.trim(), party: d.suspect.party.trim(), contact: d.suspect.contact.trim() },
    opinion: d.opinion.trim(),
    review: d.review.trim(),
    followUp: d.followUp.trim(),
    nothingFound: d.nothingFound,
    attachments: d.attachments,
  };
}

/** The route's start and end times, when its points carry them: offered to fill the form's times. */
export function routeTimes(route: readonly (readonly RoutePoint[])[]): { startMs: number; endMs: number } | null {
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const line of route)
    for (const p of line)
      if (p[2] !== null) {
        startMs = Math.min(startMs, p[2]);
        endMs = Math.max(endMs, p[2]);
      }
  return Number.isFinite(startMs) ? { startMs, endMs } : null;
}

export const routeHasTimes = (route: readonly (readonly RoutePoint[])[]): boolean => route.some((l) => l.some((p) => p[2] !== null));

/** How the app asks about a track file's datum (README Domain rule 4: ask, warn, never shift). */
export interface DatumQuestion {
  /** The user must answer before the route is taken. */
  ask: boolean;
  /** The answer offered (null: none, the user picks). */
  preselected: RouteDatum | null;
  /** Say visibly that the file is probably GCJ-02 (奥维's own formats, or a file naming 奥维). */
  likelyGcj02: boolean;
}

/**
 * GPX is WGS-84 by its specification: taken as such unless the file looks like 奥维's. KML/KMZ are asked about
 * every time (phone apps write GCJ-02 into them); 奥维's .ovkml/.ovkmz, or a file that names 奥维, have GCJ-02
 * preselected.
 */
export function datumQuestion(format: TrackFormat, fileName: string, hint: TrackDatum): DatumQuestion {
  const likelyGcj02 = hint === 'gcj02-likely' || /\.ovkm[lz]$/i.test(fileName);
  if (format === 'gpx' && !likelyGcj02) return { ask: false, preselected: 'wgs84', likelyGcj02 };
  return { ask: true, preselected: likelyGcj02 ? 'gcj02' : null, likelyGcj02 };
}

/** The route's source as the record keeps it: the file as the user gave it, its format, the datum the user chose. */
export const importedSource = (file: string, format: TrackFormat, datum: RouteDatum): RouteSource => ({ kind: 'import', file, format, datum });

/** The warning the form and the patrol carry: an imported route the user said is GCJ-02. */
export const isGcj02Route = (s: RouteSource | null): boolean => s?.kind === 'import' && s.datum === 'gcj02';
