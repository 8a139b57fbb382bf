import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { assemblePolygon, type RingInput } from './polygon-assembly';

/** A square as a shapefile would store it (clockwise = outer, counter-clockwise = hole), already reversed. */
function ringInput(x: number, y: number, s: number, outer: boolean): RingInput {
  const cw: Position[] = [[x, y], [x, y + s], [x + s, y + s], [x + s, y], [x, y]];
  const file = outer ? cw : [...cw].reverse();
  return { coords: [...file].reverse(), areaFileOrder: outer ? -s * s : s * s, minX: x, minY: y, maxX: x + s, maxY: y + s };
}

describe('assemblePolygon', () => {
  it('a hole goes to the smallest outer ring containing it', () => {
    const g = assemblePolygon([ringInput(0, 0, 100, true), ringInput(10, 10, 50, true), ringInput(20, 20, 10, false)]);
    expect(g.type).toBe('MultiPolygon');
    if (g.type !== 'MultiPolygon') return;
    expect(g.coordinates[0]).toHaveLength(1);
    expect(g.coordinates[1]).toHaveLength(2);
  });

  it('a hole with no outer becomes an outer ring, counter-clockwise', () => {
    const g = assemblePolygon([ringInput(0, 0, 10, true), ringInput(50, 50, 10, false)]);
    expect(g.type).toBe('MultiPolygon');
    if (g.type !== 'MultiPolygon') return;
    expect(g.coordinates[1]?.[0]).toEqual([[50, 50], [60, 50], [60, 60], [50, 60], [50, 50]]);
  });

  it('a lone mis-wound ring is an outer ring', () => {
    const g = assemblePolygon([ringInput(0, 0, 10, false)]);
    expect(g).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] });
  });
});
