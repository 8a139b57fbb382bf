import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GkZoneRef } from '../units/area';
import { fitStandardScale, formatScale, formatSignedDms, meridianConvergenceDeg, scaleBar } from './scale';

interface ConvergenceCase {
  name: string;
  zone: GkZoneRef;
  zonePrefix: boolean;
  easting: number;
  northing: number;
  convergenceDeg: number;
}
const oracle = JSON.parse(readFileSync(new URL('../../../tests/oracles/evidence-convergence.json', import.meta.url), 'utf8')) as {
  cases: ConvergenceCase[];
};

describe('scale', () => {
  it('prints the numeric scale with grouped thousands', () => {
    expect(formatScale(500)).toBe('1:500');
    expect(formatScale(1000)).toBe('1:1 000');
    expect(formatScale(10000)).toBe('1:10 000');
  });

  it('fits the smallest standard scale with a 10 % margin each side, and refuses past 1:10,000', () => {
    // 170 × 150 mm frame: 1:1,000 holds 170 × 150 m of ground; a 140 m wide plot grows to 168 m: fits.
    expect(fitStandardScale(140, 100, 170, 150)).toBe(1000);
    // 142 m grows to 170.4 m: past 1:1,000, so 1:2,000.
    expect(fitStandardScale(142, 100, 170, 150)).toBe(2000);
    expect(fitStandardScale(60, 40, 170, 150)).toBe(500);
    // the height decides too
    expect(fitStandardScale(10, 126, 170, 150)).toBe(2000);
    expect(fitStandardScale(0, 0, 170, 150)).toBe(500);
    // 1:10,000 holds 1.7 km: a 1.5 km plot grows to 1.8 km
    expect(fitStandardScale(1500, 10, 170, 150)).toBeNull();
  });

  it('draws a scale bar of round segments whose paper length is exact', () => {
    const b = scaleBar(1000, 60);
    expect(b.segmentMetres).toBe(10);
    expect(b.segmentMm).toBe(10);
    expect(b.labels).toEqual(['0', '10', '20', '30', '40']);
    const c = scaleBar(2000, 60);
    expect(c.segmentMetres).toBe(20);
    expect(c.segmentMm).toBe(10);
    const d = scaleBar(5000, 30);
    expect(d.segmentMm * d.segments).toBeLessThanOrEqual(30);
    expect(d.segmentMm).toBe((d.segmentMetres * 1000) / 5000);
  });

  it('computes the meridian convergence as PROJ does (proj -V), to 0.01″', () => {
    expect(oracle.cases.length).toBeGreaterThanOrEqual(6);
    for (const c of oracle.cases) {
      const g = meridianConvergenceDeg(c.zone, c.zonePrefix, c.easting, c.northing);
      expect(Math.abs(g - c.convergenceDeg), c.name).toBeLessThan(0.01 / 3600);
    }
    // east of the CM in the north: positive, ≈ Δλ·sin φ
    const east = oracle.cases.find((c) => c.name === 'jinan-east-1')!;
    expect(east.convergenceDeg).toBeGreaterThan(0.59);
  });

  it('formats γ as signed degrees, minutes, seconds', () => {
    expect(formatSignedDms(0.20944)).toBe('+0°12′34″');
    expect(formatSignedDms(-1.034167)).toBe('−1°02′03″');
    expect(formatSignedDms(0)).toBe('+0°00′00″');
  });
});
