import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
// Figures from GEOS (shapely) and GeographicLib (pyproj.Geod) over the same fixtures: scripts/make-coverage-oracle.py.
import oracle from '../../../tests/oracles/coverage.json';
import { makeGkToLngLat } from '../crs/transform';
import { readTrackFile } from '../../formats/track/read-track';
import {
  measurePatrol,
  packCells,
  packedCellsTransfer,
  patrolCoverage,
  prepareCells,
  trackCoverage,
  trackLengthMetres,
  type CoverageCell,
  type CoveragePoint,
} from './coverage';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/tracks');
const cellsFc = JSON.parse(readFileSync(path.join(FIXTURES, 'cells.geojson'), 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  { WGBM: string; WGMC: string }
>;
const CELLS: CoverageCell[] = cellsFc.features.map((f) => ({ id: f.properties.WGBM, name: f.properties.WGMC, geometryLngLat: f.geometry }));
const prepared = prepareCells(CELLS);

const relClose = (ours: number, ref: number) => expect(Math.abs(ours - ref)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ref)));

describe('coverage of the fixture tracks, against GEOS and GeographicLib', () => {
  const files = [...new Set(oracle.tracks.map((t) => t.file))];
  it.each(files)('%s', (file) => {
    const read = readTrackFile({ path: file, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, file))) });
    const refs = oracle.tracks.filter((t) => t.file === file);
    expect(read.tracks.map((t) => t.name)).toEqual(refs.map((t) => t.name));
    read.tracks.forEach((track, i) => {
      const ref = refs[i]!;
      const ours = trackCoverage(prepared, track.points, { minMetres: oracle.minMetres, minSeconds: oracle.minSeconds });
      expect(ours.points).toBe(ref.points);
      relClose(ours.lengthMetres, ref.lengthMetres);
      expect([ours.startMs, ours.endMs]).toEqual([ref.startMs, ref.endMs]);
      expect(ours.cells.map((c) => [c.id, c.name, c.covered])).toEqual(ref.cells.map((c) => [c.id, c.name, c.covered]));
      ours.cells.forEach((c, k) => {
        const r = ref.cells[k]!;
        relClose(c.insideMetres, r.insideMetres);
        if (r.insideSeconds === null) expect(c.insideSeconds).toBeNull();
        else relClose(c.insideSeconds!, r.insideSeconds);
      });
    });
  });

  it('has the cases the fixtures were made for', () => {
    const byName = Object.fromEntries(oracle.tracks.map((t) => [t.name, Object.fromEntries(t.cells.map((c) => [c.id, c]))]));
    const morning = byName['晨巡 杏园村 (1/2)']!;
    expect(morning['WG-06']).toMatchObject({ covered: false }); // a short look in: 77 m, 67 s
    expect(morning['WG-07']!.insideMetres).toBeLessThan(400); // the pond (a hole) does not count
    expect(byName['晨巡 杏园村 (2/2)']!['WG-06']).toMatchObject({ covered: true }); // 55 m but 7½ minutes on site
    expect(Object.keys(byName['午后巡查']!)).toEqual(['WG-08', 'WG-09']); // the L's missing corner is outside; both parts of WG-09
    expect(byName['计划路线']!['WG-01']!.insideSeconds).toBeNull(); // a route has no times
    expect(oracle.tracks.every((t) => !t.cells.some((c) => c.id === 'WG-10'))).toBe(true);
  });
});

/** A square cell of `side` metres with its south-west corner at (e, n) in zone 39 (CM 117°E), in lon/lat. */
const toLngLat = makeGkToLngLat({ width: 3, zone: 39, centralMeridian: 117 }, false);
const at = (e: number, n: number): [number, number] => toLngLat(490000 + e, 4050000 + n);
const squareCell = (id: string, e: number, n: number, side: number): CoverageCell => ({
  id,
  name: id,
  geometryLngLat: { type: 'Polygon', coordinates: [[at(e, n), at(e + side, n), at(e + side, n + side), at(e, n + side), at(e, n)]] },
});
const T = Date.UTC(2026, 3, 20, 1);
const pt = (e: number, n: number, s: number | null): CoveragePoint => [...at(e, n), s === null ? null : T + s * 1000];

