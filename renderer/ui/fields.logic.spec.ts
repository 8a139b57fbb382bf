import { describe, expect, it } from 'vitest';
import { dateValueOf, describedBy, fieldIds, isIsoDate, normaliseNumberText, numberFieldText, readNumber, valueOfReading } from './fields.logic';

describe('field ids', () => {
  it('derives every part from one id and describes the control by what is shown', () => {
    const ids = fieldIds('area');
    expect(ids).toEqual({ control: 'area', label: 'area-label', hint: 'area-hint', unit: 'area-unit', error: 'area-error' });
    expect(describedBy(ids, { hint: true, unit: true, error: true })).toBe('area-hint area-unit area-error');
    expect(describedBy(ids, { unit: true })).toBe('area-unit');
    expect(describedBy(ids, {})).toBeUndefined();
  });
});

describe('readNumber', () => {
  it('reads plain decimals, full-width IME digits and thousands commas', () => {
    expect(readNumber('12.5')).toEqual({ kind: 'number', value: 12.5 });
    expect(readNumber('１２．５')).toEqual({ kind: 'number', value: 12.5 });
    expect(readNumber('－３')).toEqual({ kind: 'number', value: -3 });
    expect(readNumber('10,653')).toEqual({ kind: 'number', value: 10653 });
    expect(readNumber(' .5 ')).toEqual({ kind: 'number', value: 0.5 });
    expect(readNumber('1.')).toEqual({ kind: 'number', value: 1 });
    expect(normaliseNumberText('１ ２３４，５')).toBe('12345');
  });
  it('says empty apart from not a number', () => {
    expect(readNumber('')).toEqual({ kind: 'empty' });
    expect(readNumber('   ')).toEqual({ kind: 'empty' });
    for (const s of ['abc', '-', '1.2.3', '0x1A', '1e3', 'Infinity', '12亩'])
      expect(readNumber(s), s).toEqual({ kind: 'invalid', reason: 'notANumber' });
  });
  it('checks the range and whole numbers', () => {
    expect(readNumber('-1', { min: 0 })).toEqual({ kind: 'invalid', reason: 'belowMin' });
    expect(readNumber('0', { min: 0 })).toEqual({ kind: 'number', value: 0 });
    expect(readNumber('61', { max: 60 })).toEqual({ kind: 'invalid', reason: 'aboveMax' });
    expect(readNumber('2.5', { integer: true })).toEqual({ kind: 'invalid', reason: 'notInteger' });
    expect(readNumber('39', { integer: true, min: 25, max: 45 })).toEqual({ kind: 'number', value: 39 });
  });
  it('gives the form a number, null when cleared, nothing while not a number', () => {
    expect(valueOfReading(readNumber('3'))).toBe(3);
    expect(valueOfReading(readNumber(''))).toBeNull();
    expect(valueOfReading(readNumber('x'))).toBeUndefined();
  });
});

describe('numberFieldText', () => {
  it('keeps what was typed while the value is the one it was typed for', () => {
    expect(numberFieldText(1, { text: '1.', value: 1 })).toBe('1.');
    expect(numberFieldText(1.5, { text: '1.50', value: 1.5 })).toBe('1.50');
    expect(numberFieldText(null, { text: '', value: null })).toBe('');
    // Not a number yet: the value did not change, the text (and its error) stays.
    expect(numberFieldText(7, { text: '7x', value: 7 })).toBe('7x');
  });
  it('writes the value out when it changed from outside or nothing was typed', () => {
    expect(numberFieldText(2, { text: '1.', value: 1 })).toBe('2');
    expect(numberFieldText(null, { text: '7x', value: 7 })).toBe('');
    expect(numberFieldText(0.0015, null)).toBe('0.0015');
    expect(numberFieldText(null, null)).toBe('');
  });
});

describe('dates', () => {
  it('accepts real calendar days as YYYY-MM-DD only', () => {
    expect(isIsoDate('2026-12-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true); // leap year
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(dateValueOf('2026-06-30')).toBe('2026-06-30');
    expect(dateValueOf('')).toBeNull();
  });
});
