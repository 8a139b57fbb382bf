/**
 * The one set of type guards every validator uses (the database records, IPC requests, stored files):
 * each answers a yes/no question about an unknown value and narrows it.
 */
import type { Bbox } from '../domain/geometry/bbox';

/** A non-null object that is not an array (a class instance passes: see isPlainObject). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object literal (or Object.create(null)): what JSON and structured clone give, never a class instance. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A number that is neither NaN nor ±Infinity. */
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isString = (v: unknown): v is string => typeof v === 'string';

export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v !== '';

export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** A [minX, minY, maxX, maxY] box of finite numbers with min ≤ max on both axes, in any frame. */
export function isBbox(v: unknown): v is Bbox {
  if (!Array.isArray(v) || v.length !== 4 || !v.every(isFiniteNumber)) return false;
  const [minX, minY, maxX, maxY] = v as number[];
  return minX! <= maxX! && minY! <= maxY!;
}

/** A box in degrees: a Bbox whose latitudes lie within ±90°. Longitudes may pass ±180 (a box over the antimeridian). */
export const isLngLatBbox = (v: unknown): v is Bbox => isBbox(v) && v[1] >= -90 && v[3] <= 90;

/** The first key of `obj` not in `allowed`, or undefined when it has none. */
export const firstUnknownKey = (obj: Record<string, unknown>, allowed: readonly string[]): string | undefined =>
  Object.keys(obj).find((k) => !allowed.includes(k));
