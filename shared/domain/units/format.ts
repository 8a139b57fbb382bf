/**
 * The one formatter for every area and coordinate the app and the CLI print: on screen, in files (CSV, .xlsx)
 * and in JSON. Choices (survey-table practice):
 * - m² to 0.01 (areas on 勘测定界 tables are printed to the hundredth of a square metre);
 * - 亩 to 0.0001 (four decimals, so m² → 亩 → m² round trips within 0.07 m²; many tables show 0.01 亩,
 *   available via `decimals`);
 * - GK coordinates (X/Y) to 0.001 m; degrees to 7 places (≈ 1 cm).
 * JSON keeps more (JSON_DIGITS): a script re-adding the CLI's figures checks them against the printed table.
 * Thousands separators are optional (off by default: coordinate tables never use them).
 */
import type { Mu, SquareMetres } from './area';

/** Decimals printed on screen, in tables and in files. */
export const PRINT_DIGITS = { m2: 2, mu: 4, metres: 3, degrees: 7 } as const;
/** Decimals kept in JSON (the CLI's reports): m² to 0.001, 亩 to 1e-6, GK metres to 1e-6, degrees to 1e-8. */
export const JSON_DIGITS = { m2: 3, mu: 6, metres: 6, degrees: 8 } as const;

export interface FormatOptions {
  decimals?: number;
  thousands?: boolean;
}

function fixed(value: number, decimals: number, thousands: boolean): string {
  if (!Number.isFinite(value)) return '—';
  const s = (Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value).toFixed(decimals);
  if (!thousands) return s;
  const [int, frac] = s.split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

export const formatSquareMetres = (a: SquareMetres, o: FormatOptions = {}): string => fixed(a, o.decimals ?? PRINT_DIGITS.m2, o.thousands ?? false);
export const formatMu = (a: Mu, o: FormatOptions = {}): string => fixed(a, o.decimals ?? PRINT_DIGITS.mu, o.thousands ?? false);
export const formatMetres = (v: number, o: FormatOptions = {}): string => fixed(v, o.decimals ?? PRINT_DIGITS.metres, o.thousands ?? false);
export const formatDegrees = (v: number, o: FormatOptions = {}): string => fixed(v, o.decimals ?? PRINT_DIGITS.degrees, false);

/**
 * A figure for JSON (or a spreadsheet cell): the number its printed text at `digits` decimals reads as, so a
 * number and its printed text can never disagree. Not finite: returned as it is.
 */
export function roundTo(value: number, digits: number): number {
  return Number.isFinite(value) ? Number(fixed(value, digits, false)) : value;
}

/** The spreadsheet number format that shows `digits` decimals ('0', '0.00', '0.0000'). */
export const spreadsheetFormat = (digits: number): string => (digits > 0 ? `0.${'0'.repeat(digits)}` : '0');

/** Bytes in the units a user reads (KB, MB, GB; 1 KB = 1,024 bytes), language-neutral. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
