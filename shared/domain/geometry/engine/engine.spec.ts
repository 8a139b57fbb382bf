import { describe, expect, it } from 'vitest';
import { loadGeometryEngine } from './load';

describe('GEOS engine (geos-wasm)', () => {
  it('repairs a bowtie into both lobes (GEOS MakeValid), area 2 not 0', async () => {
    const e = await loadGeometryEngine();
    const bow = e.fromPolygons([
      [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ],
    ]);
    expect(e.isValid(bow)).toBe(false);
    const fixed = e.makeValid(bow);
    expect(e.area(fixed)).toBeCloseTo(2, 12);
    expect(e.toPolygons(fixed)).toHaveLength(2);
    e.destroy(bow);
    e.destroy(fixed);
  });
  it('intersection, union, difference and rectangle clip of squares', async () => {
    const e = await loadGeometryEngine();
    const sq = (x: number, y: number, s: number) =>
      e.fromPolygons([
        [
          [
            [x, y],
            [x + s, y],
            [x + s, y + s],
            [x, y + s],
            [x, y],
          ],
        ],
      ]);
    const a = sq(0, 0, 10);
    const b = sq(5, 5, 10);
    const i = e.intersection(a, b);
    expect(e.area(i)).toBeCloseTo(25, 12);
    const d = e.difference(a, b);
    expect(e.area(d)).toBeCloseTo(75, 12);
    const u = e.unionAll([sq(0, 0, 10), sq(5, 5, 10)]);
    expect(e.area(u)).toBeCloseTo(175, 12);
    const c = e.clipByRect(a, 2, 2, 4, 30);
    expect(e.area(c)).toBeCloseTo(16, 12);
    for (const g of [a, b, i, d, u, c]) e.destroy(g);
  });
  it('shifts coordinates in and out (zone-prefixed eastings keep their millimetres)', async () => {
    const e = await loadGeometryEngine();
    const x0 = 39_500_000.123;
    const y0 = 3_300_000.456;
    const g = e.fromPolygons(
      [
        [
          [
            [x0, y0],
            [x0 + 1, y0],
            [x0 + 1, y0 + 1],
            [x0, y0 + 1],
            [x0, y0],
          ],
        ],
      ],
      x0,
      y0,
    );
    expect(e.area(g)).toBe(1);
    const back = e.toPolygons(g, x0, y0);
    expect(back[0]?.[0]?.[2]).toEqual([x0 + 1, y0 + 1]);
    e.destroy(g);
  });
  it('an operation GEOS refuses throws EngineError with its message and leaves the engine usable', async () => {
    const e = await loadGeometryEngine();
    // A ring whose last point is not its first is refused by GEOS's LinearRing constructor.
    expect(() =>
      e.fromPolygons([
        [
          [
            [0, 0],
            [1, 1],
            [0, 0],
            [1, 1],
          ],
        ],
      ]),
    ).toThrow(/GEOS ring: .*closed/);
    const ok = e.fromPolygons([
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    ]);
    expect(e.area(ok)).toBeCloseTo(0.5, 12);
    e.destroy(ok);
  });
});
