/**
 * The overlay when things go wrong: GEOS failing on one feature, one group or one plot (injected), plots without
 * geometry, blank group values, and long edges that bow out of their lon/lat box. Nothing may be left out
 * silently, and nothing may throw past the plot it happened in.
 */
import type { Polygon } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError, type GeometryEngine } from './engine/engine';
import { loadGeometryEngine } from './engine/load';
import { groupValueOf, overlayPlots, type OverlayLayer } from './overlay';

const engine = await loadGeometryEngine();
const sq = (x0: number, y0: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + d, y0],
      [x0 + d, y0 + d],
      [x0, y0 + d],
      [x0, y0],
    ],
  ],
});

/** Replaces one engine method for the test; restored after each test. */
const restores: (() => void)[] = [];
function inject<K extends 'intersection' | 'unionAll' | 'fromPolygons'>(name: K, fail: (call: number) => boolean): void {
  const e = engine as GeometryEngine & Record<K, (...a: unknown[]) => unknown>;
  const orig = e[name];
  let call = 0;
  e[name] = ((...args: unknown[]) => {
    if (fail(call++)) throw new EngineError(name, 'injected failure');
    return (orig as (...a: unknown[]) => unknown).apply(engine, args);
  }) as (typeof e)[K];
  restores.push(() => {
    e[name] = orig;
  });
}
afterEach(() => {
  while (restores.length) restores.pop()!();
});

const layer: OverlayLayer = {
  name: '地类',
  features: [
    { geometryLngLat: sq(117, 35, 0.004), group: '水田', fid: 0 },
    { geometryLngLat: sq(117.005, 35, 0.004), group: '旱地', fid: 1 },
  ],
};
const plots = [
  { id: 'A', geometryLngLat: sq(117, 35, 0.01) },
  { id: 'B', geometryLngLat: sq(117.02, 35.02, 0.01) },
];

describe('overlay under engine failure (injected)', () => {
  it('a feature GEOS cannot clip is named, its layer and plot marked incomplete; other plots unaffected', () => {
    inject('intersection', (k) => k === 0); // the first clip of the run fails
    const r = overlayPlots(engine, plots, [layer]);
    const a = r.plots[0]!;
    expect(a.complete).toBe(false);
    expect(a.byLayer[0]!.complete).toBe(false);
    expect(a.unusable).toEqual([{ layer: '地类', fid: 0, reason: 'engine', message: 'GEOS intersection: injected failure' }]);
    expect(a.overlaps.map((o) => o.group)).toEqual(['旱地']); // the other feature still counts
    expect(r.plots[1]!.complete).toBe(true);
  });

  it('a group that cannot be unioned is named with its group; the layer is marked, the run goes on', () => {
    const two: OverlayLayer = {
      name: 'L',
      features: [
        { geometryLngLat: sq(117, 35, 0.004), group: 'g', fid: 0 },
        { geometryLngLat: sq(117.002, 35, 0.004), group: 'g', fid: 1 },
      ],
    };
    inject('unionAll', (k) => k === 0);
    const p = overlayPlots(engine, plots.slice(0, 1), [two]).plots[0]!;
    expect(p.unusable).toEqual([{ layer: 'L', fid: -1, group: 'g', reason: 'engine', message: 'GEOS unionAll: injected failure' }]);
    expect(p.byLayer[0]!.complete).toBe(false);
    expect(p.complete).toBe(false);
  });

  it('a plot GEOS cannot build gets its row, zero figures, marked, with the reason; the next plot is computed', () => {
    inject('fromPolygons', (k) => k === 0); // the first plot's own geometry
    const r = overlayPlots(engine, plots, [layer]);
    expect(r.plots.map((p) => p.id)).toEqual(['A', 'B']);
    expect(r.plots[0]).toMatchObject({ complete: false, unusable: [{ layer: null, fid: -1, reason: 'engine' }] });
    expect(r.plots[0]!.area.planarM2).toBe(0);
    expect(r.plots[1]!.complete).toBe(true);
    expect(r.plots[1]!.area.planarM2).toBeGreaterThan(800_000);
  });
});

describe('overlay edge cases', () => {
  it('a plot record without geometry keeps its row, marked no-geometry', () => {
    const r = overlayPlots(engine, [{ id: 'empty', geometryLngLat: null }, ...plots], [layer]);
    expect(r.plots.map((p) => p.id)).toEqual(['empty', 'A', 'B']);
    expect(r.plots[0]).toMatchObject({ complete: false, unusable: [{ layer: null, reason: 'no-geometry' }] });
  });

  it('blank and missing group values are one group (null), the same in the app and the CLI', () => {
    expect([groupValueOf(null), groupValueOf(undefined), groupValueOf(''), groupValueOf('  '), groupValueOf('水田'), groupValueOf(3)]).toEqual([
      null,
      null,
      null,
      null,
      '水田',
      '3',
    ]);
  });

  it('a long edge bowing out of its lon/lat box is still a candidate (5.5 km edge along 35°N, plot just north of it)', () => {
    // The parcel's north edge runs along 35°N from 117.0° to 117.06°; in the GK plane it is straight and lies
    // north of the parallel by up to L²/8R ≈ 0.6 m, so a plot starting 0.11 m north of 35°N overlaps it.
    const parcel: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [117, 34.99],
          [117.06, 34.99],
          [117.06, 35],
          [117, 35],
          [117, 34.99],
        ],
      ],
    };
    const plot: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [117.025, 35.000001],
          [117.035, 35.000001],
          [117.035, 35.001],
          [117.025, 35.001],
          [117.025, 35.000001],
        ],
      ],
    };
    const p = overlayPlots(engine, [{ id: 'north', geometryLngLat: plot }], [{ name: 'L', features: [{ geometryLngLat: parcel, group: null }] }])
      .plots[0]!;
    expect(p.byLayer[0]!.covered.planarM2).toBeGreaterThan(100);
  });
});
