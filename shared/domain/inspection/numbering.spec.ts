import { describe, expect, it } from 'vitest';
import type { DateKey } from '../patrol/calendar';
import { checkNumberPattern, DEFAULT_NUMBER_PATTERN, formatRecordNumber, nextRecordNumber } from './numbering';

const day = '2026-04-20' as DateKey;

describe('record numbers in the office’s pattern', () => {
  it('formats the day and the padded serial', () => {
    expect(formatRecordNumber('杏国土核〔{yyyy}〕{seq:3}号', day, 12)).toBe('杏国土核〔2026〕012号');
    expect(formatRecordNumber('HC{yy}{MM}{dd}-{seq:4}', day, 7)).toBe('HC260420-0007');
    expect(formatRecordNumber(DEFAULT_NUMBER_PATTERN, day, 1)).toBe('核〔2026〕001号');
  });

  it('counts on from the highest serial of the same year, never reusing one', () => {
    const p = '杏国土核〔{yyyy}〕{seq:3}号';
    expect(nextRecordNumber(p, day, [])).toBe('杏国土核〔2026〕001号');
    expect(nextRecordNumber(p, day, ['杏国土核〔2026〕003号', '杏国土核〔2026〕011号', '杏国土核〔2025〕099号', '别的〔2026〕500号'])).toBe(
      '杏国土核〔2026〕012号',
    );
    // A serial past its padding keeps counting.
    expect(nextRecordNumber(p, day, ['杏国土核〔2026〕999号'])).toBe('杏国土核〔2026〕1000号');
    // Days inside the pattern do not restart the count.
    expect(nextRecordNumber('HC{yy}{MM}{dd}-{seq:4}', day, ['HC260101-0041'])).toBe('HC260420-0042');
  });

  it('refuses a pattern that cannot number records', () => {
    expect(checkNumberPattern('核〔{yyyy}〕号')).toBe('noSerial');
    expect(checkNumberPattern('{seq}{seq}')).toBe('twoSerials');
    expect(checkNumberPattern('{year}-{seq}')).toBe('unknownPlaceholder');
    expect(checkNumberPattern(DEFAULT_NUMBER_PATTERN)).toBeNull();
  });
});
