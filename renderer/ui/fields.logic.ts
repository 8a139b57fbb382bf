/**
 * The pure parts of the form fields (fields.tsx): how a field's label, hint and error are wired to its control,
 * how typed number text is read, and what a date field accepts. Failures are data with named reasons, so a form
 * can say them in Chinese or English.
 */

/** The ids of one field's parts: the label points at the control, the control at its hint, unit and error. */
export interface FieldIds {
  control: string;
  label: string;
  hint: string;
  unit: string;
  error: string;
}

export const fieldIds = (base: string): FieldIds => ({
  control: base,
  label: `${base}-label`,
  hint: `${base}-hint`,
  unit: `${base}-unit`,
  error: `${base}-error`,
});

/**
 * aria-describedby of a control: its hint, then its unit (so "12" is read as "12 亩"), then its error, each only
 * when shown; undefined when there is none (an empty attribute would point at nothing).
 */
export function describedBy(ids: FieldIds, shown: { hint?: boolean; unit?: boolean; error?: boolean }): string | undefined {
  const parts = [shown.hint && ids.hint, shown.unit && ids.unit, shown.error && ids.error].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Whole numbers only (a count, a zone number). */
  integer?: boolean;
}

export type NumberReading =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; reason: 'notANumber' | 'belowMin' | 'aboveMax' | 'notInteger' };

/**
 * Full-width digits, point and minus (what a Chinese IME types in full-width mode: "１２．５") read as ASCII;
 * spaces and thousands commas (as formatNumber writes "10,653") dropped. A comma is never a decimal point here.
 */
export function normaliseNumberText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uFF0E|\u3002/g, '.')
    .replace(/[\uFF0D\u2212]/g, '-')
    .replace(/\uFF0B/g, '+')
    .replace(/[\s,\uFF0C]/g, '');
}

/** What typed number text says: empty, a number within the rule, or why not. */
export function readNumber(text: string, rule: NumberRule = {}): NumberReading {
  const s = normaliseNumberText(text);
  if (s === '') return { kind: 'empty' };
  // Plain decimal notation only: Number() would also take "0x1A", "1e3" and "Infinity".
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return { kind: 'invalid', reason: 'notANumber' };
  const value = Number(s);
  if (rule.integer && !Number.isInteger(value)) return { kind: 'invalid', reason: 'notInteger' };
  if (rule.min !== undefined && value < rule.min) return { kind: 'invalid', reason: 'belowMin' };
  if (rule.max !== undefined && value > rule.max) return { kind: 'invalid', reason: 'aboveMax' };
  return { kind: 'number', value };
}

/** The value a reading gives the form: the number, null when empty; undefined while the text is not a number. */
export const valueOfReading = (r: NumberReading): number | null | undefined =>
  r.kind === 'number' ? r.value : r.kind === 'empty' ? null : undefined;

/** What the user typed into a number field, and the field's value when it was typed (after any change it made). */
export interface NumberDraft {
  text: string;
  value: number | null;
}

/**
 * The text a number field shows: what the user typed ("1." or "1.50" on the way to 1.5, "-" or "abc" with its
 * error) as long as the value is still the one it was typed for; the value written out once it changed from
 * outside (a reset, another control).
 */
export function numberFieldText(value: number | null, draft: NumberDraft | null): string {
  if (draft && Object.is(draft.value, value)) return draft.text;
  return value === null ? '' : String(value);
}

/** A calendar date as an <input type="date"> gives it: YYYY-MM-DD, a real day (no 2 月 30 日). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The date field's value: the date, or null when cleared or not a real day. */
export const dateValueOf = (s: string): string | null => (isIsoDate(s) ? s : null);
