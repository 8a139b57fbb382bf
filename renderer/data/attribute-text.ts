/** How an attribute value is written as text, the one way for the identify panel and the attribute table. */
import type { AttributeValue } from '../../shared/formats/types';

/**
 * An attribute as text, the same in the identify panel and the attribute table: numbers to 12 significant
 * digits, which is every digit a DBF number field holds in practice (Slope 0.00000827459 stays whole) while float
 * noise from computed values goes (0.1 + 0.2 → 0.3).
 */
export function formatValue(v: AttributeValue | undefined, yesNo: [string, string] = ['true', 'false']): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? yesNo[0] : yesNo[1];
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  return v;
}
