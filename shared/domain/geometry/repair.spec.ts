import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import oracle from '../../../tests/oracles/repair.json';
import { planarAreaM2, polygonsOf, ringSignedAreaM2 } from './area';
import { loadGeometryEngine } from './engine/load';
import { repairPolygonal } from './repair';

interface Case {
  name: string;
  polygons: Position[][][];
  valid: boolean;
  area: number;
  parts: number;
}

const asGeometry = (polys: Position[][][]): Polygon | MultiPolygon =>
  polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Position[][] } : { type: 'MultiPolygon', coordinates: polys };

describe('repairPolygonal against shapely make_valid (GEOS 3.11, tests/oracles/repair.json)', () => {
  for (const c of oracle.cases as Case[]) {
    it(`${c.name}: valid=${c.valid}, ${c.area.toFixed(2)} m² in ${c.parts} part(s)`, async () => {
      const engine = await loadGeometryEngine();
      const input = structuredClone(asGeometry(c.polygons));
      const out = repairPolygonal(engine, input);
      expect(out.repaired).toBe(!c.valid);
      expect(out.geometry).not.toBeNull();
      const g = out.geometry as Polygon | MultiPolygon;
      // GEOS-equal within 0.01 m² per piece (issue 7); here it is equal to float precision.
      expect(Math.abs(planarAreaM2(g) - c.area)).toBeLessThan(1e-6);
      expect(polygonsOf(g)).toHaveLength(c.parts);
      if (c.valid) {
        expect(out.geometry).toBe(input); // a valid boundary is used as it is
        return;
      }
      // Zone-prefixed coordinates come back unshifted, and a repaired boundary RFC 7946-wound (outer CCW, holes CW).
      for (const poly of polygonsOf(g)) {
        poly.forEach((ring, i) => expect(ringSignedAreaM2(ring) > 0).toBe(i === 0));
        expect(ring0x(poly)).toBeGreaterThan(39_500_000);
      }
    });
  }

  it('a ring of fewer than three distinct corners has nothing left', async () => {
    const engine = await loadGeometryEngine();
    const out = repairPolygonal(engine, {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [0, 0],
          [1, 1],
        ],
      ],
    });
    expect(out).toEqual({ geometry: null, repaired: true });
  });
});

function ring0x(poly: Position[][]): number {
  return (poly[0]?.[0]?.[0] as number) ?? NaN;
}
