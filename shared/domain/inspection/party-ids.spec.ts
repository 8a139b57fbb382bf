import { describe, expect, it } from 'vitest';
import type { DateKey } from '../patrol/calendar';
import { checkCreditCode, checkIdCardNumber, creditCodeCheckChar, idCardCheckChar } from './party-ids';

const TODAY = '2026-12-01' as DateKey;

describe('居民身份证号码 (GB 11643-1999)', () => {
  it('accepts the standard’s published examples', () => {
    // GB 11643-1999 Appendix: 11010519491231002X and 440524188001010014.
    expect(checkIdCardNumber('11010519491231002X', TODAY)).toBeNull();
    expect(checkIdCardNumber('11010519491231002x', TODAY)).toBeNull();
    expect(checkIdCardNumber('440524188001010014', TODAY)).toBe('badBirthDate'); // born 1880: refused as not a living party's
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  it('catches every single mistyped digit and every swap of neighbouring digits that changes the number', () => {
    const good = '11010519491231002X';
    for (let i = 0; i < 17; i++)
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        const bad = good.slice(0, i) + String(d) + good.slice(i + 1);
        expect(checkIdCardNumber(bad, TODAY), bad).not.toBeNull();
      }
    for (let i = 0; i < 16; i++) {
      if (good[i] === good[i + 1]) continue;
      const swapped = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
      expect(checkIdCardNumber(swapped, TODAY), swapped).not.toBeNull();
    }
  });

  it('names why a number is refused', () => {
    expect(checkIdCardNumber('1101051949123100', TODAY)).toBe('badLength');
    expect(checkIdCardNumber('11010519491231002Y', TODAY)).toBe('badCharacter');
    expect(checkIdCardNumber('110105194902300021', TODAY)).toBe('badBirthDate');
    expect(checkIdCardNumber(`110105202712310${'02'}`.padEnd(17, '0') + 'X', TODAY)).toBe('birthInFuture');
    expect(checkIdCardNumber('110105194912310021', TODAY)).toBe('badCheckDigit');
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the standard’s example and refuses a changed character', () => {
    // 91350100M000100Y43: the example in GB 32100-2015.
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91350100m000100y43')).toBeNull();
    expect(checkCreditCode('91350100M000100Y44')).toBe('badCheckDigit');
    expect(checkCreditCode('91350100M000100I43')).toBe('badCharacter'); // I is not among the 31
    expect(checkCreditCode('91350100M000100Y4')).toBe('badLength');
  });

  it('computes the check character a published note gives for early pilot codes that do not follow the standard', () => {
    // github.com/…/id-rule README: codes issued in Fujian's pilot before GB 32100 whose printed check character
    // differs from the computed one ("计算出的校验位是 1 和 M 不符" …). They are lawful codes: form.ts warns, never refuses.
    for (const [code, computed] of [
      ['91350100M0001TGQXM', '1'],
      ['91350211M0000XUF46', 'R'],
      ['91350203M0001FUE2P', 'J'],
    ] as const) {
      expect(creditCodeCheckChar(code.slice(0, 17)), code).toBe(computed);
      expect(checkCreditCode(code)).toBe('badCheckDigit');
    }
  });
});
