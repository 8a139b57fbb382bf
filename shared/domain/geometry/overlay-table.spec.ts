import { describe, expect, it } from 'vitest';
import { squareMetres, toMu, type AreaFigures } from '../units/area';
import { loadGeometryEngine } from './engine/load';
import { overlayPlots, type OverlayPlotResult } from './overlay';
import { apportion, printedPlot } from './overlay-table';

const zone = { width: 3 as const, zone: 38, centralMeridian: 114 };
const fig = (m2: number, ell = m2): AreaFigures => ({
  planarM2: squareMetres(m2),
  ellipsoidalM2: squareMetres(ell),
  mu: toMu(squareMetres(m2)),
  zone,
});
const cents = (v: number): number => Math.round(v * 100);

describe('apportion (largest remainder)', () => {
  it('three parts of 0.006 … that round on their own to more than the total still sum to it', () => {
    const parts = [0.006, 0.006, 0.006, 0.002];
    expect(parts.map((p) => Number(p.toFixed(2))).reduce((s, v) => s + v, 0)).toBeCloseTo(0.03, 9); // the problem
    const out = apportion(0.02, parts, 2);
    expect(cents(out.reduce((s, v) => s + v, 0))).toBe(2);
    out.forEach((v, i) => expect(Math.abs(v - (parts[i] as number))).toBeLessThan(0.01));
  });
  it('never negative; parts a hair over the total (float noise) give their excess back', () => {
    const out = apportion(100, [60.004, 40.004, 0], 2);
    expect(out.every((v) => v >= 0)).toBe(true);
    expect(cents(out.reduce((s, v) => s + v, 0))).toBe(10000);
    expect(apportion(0, [-1e-12, 0], 2)).toEqual([0, 0]);
  });
});

describe('printedPlot: every block adds up to the printed total, in every column', () => {
  it('a synthetic result whose independent roundings do not add up', () => {
    const p: OverlayPlotResult = {
      id: 'x',
      zone,
      area: fig(1000.015, 1000.02),
      uncovered: fig(0.005),
      overlaps: [
        { layer: 'L', group: 'a', area: fig(333.335, 333.34) },
        { layer: 'L', group: 'b', area: fig(333.335, 333.34) },
        { layer: 'L', group: 'c', area: fig(333.34, 333.335) },
      ],
      byLayer: [{ layer: 'L', covered: fig(1000.01), uncovered: fig(0.005, 0.005), complete: true }],
      complete: true,
      unusable: [],
      repaired: [],
    };
    const t = printedPlot(p);
    const b = t.layers[0]!;
    const sum = (get: (f: { planarM2: number; ellipsoidalM2: number; mu: number }) => number, scale: number) =>
      Math.round([...b.groups.map((g) => g.area), b.remainder].reduce((s, f) => s + get(f), 0) * scale);
    expect(sum((f) => f.planarM2, 100)).toBe(Math.round(t.total.planarM2 * 100));
    expect(sum((f) => f.ellipsoidalM2, 100)).toBe(Math.round(t.total.ellipsoidalM2 * 100));
    expect(sum((f) => f.mu, 1e4)).toBe(Math.round(t.total.mu * 1e4));
  });

  it('random real overlays (GEOS): each printed block sums to its printed total to the last digit', async () => {
    const engine = await loadGeometryEngine();
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const sq = (x: number, y: number, d: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [x, y],
          [x + d, y],
          [x + d, y + d],
          [x, y + d],
          [x, y],
        ],
      ],
    });
    const features = Array.from({ length: 60 }, (_, i) => ({
      geometryLngLat: sq(114 + rand() * 0.01, 30 + rand() * 0.01, 0.0005 + rand() * 0.002),
      group: ['水田', '旱地', '果园'][i % 3]!,
    }));
    const plots = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      geometryLngLat: sq(114 + rand() * 0.01, 30 + rand() * 0.01, 0.0003 + rand() * 0.002),
    }));
    const result = overlayPlots(engine, plots, [
      { name: '地类', features },
      { name: '农田', features: features.slice(0, 20).map((f) => ({ ...f, group: null })) },
    ]);
    for (const p of result.plots) {
      const t = printedPlot(p);
      for (const b of t.layers) {
        const parts = [...b.groups.map((g) => g.area), b.remainder];
        expect(Math.round(parts.reduce((s, f) => s + f.planarM2, 0) * 100)).toBe(Math.round(t.total.planarM2 * 100));
        expect(Math.round(parts.reduce((s, f) => s + f.ellipsoidalM2, 0) * 100)).toBe(Math.round(t.total.ellipsoidalM2 * 100));
        expect(Math.round(parts.reduce((s, f) => s + f.mu, 0) * 1e4)).toBe(Math.round(t.total.mu * 1e4));
        for (const f of parts) expect(Math.min(f.planarM2, f.ellipsoidalM2, f.mu)).toBeGreaterThanOrEqual(0);
        expect(b.covered.planarM2).toBeLessThanOrEqual(t.total.planarM2);
      }
    }
  });
});
