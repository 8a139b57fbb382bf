/**
 * What a submission needs (issue 11 item 1): required fields, two distinct inspectors each with a 执法证号, the
 * party's number checked by its standard (party-ids.ts), no date in the future, a type for an illegal use, a stop
 * notice with its number. Each problem names its field, so the form shows it next to that field in the user's
 * language; a draft may be saved with any of them open.
 */
import { localDateOf, type DateKey } from '../patrol/calendar';
import { checkCreditCode, checkIdCardNumber, type IdNumberReason } from './party-ids';
import type { InspectionContent } from './inspection-record';

export type FormIssueCode =
  | 'required'
  | 'inspectorsTooFew'
  | 'inspectorsSame'
  | 'certNoMissing'
  | 'inFuture'
  | 'violationTypeMissing'
  | 'partyMissing'
  | `idNo.${IdNumberReason}`;

export interface FormIssue {
  /** The field's path in the form: 'inspectors.1.certNo', 'party.idNo', 'stopNotice.number'. */
  field: string;
  code: FormIssueCode;
  /** An error stops the submission; a warning is shown and the officer decides (a pilot-era credit code). */
  severity: 'error' | 'warning';
}

/** Whether the issues let the record be submitted (warnings do). */
export const canSubmit = (issues: readonly FormIssue[]): boolean => issues.every((i) => i.severity !== 'error');

/** Normalised for comparing two inspectors: the same certificate (or, without one, the same name) is one person. */
const personKey = (name: string, certNo: string): string => (certNo.trim() !== '' ? `c:${certNo.trim().toUpperCase()}` : `n:${name.trim()}`);

/** The problems that stop a submission, in the form's order; [] when it may be submitted. `nowMs` bounds times. */
export function checkForSubmit(c: InspectionContent, nowMs: number): FormIssue[] {
  const out: FormIssue[] = [];
  const today: DateKey = localDateOf(nowMs);
  const error = (field: string, code: FormIssueCode) => out.push({ field, code, severity: 'error' });
  const need = (field: string, present: boolean) => {
    if (!present) error(field, 'required');
  };
  need('number', c.number.trim() !== '');
  need('location.township', c.location.township.trim() !== '');
  need('location.place', c.location.place.trim() !== '' || c.location.village.trim() !== '');
  if (c.inspectedAt === null) error('inspectedAt', 'required');
  else if (c.inspectedAt > nowMs) error('inspectedAt', 'inFuture');

  const inspectors = c.inspectors.filter((i) => i.name.trim() !== '');
  if (inspectors.length < 2) error('inspectors', 'inspectorsTooFew');
  const seen = new Set<string>();
  c.inspectors.forEach((i, n) => {
    if (i.name.trim() === '') return;
    if (i.certNo.trim() === '') error(`inspectors.${n}.certNo`, 'certNoMissing');
    const key = personKey(i.name, i.certNo);
    if (seen.has(key)) error(`inspectors.${n}`, 'inspectorsSame');
    seen.add(key);
  });

  need('construction', c.construction !== null);
  need('conclusion', c.conclusion !== null);
  need('description', c.description.trim() !== '');
  if (c.useSince !== null && c.useSince > today) error('useSince', 'inFuture');

  if (c.conclusion === 'illegal') {
    if (c.violationTypes.length === 0) error('violationTypes', 'violationTypeMissing');
    if (c.party === null || c.party.name.trim() === '') error('party.name', 'partyMissing');
  }
  if (c.party && c.party.idNo.trim() !== '') {
    const r = c.party.kind === 'person' ? checkIdCardNumber(c.party.idNo, today) : checkCreditCode(c.party.idNo);
    // Credit codes from the pilots before GB 32100 may fail the check and still be lawful: a warning for those.
    if (r) out.push({ field: 'party.idNo', code: `idNo.${r}`, severity: c.party.kind === 'unit' && r === 'badCheckDigit' ? 'warning' : 'error' });
  }
  if (c.stopNotice) {
    need('stopNotice.number', c.stopNotice.number.trim() !== '');
    if (c.stopNotice.date > today) error('stopNotice.date', 'inFuture');
  }
  return out;
}
