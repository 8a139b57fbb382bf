import { describe, expect, it } from 'vitest';
import { baseShapeType, geometryKindOf, hasZOrM, SHAPE_TYPE_NAMES } from './shape-types';

describe('shape types', () => {
  it('Z and M variants map to their 2D base', () => {
    expect([11, 13, 15, 18, 21, 23, 25, 28].map(baseShapeType)).toEqual([1, 3, 5, 8, 1, 3, 5, 8]);
    expect(hasZOrM(15)).toBe(true);
    expect(hasZOrM(5)).toBe(false);
    expect(geometryKindOf(25)).toBe('polygon');
    expect(geometryKindOf(18)).toBe('point');
    expect(geometryKindOf(31)).toBe('unknown');
    expect(SHAPE_TYPE_NAMES[13]).toBe('PolyLineZ');
  });
});
