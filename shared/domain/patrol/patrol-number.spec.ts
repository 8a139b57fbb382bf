import { describe, expect, it } from 'vitest';
import type { DateKey } from './calendar';
import { isPatrolNumber, nextPatrolNumber, parsePatrolNumber } from './patrol-number';

const day = '2026-04-20' as DateKey;

describe('patrol numbers', () => {
  it('start at 001 on a day with none', () => {
    expect(nextPatrolNumber(day, [])).toBe('XC20260420001');
    expect(nextPatrolNumber(day, ['XC20260419007'])).toBe('XC20260420001'); // another day's serials do not count
  });

  it('follow the highest serial of the day, leaving gaps as they are', () => {
    expect(nextPatrolNumber(day, ['XC20260420001', 'XC20260420004', 'XC20260420002'])).toBe('XC20260420005');
    expect(nextPatrolNumber(day, ['XC2026042000012'])).toBe('XC20260420013'); // a city system's 5-digit serial
    expect(nextPatrolNumber(day, ['XC20260420999'])).toBe('XC202604201000');
    expect(nextPatrolNumber(day, ['junk', 'XC2026042', ''])).toBe('XC20260420001');
  });

  it('are recognised and parsed', () => {
    expect(isPatrolNumber('XC20260420001')).toBe(true);
    expect(isPatrolNumber('XC2026042001')).toBe(false);
    expect(isPatrolNumber('xc20260420001')).toBe(false);
    expect(parsePatrolNumber('XC20260420012')).toEqual({ day: '20260420', serial: 12 });
    expect(parsePatrolNumber('XC')).toBeNull();
  });
});
