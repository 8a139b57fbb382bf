import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { compareGroups, overlayPlots, type OverlayLayer, type OverlayPlot } from './overlay';
import { makeGkToLngLat } from '../crs/transform';
import { readDbfTextField, readPolygonShp } from '../../../tests/oracles/read-shapefile';
import { REAL_DATA } from '../../../tests/fixtures/read-fixture';

// Oracle: scripts/overlay-reference.py (GEOS via shapely, PROJ via pyproj, GeographicLib via
// pyproj.Geod) run by scripts/make-oracles.py on the real banzhucun layer grouped by DLMC.
const BASE = `${REAL_DATA}/banzhucun/斑竹村10000`;
interface RefPlot {
  id: string;
  planarM2: number;
  ellipsoidalM2: number;
  overlaps: { layer: string; group: string | null; planarM2: number; ellipsoidalM2: number }[];
  byLayer: { layer: string; uncoveredPlanarM2: number; uncoveredEllipsoidalM2: number }[];
  uncoveredPlanarM2: number;
  uncoveredEllipsoidalM2: number;
}
const oracle = JSON.parse(readFileSync('tests/oracles/overlay-banzhucun.json', 'utf8')) as {
  plots: { id: string; geometry: Polygon | MultiPolygon }[];
  result: RefPlot[];
};

function banzhucunLayer(): OverlayLayer {
  const toLngLat = makeGkToLngLat({ width: 3, zone: 35, centralMeridian: 105 }, true);
  const rings = readPolygonShp(`${BASE}.shp`);
  const dlmc = readDbfTextField(`${BASE}.dbf`, 'DLMC', 'utf-8'); // .cpg says UTF-8
  return {
    name: 'banzhucun',
    features: rings.map((r, i) => ({
      geometryLngLat: { type: 'Polygon', coordinates: r.map((ring) => ring.map((p) => toLngLat(p[0] as number, p[1] as number))) },
      group: dlmc[i] ?? null,
    })),
  };
}

/** |a − b| within 1e-6 relative of the plot's area (slivers of a few mm² have no meaningful relative error). */
const close = (a: number, b: number, scale: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(b), 1e-3 * scale);

describe('overlayPlots on banzhucun (10 653 polygons, grouped by DLMC) vs shapely/GEOS', () => {
  const layer = banzhucunLayer();
  const plots: OverlayPlot[] = oracle.plots.map((p) => ({ id: p.id, geometryLngLat: p.geometry }));
  const result = overlayPlots(plots, [layer]);

  it('per plot, per group: planar and ellipsoidal areas equal the GEOS reference to 1e-6', () => {
    expect(result.plots).toHaveLength(oracle.result.length);
    oracle.result.forEach((ref, k) => {
      const got = result.plots[k];
      expect(got?.id).toBe(ref.id);
      if (!got) return;
      expect(got.zone.zone).toBe(35);
      expect(close(got.area.planarM2, ref.planarM2, ref.planarM2)).toBe(true);
      expect(close(got.area.ellipsoidalM2, ref.ellipsoidalM2, ref.planarM2)).toBe(true);
      // Same set of groups (ignoring slivers below 1e-6 of the plot that one engine may drop).
      const significant = (a: number) => a > 1e-6 * ref.planarM2;
      const refGroups = ref.overlaps.filter((o) => significant(o.planarM2));
      const gotGroups = got.overlaps.filter((o) => significant(o.area.planarM2));
      expect(gotGroups.map((o) => o.group)).toEqual(refGroups.map((o) => o.group));
      for (const r of ref.overlaps) {
        const g = got.overlaps.find((o) => o.group === r.group);
        const planar = g?.area.planarM2 ?? 0;
        const ell = g?.area.ellipsoidalM2 ?? 0;
        expect(close(planar, r.planarM2, ref.planarM2), `${ref.id} ${r.group} planar ${planar} vs ${r.planarM2}`).toBe(true);
        expect(close(ell, r.ellipsoidalM2, ref.planarM2), `${ref.id} ${r.group} ellipsoidal ${ell} vs ${r.ellipsoidalM2}`).toBe(true);
      }
      expect(close(got.uncovered.planarM2, ref.uncoveredPlanarM2, ref.planarM2), `${ref.id} uncovered ${got.uncovered.planarM2} vs ${ref.uncoveredPlanarM2} ${JSON.stringify(got.skipped).slice(0, 300)}`).toBe(true);
      // Uncovered (ellipsoidal) is total − covered: the plot's total has geodesic edges, the pieces the
      // GK-straight images of them; the two differ by ~1e-8 of the plot (also between GEOS's own
      // arithmetic and geometric remainders), so this one is checked to 1e-6 of the plot's area.
      expect(Math.abs(got.uncovered.ellipsoidalM2 - ref.uncoveredEllipsoidalM2) <= 1e-6 * ref.planarM2, `${ref.id} uncovered ell ${got.uncovered.ellipsoidalM2} vs ${ref.uncoveredEllipsoidalM2} (byLayer ${got.byLayer[0]?.uncovered.ellipsoidalM2})`).toBe(true);
      expect(got.skipped).toEqual([]);
    });
  });

  it('figures add up: Σ groups + layer uncovered = plot total (1e-6 m²), geometry agrees', () => {
    for (const p of result.plots) {
      for (const l of p.byLayer) {
        const groups = p.overlaps.filter((o) => o.layer === l.layer);
        const sumPlanar = groups.reduce((s, o) => s + o.area.planarM2, 0);
        const sumEll = groups.reduce((s, o) => s + o.area.ellipsoidalM2, 0);
        expect(Math.abs(sumPlanar + l.uncovered.planarM2 - p.area.planarM2)).toBeLessThan(1e-6);
        expect(Math.abs(sumEll + l.uncovered.ellipsoidalM2 - p.area.ellipsoidalM2)).toBeLessThan(1e-6);
        expect(Math.abs(l.covered.planarM2 - sumPlanar)).toBeLessThan(1e-6);
        if (l.checkDiffM2 !== null) expect(l.checkDiffM2).toBeLessThan(1e-3);
        for (const o of groups) expect(o.area.mu).toBeCloseTo(o.area.planarM2 * 0.0015, 9);
      }
    }
  });
});

