import { describe, expect, it } from 'vitest';
import { isoUtc, parseIsoTime } from './time';

describe('parseIsoTime', () => {
  it('reads UTC and offset times to the same instant on every machine', () => {
    const t = Date.UTC(2026, 3, 20, 1, 0, 0);
    expect(parseIsoTime('2026-04-20T01:00:00Z')).toEqual({ ms: t, zoned: true });
    expect(parseIsoTime('2026-04-20T09:00:00+08:00')).toEqual({ ms: t, zoned: true });
    expect(parseIsoTime('2026-04-20T09:00:00+0800')).toEqual({ ms: t, zoned: true });
    expect(parseIsoTime('2026-04-19T20:30:00-04:30')).toEqual({ ms: t, zoned: true });
    expect(parseIsoTime(' 2026-04-20 01:00:00.250z ')).toEqual({ ms: t + 250, zoned: true });
    expect(parseIsoTime('2026-04-20T01:00Z')).toEqual({ ms: t, zoned: true });
  });

  it('reads a time without an offset as UTC, as GPX prescribes, and says it had none', () => {
    expect(parseIsoTime('2026-04-20T01:00:00')).toEqual({ ms: Date.UTC(2026, 3, 20, 1), zoned: false });
  });

  it('refuses what is not a date-time', () => {
    for (const s of ['2026-04-20', '2026-02-30T01:00:00Z', '2026-04-20T25:00:00Z', 'yesterday', '', '1776645000']) expect(parseIsoTime(s)).toBeNull();
  });

  it('agrees with Date.UTC on every day from 1899 to 2101, leap days and 24:00 included', () => {
    for (let day = Date.UTC(1899, 0, 1); day <= Date.UTC(2101, 11, 31); day += 86_400_000) {
      const iso = new Date(day + 13 * 3_600_000 + 7 * 60_000 + 9_000).toISOString().slice(0, 19);
      expect(parseIsoTime(`${iso}Z`)?.ms).toBe(day + 13 * 3_600_000 + 7 * 60_000 + 9_000);
    }
    expect(parseIsoTime('2028-02-29T24:00:00Z')?.ms).toBe(Date.UTC(2028, 2, 1));
    expect(parseIsoTime('2100-02-29T00:00:00Z')).toBeNull();
  });

  it('writes UTC back without zero milliseconds', () => {
    expect(isoUtc(Date.UTC(2026, 3, 20, 1))).toBe('2026-04-20T01:00:00Z');
    expect(isoUtc(Date.UTC(2026, 3, 20, 1, 0, 0, 5))).toBe('2026-04-20T01:00:00.005Z');
  });
});
