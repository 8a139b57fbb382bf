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

/** The instant of a date-time, or null (a bare date, an impossible day or hour, anything else). */
export function parseIsoTime(text: string): ParsedTime | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const s = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 24 || mi > 59 || s > 60) return null;
  let t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
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
