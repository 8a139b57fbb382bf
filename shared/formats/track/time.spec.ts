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

  it('writes UTC back without zero milliseconds', () => {
    expect(isoUtc(Date.UTC(2026, 3, 20, 1))).toBe('2026-04-20T01:00:00Z');
    expect(isoUtc(Date.UTC(2026, 3, 20, 1, 0, 0, 5))).toBe('2026-04-20T01:00:00.005Z');
  });
});
