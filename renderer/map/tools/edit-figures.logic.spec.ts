import { describe, expect, it } from 'vitest';
import { editFigures } from './edit-figures.logic';
import type { LngLat } from './tool-machine.logic';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import oracleJson from '../../../tests/oracles/measure.json';

/** The measure tool's reference figures (PROJ, GEOS, GeographicLib: scripts/make-measure-oracle.py): the editor's
 *  live figures are the same calls, so they must meet the same references. */
interface OracleCase {
  name: string;
  mode: 'length' | 'area';
  vertices: LngLat[];
  dataZone: GkZoneRef | null;
  zone: { width: 3 | 6; zone: number };
  segmentsMetres: number[];
  totalMetres: number;
  planarM2?: number;
  ellipsoidalM2?: number;
  mu?: number;
}
const oracle = oracleJson as unknown as { cases: OracleCase[] };

describe('live figures of the shape being edited, against PROJ, GEOS and GeographicLib', () => {
  for (const c of oracle.cases) {
    it(c.name, () => {
      const f = editFigures(c.vertices, c.mode === 'area', c.dataZone)!;
      expect(f.zone).toMatchObject({ width: c.zone.width, zone: c.zone.zone });
      expect(f.zoneSource).toBe(c.dataZone ? 'tool' : 'vertices');
      expect(f.sidesMetres).toHaveLength(c.segmentsMetres.length);
      f.sidesMetres.forEach((d, i) => expect(Math.abs(d - c.segmentsMetres[i]!)).toBeLessThan(1e-3));
      expect(Math.abs(f.lengthMetres - c.totalMetres)).toBeLessThan(1e-3);
      if (c.mode === 'area') {
        expect(Math.abs(f.area!.planarM2 - c.planarM2!)).toBeLessThan(1e-3);
        expect(Math.abs(f.area!.mu - c.mu!)).toBeLessThan(1e-3 * 0.0015);
        expect(Math.abs(f.area!.ellipsoidalM2 - c.ellipsoidalM2!) / c.ellipsoidalM2!).toBeLessThan(1e-8);
      } else expect(f.area).toBeNull();
    });
  }

  it('has nothing before the first vertex and no area below three', () => {
    expect(editFigures([], true, null)).toBeNull();
    const two = editFigures(
      [
        [117, 35],
        [117.001, 35],
      ],
      true,
      null,
    )!;
    expect(two.area).toBeNull();
    expect(two.sidesMetres).toHaveLength(1);
    expect(editFigures([[117, 35]], false, null)!.lengthMetres).toBe(0);
  });
});