describe('trackCoverage', () => {
  const grid = prepareCells([squareCell('A', 0, 0, 100), squareCell('B', 100, 0, 100)]);

  it('splits a segment at the crossing, length and time alike', () => {
    const r = trackCoverage(grid, [pt(-50, 50, 0), pt(250, 50, 300)]);
    expect(r.cells.map((c) => c.id)).toEqual(['A', 'B']);
    for (const c of r.cells) {
      expect(c.insideMetres).toBeCloseTo(100, 2); // GK scale near the CM: well under 1 mm in 100 m
      expect(c.insideSeconds).toBeCloseTo(100, 6);
    }
    expect(r.lengthMetres).toBeCloseTo(300, 2);
  });

  it('adds up to the track when the track never leaves the cells', () => {
    const line = [pt(10, 10, 0), pt(190, 90, 60), pt(20, 80, 120), pt(150, 5, 200)];
    const r = trackCoverage(grid, line);
    const sum = r.cells.reduce((s, c) => s + c.insideMetres, 0);
    expect(Math.abs(sum - trackLengthMetres(line))).toBeLessThan(1e-6);
    expect(r.cells.reduce((s, c) => s + c.insideSeconds!, 0)).toBeCloseTo(200, 9);
  });

  it('counts a stretch along the shared edge for both cells, as GEOS does', () => {
    const r = trackCoverage(grid, [pt(100, -20, 0), pt(100, 120, 140)]);
    expect(r.cells.map((c) => [c.id, Math.round(c.insideMetres * 1000) / 1000, Math.round(c.insideSeconds! * 1000) / 1000])).toEqual([
      ['A', 100, 100],
      ['B', 100, 100],
    ]);
  });

  it('counts the time of standing still, and covers a cell by time alone', () => {
    const r = trackCoverage(grid, [pt(-20, 50, 0), pt(20, 50, 40), pt(20, 50, 400), pt(-20, 50, 440)], { minMetres: 200, minSeconds: 300 });
    expect(r.cells).toHaveLength(1);
    expect(r.cells[0]!.insideMetres).toBeCloseTo(40, 3);
    expect(r.cells[0]!.insideSeconds).toBeCloseTo(400, 6);
    expect(r.cells[0]!.covered).toBe(true);
    expect(trackCoverage(grid, [pt(-20, 50, 0), pt(20, 50, 40), pt(20, 50, 400), pt(-20, 50, 440)], { minSeconds: 500 }).cells[0]!.covered).toBe(
      false,
    );
  });

  it('counts no time where the track has none or goes back in time', () => {
    expect(trackCoverage(grid, [pt(10, 10, null), pt(90, 10, null)]).cells[0]).toMatchObject({ insideSeconds: null, covered: false });
    expect(trackCoverage(grid, [pt(10, 10, 100), pt(90, 10, 50)]).cells[0]!.insideSeconds).toBeNull();
    const partly = trackCoverage(grid, [pt(10, 10, 0), pt(50, 10, null), pt(90, 10, 20), pt(95, 10, 30)]);
    expect(partly.cells[0]!.insideSeconds).toBeCloseTo(10, 9); // only the last segment had both times
    expect([partly.startMs, partly.endMs]).toEqual([T, T + 30_000]);
  });

  it("lists only the cells entered, in the cells' order, and nothing for an empty or one-point track", () => {
    expect(trackCoverage(grid, [pt(150, 50, 0), pt(20, 50, 10)]).cells.map((c) => c.id)).toEqual(['A', 'B']);
    expect(trackCoverage(grid, [pt(500, 500, 0), pt(600, 500, 10)]).cells).toEqual([]);
    expect(trackCoverage(grid, [pt(50, 50, 0)])).toEqual({ points: 1, lengthMetres: 0, startMs: T, endMs: T, cells: [] });
    expect(trackCoverage(grid, [])).toEqual({ points: 0, lengthMetres: 0, startMs: null, endMs: null, cells: [] });
  });

  it('takes covered from either threshold', () => {
    const line = [pt(0.5, 50, 0), pt(99.5, 50, 30)]; // 99 m in the GK plane, 98.9999 m on the ellipsoid
    expect(trackCoverage(grid, line, { minMetres: 98.99 }).cells[0]!.covered).toBe(true);
    expect(trackCoverage(grid, line, { minMetres: 100 }).cells[0]!.covered).toBe(false);
    expect(trackCoverage(grid, line, { minMetres: 100, minSeconds: 30 }).cells[0]!.covered).toBe(true);
  });

  it("cuts a segment that runs along part of an edge at the stretch's ends", () => {
    // Along the south edge of A from x = -50 to 50: the half on the edge (boundary) is inside.
    const r = trackCoverage(grid, [pt(-50, 0, 0), pt(50, 0, 100)]);
    expect(r.cells.map((c) => c.id)).toEqual(['A']);
    expect(r.cells[0]!.insideMetres).toBeCloseTo(50, 3);
    expect(r.cells[0]!.insideSeconds).toBeCloseTo(50, 6);
  });
});

describe('patrolCoverage', () => {
  it("sums a patrol's lines per cell before judging coverage", () => {
    const grid = prepareCells([squareCell('A', 0, 0, 100)]);
    const half = [pt(0, 20, 0), pt(60, 20, 60)];
    const other = [pt(0, 80, 100), pt(60, 80, 160)];
    expect(trackCoverage(grid, half, { minMetres: 100 }).cells[0]!.covered).toBe(false);
    const [c] = patrolCoverage(grid, [half, other], { minMetres: 100 });
    expect(c!.insideMetres).toBeCloseTo(120, 2);
    expect(c!.insideSeconds).toBeCloseTo(120, 6);
    expect(c!.covered).toBe(true);
  });
});

