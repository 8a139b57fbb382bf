import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import oracle from '../../../tests/oracles/repair.json';
import { planarAreaM2, polygonsOf, ringSignedAreaM2 } from '../../domain/geometry/area';
import { assemblePolygon, type RingInput } from './polygon-assembly';

/** A square ring as a shapefile reader hands it over: reversed from file order, with the file-order area. */
function ringInput(x: number, y: number, s: number, fileClockwise: boolean): RingInput {
  const cw: Position[] = [
    [x, y],
    [x, y + s],
    [x + s, y + s],
    [x + s, y],
    [x, y],
  ];
  const file = fileClockwise ? cw : [...cw].reverse();
  return { coords: [...file].reverse(), areaFileOrder: fileClockwise ? -s * s : s * s, minX: x, minY: y, maxX: x + s, maxY: y + s };
}
const oracleArea = (name: string): number => (oracle.cases.find((c) => c.name === name) as { area: number }).area;
const rfcWound = (g: ReturnType<typeof assemblePolygon>): boolean =>
  polygonsOf(g).every((poly) => poly.every((ring, i) => ringSignedAreaM2(ring) > 0 === (i === 0)));

describe('assemblePolygon: ring roles by containment, as GDAL and GEOS MakeValid (not by winding)', () => {
  it('outer clockwise + hole counter-clockwise (the file format): one polygon with its hole', () => {
    const g = assemblePolygon([ringInput(0, 0, 100, true), ringInput(20, 20, 30, false)]);
    expect(g.type).toBe('Polygon');
    expect(planarAreaM2(g)).toBe(oracleArea('valid_with_hole')); // 9 100 m², shapely
    expect(rfcWound(g)).toBe(true);
  });

  it('every ring wound the wrong way (outer CCW, hole CW, as some tools write): the same polygon and area', () => {
    const g = assemblePolygon([ringInput(0, 0, 100, false), ringInput(20, 20, 30, true)]);
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(planarAreaM2(g)).toBe(oracleArea('valid_with_hole'));
    expect(rfcWound(g)).toBe(true);
  });

  it('the hole listed before its outer ring still goes to it', () => {
    const g = assemblePolygon([ringInput(20, 20, 30, false), ringInput(0, 0, 100, true)]);
    expect(planarAreaM2(g)).toBe(9100);
  });

  it('three nested rings of one winding: the middle is a hole, the inner an island (shapely make_valid: 7 600 m²)', () => {
    const g = assemblePolygon([ringInput(0, 0, 100, true), ringInput(10, 10, 50, true), ringInput(20, 20, 10, true)]);
    expect(g.type).toBe('MultiPolygon');
    expect(polygonsOf(g).map((p) => p.length)).toEqual([2, 1]);
    expect(planarAreaM2(g)).toBe(oracleArea('nested_three'));
    expect(rfcWound(g)).toBe(true);
  });

  it('disjoint rings of either winding are separate outer rings', () => {
    const g = assemblePolygon([ringInput(0, 0, 10, true), ringInput(50, 50, 10, false)]);
    expect(g.type).toBe('MultiPolygon');
    expect(planarAreaM2(g)).toBe(200);
    expect(rfcWound(g)).toBe(true);
  });

  it('a lone ring of either winding is an outer ring, counter-clockwise', () => {
    const g = assemblePolygon([ringInput(0, 0, 10, false)]);
    expect(g).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
          [0, 0],
        ],
      ],
    });
  });
});
