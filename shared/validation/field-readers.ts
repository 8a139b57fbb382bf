/**
 * Readers for the fields of a stored record being validated: each returns the field when it is good, else the
 * value a new record would get, and lists the repair (README Decision 20: nothing is mended silently). One set for
 * every record module that keeps what it can, instead of a copy of these closures in each validator.
 */
import { isFiniteNumber, isString } from './guards';
import type { Repair } from './validation';

export interface FieldReaders {
  /** A string field; '' when missing or not a string. */
  text(key: string): string;
  /** An epoch-ms (finite number) field; `fallback` when missing or unusable. */
  time(key: string, fallback: number): number;
  /** A finite number or null; null when unusable. */
  nullableTime(key: string): number | null;
}

export function fieldReaders(raw: Record<string, unknown>, repaired: Repair[]): FieldReaders {
  const defaulted = <T>(key: string, value: T): T => {
    repaired.push({ path: key, code: 'defaulted' });
    return value;
  };
  return {
    text: (key) => (isString(raw[key]) ? (raw[key] as string) : defaulted(key, '')),
    time: (key, fallback) => (isFiniteNumber(raw[key]) ? (raw[key] as number) : defaulted(key, fallback)),
    nullableTime: (key) => {
      const v = raw[key];
      return v === null || isFiniteNumber(v) ? v : defaulted(key, null);
    },
  };
}

/** The good entries of a list, and a 'filtered' repair when some were dropped (or 'defaulted' when it was no list). */
export function listOf<T>(raw: unknown, good: (v: unknown) => v is T, path: string, repaired: Repair[]): T[] {
  if (!Array.isArray(raw)) {
    repaired.push({ path, code: 'defaulted' });
    return [];
  }
  const kept = raw.filter(good);
  if (kept.length !== raw.length) repaired.push({ path, code: 'filtered' });
  return kept;
}
