/**
 * The 现场勘测笔录 section's logic (issue 13 item 4): what the section edits of the record's `siteRecord` (勘测时间
 * from–to, 见证人, 仪器及方法, 四至, whether the party was present, the refusal's reason), the draft as the inputs hold
 * it (times as Beijing-time datetime-local text), its problems named by field, and the record value it saves.
 * Pure: the component only binds it.
 */
import type { SiteRecord, Witness } from '../../../../shared/domain/inspection/inspection-record';
import { checkIdCardNumber } from '../../../../shared/domain/inspection/party-ids';
import { canonicalJson } from '../../../../shared/domain/inspection/canonical';
import { daysInMonth, localDateOf } from '../../../../shared/domain/patrol/calendar';
import type { MessageKey, Translate } from '../../../i18n';

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → 'yyyy-MM-ddTHH:mm' in Beijing time (a datetime-local input's value; the papers print China time). */
export function beijingInputText(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 'yyyy-MM-ddTHH:mm[:ss]' read as Beijing time → epoch ms; null for anything else. */
export function parseBeijingInput(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
}

export interface SiteRecordDraft {
  startedText: string;
  endedText: string;
  witnesses: Witness[];
  instrument: string;
  method: string;
  east: string;
  south: string;
  west: string;
  north: string;
  partyPresent: boolean;
  refusal: string;
}

/** The draft of a record's site facts; a record without them starts at its 核查时间 (the officer adjusts it). */
export function draftOfSiteRecord(s: SiteRecord | null, inspectedAt: number | null): SiteRecordDraft {
  const start = s ? s.startedAt : inspectedAt;
  return {
    startedText: start === null ? '' : beijingInputText(start),
    endedText: s?.endedAt == null ? '' : beijingInputText(s.endedAt),
    witnesses: s ? s.witnesses.map((w) => ({ ...w })) : [],
    instrument: s?.instrument ?? '',
    method: s?.method ?? '',
    east: s?.boundaries.east ?? '',
    south: s?.boundaries.south ?? '',
    west: s?.boundaries.west ?? '',
    north: s?.boundaries.north ?? '',
    partyPresent: s?.partyPresent ?? true,
    refusal: s?.refusal ?? '',
  };
}

const witnessEmpty = (w: Witness) => w.name.trim() === '' && w.idNo.trim() === '' && w.contact.trim() === '';

/** The record value of a draft: texts trimmed, empty witness rows dropped. Null times stay null. */
export function siteRecordOfDraft(d: SiteRecordDraft): SiteRecord {
  return {
    startedAt: d.startedText.trim() === '' ? null : parseBeijingInput(d.startedText),
    endedAt: d.endedText.trim() === '' ? null : parseBeijingInput(d.endedText),
    witnesses: d.witnesses
      .filter((w) => !witnessEmpty(w))
      .map((w) => ({ name: w.name.trim(), idNo: w.idNo.trim().toUpperCase(), contact: w.contact.trim() })),
    instrument: d.instrument.trim(),
    method: d.method.trim(),
    boundaries: { east: d.east.trim(), south: d.south.trim(), west: d.west.trim(), north: d.north.trim() },
    partyPresent: d.partyPresent,
    refusal: d.refusal.trim(),
  };
}

export type SiteIssueCode = 'badTime' | 'endBeforeStart' | 'inFuture' | 'witnessName' | 'witnessIdNo' | 'refusalAbsent';

export interface SiteIssue {
  /** 'startedAt', 'endedAt', 'witnesses.1.name', 'witnesses.1.idNo', 'refusal'. */
  field: string;
  code: SiteIssueCode;
  /** An error keeps the draft from being saved; a warning is said and the officer decides. */
  severity: 'error' | 'warning';
}

/** The draft's problems, in the section's order ([] when it may be saved). `nowMs` bounds the times. */
export function siteRecordIssues(d: SiteRecordDraft, nowMs: number): SiteIssue[] {
  const out: SiteIssue[] = [];
  const time = (field: 'startedAt' | 'endedAt', text: string): number | null => {
    if (text.trim() === '') return null;
    const ms = parseBeijingInput(text);
    if (ms === null) out.push({ field, code: 'badTime', severity: 'error' });
    else if (ms > nowMs) out.push({ field, code: 'inFuture', severity: 'error' });
    return ms;
  };
  const start = time('startedAt', d.startedText);
  const end = time('endedAt', d.endedText);
  if (start !== null && end !== null && end < start) out.push({ field: 'endedAt', code: 'endBeforeStart', severity: 'error' });
  const today = localDateOf(nowMs);
  d.witnesses.forEach((w, i) => {
    if (witnessEmpty(w)) return;
    if (w.name.trim() === '') out.push({ field: `witnesses.${i}.name`, code: 'witnessName', severity: 'error' });
    // A witness's 身份证号 is checked like the party's; other IDs (a passport) are kept with a warning.
    if (w.idNo.trim() !== '' && checkIdCardNumber(w.idNo.trim().toUpperCase(), today))
      out.push({ field: `witnesses.${i}.idNo`, code: 'witnessIdNo', severity: 'warning' });
  });
  if (!d.partyPresent && d.refusal.trim() !== '') out.push({ field: 'refusal', code: 'refusalAbsent', severity: 'warning' });
  return out;
}

export const canSaveSiteRecord = (issues: readonly SiteIssue[]): boolean => issues.every((i) => i.severity !== 'error');

/**
 * Whether saving the draft would change what the section showed (the stored facts, or for a record without them the
 * draft it started from): compared as record values, so a time shown to the minute is not a change by its seconds.
 */
export const siteRecordChanged = (stored: SiteRecord | null, inspectedAt: number | null, d: SiteRecordDraft): boolean =>
  canonicalJson(siteRecordOfDraft(draftOfSiteRecord(stored, inspectedAt))) !== canonicalJson(siteRecordOfDraft(d));

/** Each issue's message by its field. */
export function siteIssueMessages(issues: readonly SiteIssue[], t: Translate): Map<string, string> {
  const m = new Map<string, string>();
  for (const i of issues) if (!m.has(i.field)) m.set(i.field, t(`evidencePapers.site.issue.${i.code}` as MessageKey));
  return m;
}
