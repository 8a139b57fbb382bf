/**
 * The 12-digit administrative code (统计用区划代码, the code XZQ/CJQ layers carry in XZQDM): 6 digits of the county
 * (province 2 + city 2 + county 2), 3 of the township (乡镇, 001…), 3 of the village (村/居委会, 001…). A county's
 * code ends in 000000, a township's in 000; a village's last three are not 000. A child's code starts with its
 * parent's part (a township with the county's 6 digits, a village with the township's 9). Cells below a village
 * are not administrative units: they carry no code, their name (杏园村-01) is what tells them apart.
 * This is also how a city system scopes who sees which patrol logs (DOMAIN: 6- or 12-digit code).
 */
import { fail, ok, type Validation } from '../../validation/validation';
import type { AreaLevel } from './levels';

export const AREA_CODE_DIGITS = 12;

export type AreaCodeReason =
  /** Not exactly 12 ASCII digits. */
  | 'codeNotTwelveDigits'
  /** 12 digits, but not of this level (a township code ending in 000000, a village code ending in 000 …). */
  | 'codeLevelMismatch'
  /** The code does not start with its parent's county / township digits. */
  | 'codeParentMismatch'
  /** A cell was given a code: cells are not administrative units. */
  | 'codeOnCell';

export const isTwelveDigitCode = (v: unknown): v is string => typeof v === 'string' && /^[0-9]{12}$/.test(v);

/** How many leading digits a level's code owns (the rest are zeros), and how many a child must share with it. */
const OWN_DIGITS: Record<Exclude<AreaLevel, 'cell'>, number> = { county: 6, township: 9, village: 12 };

/** The code's shape for its level: the digits the level owns are not all zero at its own part, the rest are zero. */
function levelOk(level: Exclude<AreaLevel, 'cell'>, code: string): boolean {
  const own = OWN_DIGITS[level];
  if (code.slice(0, 2) === '00') return false; // no province 00
  if (!/^0*$/.test(code.slice(own))) return false; // below the level: zeros
  if (level === 'township') return code.slice(6, 9) !== '000';
  if (level === 'village') return code.slice(9, 12) !== '000';
  return true;
}

/**
 * Checks an area's code against its level and, when both are known, its parent's code. `null` (not known) is
 * always good. The parent is one level up (tree.logic.ts enforces that), so the shared prefix is the parent's own part.
 */
export function checkAreaCode(
  level: AreaLevel,
  code: string | null,
  parent?: { level: AreaLevel; code: string | null } | null,
): Validation<string | null, AreaCodeReason> {
  if (code === null) return ok(null);
  if (level === 'cell') return fail('codeOnCell', 'code', 'a cell carries no administrative code');
  if (!isTwelveDigitCode(code)) return fail('codeNotTwelveDigits', 'code', `expected 12 digits, found ${JSON.stringify(code)}`);
  if (!levelOk(level, code)) return fail('codeLevelMismatch', 'code', `${code} is not a ${level} code`);
  if (parent && parent.code !== null && parent.level !== 'cell' && isTwelveDigitCode(parent.code)) {
    const shared = OWN_DIGITS[parent.level];
    if (code.slice(0, shared) !== parent.code.slice(0, shared)) {
      return fail('codeParentMismatch', 'code', `${code} does not start with its parent's ${parent.code.slice(0, shared)}`);
    }
  }
  return ok(code);
}

/** The code a level's area would have from a longer one (a village's code → its township's 9 digits + 000). */
export function codePrefixOf(level: Exclude<AreaLevel, 'cell'>, code: string): string {
  const own = OWN_DIGITS[level];
  return code.slice(0, own).padEnd(AREA_CODE_DIGITS, '0');
}
