/**
 * Record numbers in the office's own pattern (issue 11 item 1: "number (the office's pattern)"): a template with
 * placeholders — {yyyy} {yy} {MM} {dd} the record's China day, {seq} or {seq:N} the next serial of its year, zero
 * padded to N digits — e.g. '杏国土核〔{yyyy}〕{seq:3}号' → '杏国土核〔2026〕012号'. The serial counts per year among the
 * numbers already given in the same pattern (deleted records keep theirs: a number is never given twice).
 */
import type { DateKey } from '../patrol/calendar';

export const DEFAULT_NUMBER_PATTERN = '核〔{yyyy}〕{seq:3}号';

export type PatternReason = 'noSerial' | 'unknownPlaceholder' | 'twoSerials';

const PLACEHOLDER = /\{([a-zA-Z]+)(?::(\d+))?\}/g;
const KNOWN = new Set(['yyyy', 'yy', 'MM', 'dd', 'seq']);

/** Null when the pattern can number records, else why not. */
export function checkNumberPattern(pattern: string): PatternReason | null {
  let serials = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(m[1] as string)) return 'unknownPlaceholder';
    if (m[1] === 'seq') serials++;
  }
  if (serials === 0) return 'noSerial';
  return serials > 1 ? 'twoSerials' : null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A number in the pattern for `day` with serial `seq`. */
export function formatRecordNumber(pattern: string, day: DateKey, seq: number): string {
  return pattern.replace(PLACEHOLDER, (_m, name: string, width?: string) => {
    switch (name) {
      case 'yyyy':
        return day.slice(0, 4);
      case 'yy':
        return day.slice(2, 4);
      case 'MM':
        return day.slice(5, 7);
      case 'dd':
        return day.slice(8, 10);
      default:
        return String(seq).padStart(width ? Number(width) : 1, '0');
    }
  });
}

/** The serial a number of this pattern carries for the year of `day` (other years' numbers: null). */
function serialOf(pattern: string, day: DateKey, number: string): number | null {
  let re = '';
  let last = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    re += escapeRegExp(pattern.slice(last, m.index));
    const name = m[1] as string;
    if (name === 'yyyy') re += escapeRegExp(day.slice(0, 4));
    else if (name === 'yy') re += escapeRegExp(day.slice(2, 4));
    else if (name === 'MM' || name === 'dd') re += '\\d{2}';
    else re += '(\\d+)';
    last = (m.index ?? 0) + m[0].length;
  }
  re += escapeRegExp(pattern.slice(last));
  const hit = new RegExp(`^${re}$`).exec(number);
  return hit ? Number(hit[1]) : null;
}

/** The next number of the pattern for `day`, after every number already given (in any order). */
export function nextRecordNumber(pattern: string, day: DateKey, existing: Iterable<string>): string {
  let max = 0;
  for (const n of existing) {
    const s = serialOf(pattern, day, n);
    if (s !== null && s > max) max = s;
  }
  return formatRecordNumber(pattern, day, max + 1);
}
