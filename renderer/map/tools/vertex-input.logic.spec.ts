import { describe, expect, it } from 'vitest';
import { parseVertexInput } from './vertex-input.logic';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import oracleJson from '../../../tests/oracles/vertex-input.json';

/** Positions from PROJ (pyproj, each zone's EPSG CRS → EPSG:4490): /usr/bin/python3 scripts/make-vertex-oracle.py */
interface OracleCase {
  text: string;
  givenZone: GkZoneRef | null;
  kind: 'gk' | 'lngLat' | 'refused';
  xNorth?: number;
  yEast?: number;
  zone?: { width: 3 | 6; zone: number };
  zonePrefix?: boolean;
  lngLat?: [number, number];
  reason?: string;
}
const oracle = oracleJson as unknown as { cases: OracleCase[] };

describe('a typed vertex, against PROJ', () => {
  for (const c of oracle.cases) {
    it(`${JSON.stringify(c.text)}${c.givenZone ? ` in zone ${c.givenZone.zone}` : ''}`, () => {
      const out = parseVertexInput(c.text, c.givenZone);
      if (c.kind === 'refused') {
        expect(out).toEqual({ ok: false, reason: c.reason });
        return;
      }
      if (!out.ok) throw new Error(`refused: ${out.reason}`);
      expect(out.kind).toBe(c.kind);
      // 1e-9° ≈ 0.1 mm: proj4's exact transverse Mercator against PROJ's.
      expect(Math.abs(out.lngLat[0] - c.lngLat![0])).toBeLessThan(1e-9);
      expect(Math.abs(out.lngLat[1] - c.lngLat![1])).toBeLessThan(1e-9);
      if (out.kind === 'gk') {
        expect(out.xNorth).toBe(c.xNorth);
        expect(out.yEast).toBe(c.yEast);
        expect(out.zone).toMatchObject(c.zone!);
        expect(out.zonePrefix).toBe(c.zonePrefix);
      }
    });
  }

  it('spans what an officer types: both orders, both zone widths, prefix or zone given, every refusal', () => {
    const kinds = new Set(oracle.cases.map((c) => c.reason ?? c.kind));
    expect([...kinds].sort()).toEqual(['badZone', 'empty', 'gk', 'lngLat', 'outsideChina', 'unreadable', 'zoneNeeded']);
    expect(oracle.cases.some((c) => c.kind === 'gk' && c.zone?.width === 6)).toBe(true);
    expect(oracle.cases.some((c) => c.kind === 'gk' && !c.zonePrefix && c.givenZone)).toBe(true);
  });
});
