import { describe, expect, it } from 'vitest';
import { firstUnknownKey, isBbox, isBoolean, isFiniteNumber, isLngLatBbox, isNonEmptyString, isObject, isPlainObject, isString } from './guards';

describe('guards', () => {
  it('isObject: objects, not null or arrays', () => {
    expect([{}, { a: 1 }, new Date(0), Object.create(null)].every(isObject)).toBe(true);
    expect([null, undefined, [], 'x', 1, true].some(isObject)).toBe(false);
  });
  it('isPlainObject: object literals only, never a class instance', () => {
    expect([{}, Object.create(null)].every(isPlainObject)).toBe(true);
    expect([new Date(0), new Uint8Array(1), [], null].some(isPlainObject)).toBe(false);
  });
  it('isFiniteNumber: no NaN, no infinities, no numeric strings', () => {
    expect([0, -1.5, 1e308].every(isFiniteNumber)).toBe(true);
    expect([NaN, Infinity, -Infinity, '1', null].some(isFiniteNumber)).toBe(false);
  });
  it('strings and booleans', () => {
    expect(isString('')).toBe(true);
    expect(isNonEmptyString('')).toBe(false);
    expect(isNonEmptyString('L1')).toBe(true);
    expect(isNonEmptyString(1)).toBe(false);
    expect(isBoolean(false)).toBe(true);
    expect(isBoolean(0)).toBe(false);
  });
  it('isBbox: four finite numbers, min ≤ max; isLngLatBbox also keeps latitudes within ±90°', () => {
    expect(isBbox([39500000, 3800000, 39501000, 3801000])).toBe(true); // GK metres
    expect(isBbox([1, 1, 1, 1])).toBe(true);
    expect(isBbox([1, 2, 3])).toBe(false);
    expect(isBbox([3, 0, 1, 1])).toBe(false);
    expect(isBbox([0, 0, NaN, 1])).toBe(false);
    expect(isLngLatBbox([117, 34.5, 117.1, 34.6])).toBe(true);
    expect(isLngLatBbox([170, 10, 190, 20])).toBe(true); // over the antimeridian
    expect(isLngLatBbox([117, -91, 118, 0])).toBe(false);
    expect(isLngLatBbox([39500000, 3800000, 39501000, 3801000])).toBe(false);
  });
  it('firstUnknownKey', () => {
    expect(firstUnknownKey({ a: 1, b: 2 }, ['a', 'b'])).toBeUndefined();
    expect(firstUnknownKey({ a: 1, c: 2 }, ['a', 'b'])).toBe('c');
  });
});
