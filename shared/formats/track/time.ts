/**
 * Track times: ISO 8601 / xsd:dateTime as GPX <time> and KML <when> write them, parsed by hand because
 * `Date.parse` reads a time without an offset in the machine's own time zone. GPX 1.1 prescribes UTC, so a time
 * without an offset is read as UTC (`zoned: false`, and the reader says so): the same answer on every machine.
 */

export interface ParsedTime {
  ms: number;
  /** Whether the text carried Z or an offset. */
  zoned: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, mo: number): number => (mo === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31);

/** Days from 1970-01-01 to y-mo-d (proleptic Gregorian; Date.UTC without building a Date). */
function epochDay(y: number, mo: number, d: number): number {
  const yy = y - 1;
  const leapDays = Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 477; // 477: leap days before 1970
  return (y - 1970) * 365 + leapDays + (CUMULATIVE_DAYS[mo - 1] as number) + (mo > 2 && isLeap(y) ? 1 : 0) + d - 1;
}

/** The instant of a date-time, or null (a bare date, an impossible day or hour, anything else). */
export function parseIsoTime(text: string): ParsedTime | null {
  // A handheld writes 20,000 of these per track: no trimmed copy unless there is white space, no Date objects.
  const m = ISO.exec(text.length > 0 && text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32 ? text : text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 24 || mi > 59 || s > 60) return null;
  let t = (((epochDay(y, mo, d) * 24 + h) * 60 + mi) * 60 + Math.min(s, 59)) * 1000 + ms;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0);
    t -= sign * offsetMinutes * 60_000;
  }
  return { ms: t, zoned: zone !== undefined };
}

/** An instant as ISO 8601 UTC ('2026-04-20T01:00:00Z'; milliseconds only when there are some). */
export function isoUtc(ms: number): string {
  const s = new Date(ms).toISOString();
  return s.endsWith('.000Z') ? `${s.slice(0, -5)}Z` : s;
}