describe('measurePatrol', () => {
  it("gives the coverage and the lines' geodesic length together", () => {
    const grid = prepareCells([squareCell('A', 0, 0, 100), squareCell('B', 100, 0, 100)]);
    const lines = [
      [pt(-50, 50, 0), pt(250, 50, 300)],
      [pt(10, 10, 400), pt(90, 90, 500), pt(150, 20, 600)],
    ];
    const m = measurePatrol(grid, lines);
    expect(m.cells).toEqual(patrolCoverage(grid, lines));
    expect(m.lengthMetres).toBe(trackLengthMetres(lines[0]!) + trackLengthMetres(lines[1]!));
  });
});

describe('packed cells (the copy to the worker)', () => {
  it('keep every ring of every cell, a MultiPolygon as its rings one after the other, and a cell with none', () => {
    const two: CoverageCell = {
      id: 'M',
      name: '两块',
      geometryLngLat: {
        type: 'MultiPolygon',
        coordinates: [squareCell('x', 0, 0, 10).geometryLngLat.coordinates as never, [[at(50, 0), at(60, 0), at(60, 10)]]],
      },
    };
    const p = packCells([squareCell('A', 0, 0, 100), { id: 'void', name: '空', geometryLngLat: { type: 'Polygon', coordinates: [] } }, two]);
    expect(p.ids).toEqual(['A', 'void', 'M']);
    expect(p.names).toEqual(['A', '空', '两块']);
    expect([...p.ringStarts]).toEqual([0, 1, 1, 3]);
    expect([...p.pointStarts]).toEqual([0, 5, 10, 13]);
    expect([p.lngLat[2 * 11], p.lngLat[2 * 11 + 1]]).toEqual(at(60, 0));
    expect(packedCellsTransfer(p)).toEqual([p.ringStarts.buffer, p.pointStarts.buffer, p.lngLat.buffer]);
  });
  it('measure exactly as the cells they were packed from, after a structured clone as postMessage makes it', () => {
    const packed = structuredClone(packCells(CELLS), { transfer: packedCellsTransfer(packCells(CELLS)) });
    const fromPacked = prepareCells(packed);
    const read = readTrackFile({ path: 'a.gpx', bytes: new Uint8Array(readFileSync(path.join(FIXTURES, oracle.tracks[0]!.file))) });
    const lines = read.tracks.map((t) => t.points);
    expect(lines.length).toBeGreaterThan(0);
    expect(patrolCoverage(fromPacked, lines)).toEqual(patrolCoverage(prepared, lines));
    expect(patrolCoverage(fromPacked, lines).length).toBeGreaterThan(0);
  });
  it('close a ring that comes unclosed, as GeoJSON from a file may', () => {
    const closed = squareCell('A', 0, 0, 100);
    const ring = (closed.geometryLngLat as Polygon).coordinates[0]!;
    const open: CoverageCell = { id: 'A', name: 'A', geometryLngLat: { type: 'Polygon', coordinates: [ring.slice(0, -1)] } };
    // Across the west edge, the one the closing edge makes.
    const line = [pt(-50, 50, 0), pt(50, 60, 100)];
    expect(patrolCoverage(prepareCells([open]), [line])).toEqual(patrolCoverage(prepareCells([closed]), [line]));
    expect(patrolCoverage(prepareCells([open]), [line])[0]!.insideMetres).toBeCloseTo(Math.hypot(50, 5), 2);
  });
});

describe('cells', () => {
  it('are measured in their own zone, and a cell with many edges is indexed', () => {
    // A 10 km × 10 km cell drawn with 400 edges, across which a track runs 2 km inside.
    const ring: [number, number][] = [];
    for (let i = 0; i < 100; i++) ring.push(at(i * 100, 0));
    for (let i = 0; i < 100; i++) ring.push(at(10000, i * 100));
    for (let i = 0; i < 100; i++) ring.push(at(10000 - i * 100, 10000));
    for (let i = 0; i < 100; i++) ring.push(at(0, 10000 - i * 100));
    ring.push(ring[0]!);
    const big = prepareCells([{ id: 'big', name: 'big', geometryLngLat: { type: 'Polygon', coordinates: [ring] } }]);
    const r = trackCoverage(big, [pt(-1000, 5000, 0), pt(2000, 5000, 3000)]);
    expect(r.cells[0]!.insideMetres).toBeCloseTo(2000, 1);
    expect(r.cells[0]!.insideSeconds).toBeCloseTo(2000, 3);
  });

  it('without any polygon are left out', () => {
    const p = prepareCells([{ id: 'void', name: 'void', geometryLngLat: { type: 'Polygon', coordinates: [] } }, squareCell('A', 0, 0, 100)]);
    expect(trackCoverage(p, [pt(10, 10, 0), pt(90, 10, 10)]).cells.map((c) => c.id)).toEqual(['A']);
  });
});
