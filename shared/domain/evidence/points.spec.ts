import { describe, expect, it } from 'vitest';
import { makeGkToLngLat } from '../crs/transform';
import type { GkPoint } from './inputs';
import { clockwiseFromNorthWest, numberBoundaryPoints, plotOfRecord, pointsOfRecord } from './points';

const zone = { width: 3 as const, zone: 39, centralMeridian: 117 };
const E = 500000;
const N = 4000000;
const sq = (x0: number, y0: number, w: number, h: number): GkPoint[] => [
  [E + x0, N + y0],
  [E + x0 + w, N + y0],
  [E + x0 + w, N + y0 + h],
  [E + x0, N + y0 + h],
]; // counter-clockwise, starting south-west

describe('boundary point numbering', () => {
  it('walks clockwise from the north-west vertex', () => {
    const r = clockwiseFromNorthWest(sq(0, 0, 100, 50));
    expect(r[0]).toEqual([E, N + 50]); // NW
    expect(r[1]).toEqual([E + 100, N + 50]); // NE: clockwise goes east first
    expect(r[2]).toEqual([E + 100, N]);
    expect(r[3]).toEqual([E, N]);
  });

  it('numbers a rotated plot from the vertex nearest its bbox NW corner, in any input orientation', () => {
    // a diamond turned 30°: vertices in clockwise input order starting at the south
    const c = [E, N] as const;
    const ang = [210, 120, 30, -60].map((d) => (d * Math.PI) / 180);
    const ring = ang.map((a) => [c[0] + 50 * Math.cos(a), c[1] + 50 * Math.sin(a)] as GkPoint);
    // bbox NW corner = (E − 43.3, N + 43.3); the nearest vertex is the one at 120° (E − 25, N + 43.3)
    for (const input of [ring, [...ring].reverse()]) {
      const pts = numberBoundaryPoints([[input]]);
      expect(pts[0]!.y).toBeCloseTo(E - 25, 6);
      expect(pts[0]!.x).toBeCloseTo(N + 43.301, 3);
      // clockwise next: the one at 30° (E + 43.3, N + 25)
      expect(pts[1]!.y).toBeCloseTo(E + 43.301, 3);
      expect(pts.map((p) => p.name)).toEqual(['J1', 'J2', 'J3', 'J4']);
    }
  });

  it('continues the numbers into holes and further polygons, each ring with its 圈号, 边长 closing the ring', () => {
    const outer = sq(0, 0, 100, 80);
    const hole = [...sq(20, 20, 30, 30)].reverse(); // holes often come clockwise already
    const second = sq(200, 0, 40, 10);
    const closed = [...second, second[0]!]; // a closed ring: its repetition dropped
    const pts = numberBoundaryPoints([[outer, hole], [closed]]);
    expect(pts.map((p) => p.name)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7', 'J8', 'J9', 'J10', 'J11', 'J12']);
    expect(pts.map((p) => p.ring)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
    // the hole starts at its own NW point, clockwise
    expect([pts[4]!.y, pts[4]!.x]).toEqual([E + 20, N + 50]);
    expect([pts[5]!.y, pts[5]!.x]).toEqual([E + 50, N + 50]);
    expect(pts.slice(0, 4).map((p) => p.sideMetres)).toEqual([100, 80, 100, 80]);
    expect(pts[11]!.sideMetres).toBe(10); // J12 → J9 closes the third ring
  });

  it('keeps a record’s surveyed points as held; numbers a drawn plot', () => {
    const toLngLat = makeGkToLngLat(zone, false);
    const ring = sq(0, 0, 30, 40).map((p) => toLngLat(p[0], p[1]));
    const geometry = { type: 'Polygon' as const, coordinates: [[...ring, ring[0]!]] };
    const surveyed = [
      { name: '1', x: 4000040.123, y: 39500000.001, ring: 1 },
      { name: '2', x: 4000040.123, y: 39500030.002, ring: 1 },
      { name: '3', x: 4000000.124, y: 39500030.003, ring: 1 },
    ];
    const held = pointsOfRecord({ geometry, zone, surveyPoints: surveyed });
    expect(held.map((p) => [p.name, p.x, p.y])).toEqual(surveyed.map((p) => [p.name, p.x, p.y]));
    expect(held[0]!.sideMetres).toBeCloseTo(30.001, 6);
    expect(plotOfRecord({ geometry, zone, surveyPoints: surveyed })!.zonePrefix).toBe(true);

    const drawn = pointsOfRecord({ geometry, zone, surveyPoints: [] });
    expect(drawn.map((p) => p.name)).toEqual(['J1', 'J2', 'J3', 'J4']);
    expect(drawn[0]!.x).toBeCloseTo(N + 40, 6);
    expect(drawn[0]!.y).toBeCloseTo(E, 6);
    expect(drawn[0]!.sideMetres).toBeCloseTo(30, 6);
  });
});
