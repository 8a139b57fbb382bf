/**
 * Number formatting for display and evidence tables. Choices (survey-table practice):
 * - m² to 0.01 (areas on 勘测定界 tables are printed to the hundredth of a square metre);
 * - 亩 to 0.0001 (four decimals, so m² → 亩 → m² round trips within 0.07 m²; many tables show 0.01 亩,
 *   available via `decimals`);
 * - GK coordinates (X/Y) to 0.001 m; degrees to 7 places (≈ 1 cm).
 * Thousands separators are optional (off by default: coordinate tables never use them).
 */
import type { Mu, SquareMetres } from './area';

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

export const formatSquareMetres = (a: SquareMetres, o: FormatOptions = {}): string => fixed(a, o.decimals ?? 2, o.thousands ?? false);
export const formatMu = (a: Mu, o: FormatOptions = {}): string => fixed(a, o.decimals ?? 4, o.thousands ?? false);
export const formatMetres = (v: number, o: FormatOptions = {}): string => fixed(v, o.decimals ?? 3, o.thousands ?? false);
export const formatDegrees = (v: number, o: FormatOptions = {}): string => fixed(v, o.decimals ?? 7, false);