describe('overlayPlots robustness and rules', () => {
  const sq = (x0: number, y0: number, d: number): Polygon => ({
    type: 'Polygon',
    coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]],
  });
  it('overlapping features of one group are counted once; earlier group wins a contested area', () => {
    const plot = { id: 'p', geometryLngLat: sq(117, 35, 0.01) };
    const layer: OverlayLayer = {
      name: 'L',
      features: [
        { geometryLngLat: sq(117, 35, 0.005), group: 'b' },
        { geometryLngLat: sq(117, 35, 0.005), group: 'b' },
        { geometryLngLat: sq(117.0025, 35, 0.005), group: 'a' },
      ],
    };
    const r = overlayPlots([plot], [layer]).plots[0];
    const a = r?.overlaps.find((o) => o.group === 'a')?.area.planarM2 ?? 0;
    const b = r?.overlaps.find((o) => o.group === 'b')?.area.planarM2 ?? 0;
    const total = r?.area.planarM2 ?? 0;
    expect(a / total).toBeCloseTo(0.25, 3);
    expect(b / total).toBeCloseTo(0.125, 3); // b minus the half a already took
    expect(r?.overlaps.map((o) => o.group)).toEqual(['a', 'b']);
  });
  it('a self-intersecting (bowtie) feature does not crash the overlay', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[117, 35], [117.01, 35.01], [117.01, 35], [117, 35.01], [117, 35]]] };
    const r = overlayPlots([{ id: 'p', geometryLngLat: sq(117, 35, 0.01) }], [{ name: 'L', features: [{ geometryLngLat: bowtie, group: null }] }]);
    expect(r.plots).toHaveLength(1);
    const p = r.plots[0];
    if (!p) return;
    const covered = p.byLayer[0]?.covered.planarM2 ?? 0;
    expect(covered + (p.byLayer[0]?.uncovered.planarM2 ?? 0)).toBeCloseTo(p.area.planarM2, 6);
  });
  it('group order: code-unit order, null last', () => {
    expect(['水田', null, '旱地', '果园'].sort(compareGroups)).toEqual(['旱地', '果园', '水田', null]);
  });
});

describe('overlayPlots remainders', () => {
  it('a plot covered exactly by two groups has a remainder of exactly 0 (never -0.00 on a table)', () => {
    const ring = (xs: number[], y0: number, y1: number): Polygon => ({
      type: 'Polygon',
      coordinates: [[...xs.map((x) => [x, y0]), ...[...xs].reverse().map((x) => [x, y1]), [xs[0]!, y0]]],
    });
    // Split points found by a sweep: without denoising, these remainders come out as -1.8e-12 / -3.6e-12 m²
    // (case 10, 25, 28). The plot carries the split vertex too: in GK the parallels are curved.
    for (const i of [10, 25, 28]) {
      const x0 = 106.1 + i * 0.00113, x1 = x0 + 0.0007 * (1 + (i % 7)), xm = x0 + ((x1 - x0) * ((i * 37) % 100)) / 100;
      const y0 = 29.58 + (i % 13) * 0.0011, y1 = y0 + 0.0005 * (1 + (i % 5));
      const r = overlayPlots([{ id: 'p', geometryLngLat: ring([x0, xm, x1], y0, y1) }], [
        { name: 'L', features: [{ geometryLngLat: ring([x0, xm], y0, y1), group: 'a' }, { geometryLngLat: ring([xm, x1], y0, y1), group: 'b' }] },
      ]).plots[0]!;
      const u = r.byLayer[0]!.uncovered;
      expect(u.planarM2.toFixed(2)).toBe('0.00');
      expect(u.mu.toFixed(4)).toBe('0.0000');
      expect(r.overlaps.reduce((s, o) => s + o.area.planarM2, 0)).toBeCloseTo(r.area.planarM2, 6);
    }
  });
});
