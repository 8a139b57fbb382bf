import { describe, expect, it } from 'vitest';
import { checkAreaCode, codePrefixOf, isTwelveDigitCode } from './area-code';

describe('checkAreaCode', () => {
  it.each([
    ['county', '370112000000'],
    ['township', '370112001000'],
    ['village', '370112001203'],
    ['village', '370112100001'],
  ] as const)('accepts a %s code %s', (level, code) => {
    expect(checkAreaCode(level, code)).toEqual({ ok: true, value: code });
  });

  it('accepts an unknown code (null) at every level, cells included', () => {
    for (const level of ['county', 'township', 'village', 'cell'] as const) expect(checkAreaCode(level, null)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['village', '3701120012', 'codeNotTwelveDigits'],
    ['village', '37011200120３', 'codeNotTwelveDigits'], // a full-width digit
    ['village', ' 370112001203', 'codeNotTwelveDigits'],
    ['county', '370112001000', 'codeLevelMismatch'], // a township's code on a county
    ['township', '370112000000', 'codeLevelMismatch'], // a county's code on a township
    ['township', '370112001203', 'codeLevelMismatch'], // a village's code on a township
    ['village', '370112001000', 'codeLevelMismatch'], // a township's code on a village
    ['county', '000112000000', 'codeLevelMismatch'], // no province 00
    ['cell', '370112001203', 'codeOnCell'],
  ] as const)('refuses %s code %j: %s', (level, code, reason) => {
    expect(checkAreaCode(level, code)).toMatchObject({ ok: false, reason, path: 'code' });
  });

  it("wants a child to start with its parent's digits when both are known", () => {
    expect(checkAreaCode('township', '370112001000', { level: 'county', code: '370112000000' }).ok).toBe(true);
    expect(checkAreaCode('township', '370113001000', { level: 'county', code: '370112000000' })).toMatchObject({
      ok: false,
      reason: 'codeParentMismatch',
    });
    expect(checkAreaCode('village', '370112001203', { level: 'township', code: '370112001000' }).ok).toBe(true);
    expect(checkAreaCode('village', '370112002203', { level: 'township', code: '370112001000' })).toMatchObject({
      ok: false,
      reason: 'codeParentMismatch',
    });
    // The parent's code unknown: nothing to compare with.
    expect(checkAreaCode('village', '370112002203', { level: 'township', code: null }).ok).toBe(true);
  });

  it('names the prefixes', () => {
    expect(isTwelveDigitCode('370112001203')).toBe(true);
    expect(isTwelveDigitCode(370112001203)).toBe(false);
    expect(codePrefixOf('township', '370112001203')).toBe('370112001000');
    expect(codePrefixOf('county', '370112001203')).toBe('370112000000');
  });
});
