import { describe, expect, it } from 'vitest';
import { geometryOf, verticesOf } from './draw-modes.logic';

const A = [117, 35];
const B = [117.01, 35];
const C = [117.01, 35.01];
const P = [117.005, 35.02]; // the pointer

describe('verticesOf', () => {
  it('reads a line being drawn as its vertices plus the pointer, dropping the first-click repeat', () => {
    expect(verticesOf('linestring', { type: 'LineString', coordinates: [A, A] })).toEqual([A]);
    expect(verticesOf('linestring', { type: 'LineString', coordinates: [A, B, P] })).toEqual([A, B, P]);
  });

  it('reads a polygon ring as its open vertices, without the ε helper vertex of the first edge', () => {
    // terra-draw after the first click: [v1, pointer, pointer − ε, v1], 2 provisional vertices.
    const eps = [P[0]!, P[1]! - 1e-9];
    expect(verticesOf('polygon', { type: 'Polygon', coordinates: [[A, P, eps, A]] }, 2)).toEqual([A, P]);
    expect(verticesOf('polygon', { type: 'Polygon', coordinates: [[A, B, P, A]] }, 3)).toEqual([A, B, P]);
    // Pointer over the first vertex (about to close): no repeated vertex.
    expect(verticesOf('polygon', { type: 'Polygon', coordinates: [[A, B, C, A, A]] }, 4)).toEqual([A, B, C]);
    // Finished: the closed ring, no counts left.
    expect(verticesOf('polygon', { type: 'Polygon', coordinates: [[A, C, B, A]] })).toEqual([A, C, B]);
  });

  it('refuses guidance points of line and polygon modes, and reads a point', () => {
    expect(verticesOf('linestring', { type: 'Point', coordinates: A })).toBeNull();
    expect(verticesOf('polygon', { type: 'Point', coordinates: A })).toBeNull();
    expect(verticesOf('point', { type: 'Point', coordinates: A })).toEqual([A]);
    expect(verticesOf('point', { type: 'LineString', coordinates: [A, B] })).toBeNull();
  });
});

describe('geometryOf', () => {
  it('closes a polygon ring and keeps lines and points as given', () => {
    expect(geometryOf('polygon', [A as [number, number], B as [number, number], C as [number, number]])).toEqual({
      type: 'Polygon',
      coordinates: [[A, B, C, A]],
    });
    expect(geometryOf('linestring', [A as [number, number], B as [number, number]])).toEqual({ type: 'LineString', coordinates: [A, B] });
    expect(geometryOf('point', [A as [number, number]])).toEqual({ type: 'Point', coordinates: A });
  });
});
