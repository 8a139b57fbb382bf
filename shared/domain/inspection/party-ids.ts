/**
 * The numbers a party (当事人) is identified by, checked as their standards define them, so a mistyped digit is
 * caught on site and not found months later in a case file:
 * - 居民身份证号码 (GB 11643-1999): 17 digits (area, birth date yyyyMMdd, sequence) and a check character, ISO 7064
 *   MOD 11-2 over the 17 digits with weights 2^(17−i) mod 11 → '10X98765432'.
 * - 统一社会信用代码 (GB 32100-2015): 18 characters from the 31 of '0123456789ABCDEFGHJKLMNPQRTUWXY' (no I, O, Z, S,
 *   V), the last a check character: 31 − (Σ value × weight mod 31) with weights 3^i mod 31, 31 → 0.
 */
import { isDateKey, type DateKey } from '../patrol/calendar';

export type IdNumberReason = 'badLength' | 'badCharacter' | 'badBirthDate' | 'birthInFuture' | 'badCheckDigit';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of a 居民身份证号码. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

/**
 * Checks an 18-digit 居民身份证号码 (a lower-case x is read as X). `today` (China day) bounds the birth date.
 * Returns null when it is valid, else the reason.
 */
export function checkIdCardNumber(raw: string, today: DateKey): IdNumberReason | null {
  const v = raw.trim().toUpperCase();
  if (v.length !== 18) return 'badLength';
  if (!/^\d{17}[\dX]$/.test(v)) return 'badCharacter';
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isDateKey(birth) || Number(v.slice(6, 10)) < 1900) return 'badBirthDate';
  if (birth > today) return 'birthInFuture';
  return idCardCheckChar(v.slice(0, 17)) === v[17] ? null : 'badCheckDigit';
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码, or null when one is not of its 31. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CHARS.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * (CREDIT_WEIGHTS[i] as number);
  }
  const c = 31 - (sum % 31);
  return CREDIT_CHARS[c === 31 ? 0 : c] as string;
}

/** Checks an 18-character 统一社会信用代码 (read in upper case). Null when valid, else the reason. */
export function checkCreditCode(raw: string): IdNumberReason | null {
  const v = raw.trim().toUpperCase();
  if (v.length !== 18) return 'badLength';
  if (![...v].every((ch) => CREDIT_CHARS.includes(ch))) return 'badCharacter';
  return creditCodeCheckChar(v.slice(0, 17)) === v[17] ? null : 'badCheckDigit';
}
