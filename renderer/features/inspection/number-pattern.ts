/**
 * The office's record-number pattern (设置 → 核查编号格式), stored in settings. A stored pattern that cannot number
 * records (checkNumberPattern refuses it) is never used: the default is.
 */
import { checkNumberPattern, DEFAULT_NUMBER_PATTERN } from '../../../shared/domain/inspection/numbering';
import { getSetting, putSetting } from '../../db';

export const NUMBER_PATTERN_KEY = 'inspection.numberPattern';

export async function readNumberPattern(): Promise<string> {
  const v = await getSetting(NUMBER_PATTERN_KEY);
  return typeof v === 'string' && checkNumberPattern(v) === null ? v : DEFAULT_NUMBER_PATTERN;
}

/** Stores a pattern (refused with its reason when it cannot number records). */
export async function writeNumberPattern(pattern: string): Promise<void> {
  const reason = checkNumberPattern(pattern);
  if (reason) throw new RangeError(`number pattern refused: ${reason}`);
  await putSetting(NUMBER_PATTERN_KEY, pattern);
}
