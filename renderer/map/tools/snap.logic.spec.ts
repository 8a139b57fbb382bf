import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { better, nearestOnSegment, SnapIndex, type ScreenXY, type SnapQuery } from './snap.logic';
import { partCount, PartIndex, partsOfGeometries, pointCount } from './snap-parts.logic';
import type { LngLat } from './tool-machine.logic';

/** A plain linear screen: 1° = 100 000 px (≈ 1 px per metre at 35°N), y down, origin at 117°E 35°N. */
const K = 100_000;
const screen: Pick<SnapQuery, 'project' | 'unproject'> = {
  project: ([lng, lat]: LngLat): ScreenXY => [(lng - 117) * K, (35 - lat) * K],
  unproject: ([x, y]: ScreenXY): LngLat => [117 + x / K, 35 - y / K],
};
const q = (tolerancePx = 10, skip?: (id: string) => boolean): SnapQuery => ({ ...screen, tolerancePx, skip });
/** A point `dx`, `dy` pixels from `p`. */
const off = (p: LngLat, dx: number, dy: number): LngLat => screen.unproject([screen.project(p)[0] + dx, screen.project(p)[1] + dy]);

// A parcel whose corners have full-precision digits (as stored GeoJSON keeps them) and a road line.
const A: LngLat = [117.00123456789012, 35.0009876543211];
const B: LngLat = [117.00323456789012, 35.0009876543211];
const C: LngLat = [117.00323456789012, 35.0029876543211];
const D: LngLat = [117.00123456789012, 35.0029876543211];
const parcel: Geometry = { type: 'Polygon', coordinates: [[A, B, C, D, A]] };
const road: Geometry = {
  type: 'LineString',
  coordinates: [
    [117.0005, 35.0015],
    [117.0045, 35.0015],
  ],
};
const well: Geometry = { type: 'Point', coordinates: [117.004, 35.0025] };

describe('snap parts', () => {
  it('flattens rings, lines and points into parts, full precision', () => {
    const p = partsOfGeometries([parcel, road, well, null]);
    expect(partCount(p)).toBe(3);
    expect(pointCount(p)).toBe(5 + 2 + 1);
    expect([p.xy[0], p.xy[1]]).toEqual(A);
    expect([...p.starts]).toEqual([0, 5, 7, 8]);
  });
  it('answers the parts touching a box, and refuses (truncated) when they hold too many points', () => {
    const index = new PartIndex(partsOfGeometries([parcel, road, well]));
    const near = index.query([117.003, 35.0024, 117.0041, 35.0026]);
    // The box holds the well and reaches into the parcel's box, not the road's.
    expect(near.truncated).toBe(false);
    expect(partCount(near.parts)).toBe(2);
    expect([...near.parts.xy.slice(-2)]).toEqual([117.004, 35.0025]);
    expect(index.query([117.003, 35.0024, 117.0041, 35.0026], 3)).toMatchObject({ truncated: true });
    expect(partCount(index.query([118, 36, 118.1, 36.1]).parts)).toBe(0);
    expect(partCount(new PartIndex(partsOfGeometries([])).query([0, 0, 180, 90]).parts)).toBe(0);
  });
});

describe('snapping: nearest vertex within N px, else nearest edge point', () => {
  const index = new SnapIndex([
    { id: 'layer:parcels', parts: partsOfGeometries([parcel]) },
    { id: 'layer:roads', parts: partsOfGeometries([road, well]) },
  ]);

  it('snaps to a vertex within the tolerance, handing back the stored coordinate bit for bit', () => {
    const hit = index.nearest(off(B, 6, -5), q());
    expect(hit).toMatchObject({ kind: 'vertex', sourceId: 'layer:parcels' });
    expect(hit!.lngLat).toEqual(B);
    expect(hit!.distancePx).toBeCloseTo(Math.hypot(6, 5), 6);
    // A point part is a vertex too.
    expect(index.nearest(off([117.004, 35.0025], 3, 3), q())).toMatchObject({ kind: 'vertex', lngLat: [117.004, 35.0025], sourceId: 'layer:roads' });
  });

  it('prefers a vertex to a nearer edge', () => {
    // 2 px from the edge A–B, 8 px from vertex A along it: the vertex wins.
    const hit = index.nearest(off(A, 8, 2), q());
    expect(hit).toMatchObject({ kind: 'vertex', lngLat: A });
  });

  it('falls back to the nearest point on an edge, on the lon/lat segment', () => {
    const mid: LngLat = [(A[0] + B[0]) / 2, A[1]];
    const hit = index.nearest(off(mid, 3, -4), q());
    expect(hit?.kind).toBe('edge');
    expect(hit!.distancePx).toBeCloseTo(4, 6);
    expect(hit!.lngLat[1]).toBe(A[1]); // exactly on the east–west edge
    expect(Math.abs(hit!.lngLat[0] - (mid[0] + 3 / K))).toBeLessThan(1e-12);
  });

  it('finds nothing beyond the tolerance, and skips the sources it is told to', () => {
    expect(index.nearest(off(A, -20, 20), q())).toBeNull();
    expect(index.nearest(off(A, -20, 20), q(30))).toMatchObject({ kind: 'vertex', lngLat: A });
    expect(
      index.nearest(
        off(B, 1, 1),
        q(10, (id) => id === 'layer:parcels'),
      ),
    ).toBeNull();
    expect(new SnapIndex([]).nearest(A, q())).toBeNull();
  });

  it('where the road crosses the parcel edge, the nearer edge of the two wins', () => {
    // The road runs along lat 35.0015; the parcel's west edge along lng A[0]. 1 px east of the edge, 5 px above the road.
    const hit = index.nearest([A[0] + 1 / K, 35.0015 + 5 / K], q());
    expect(hit).toMatchObject({ kind: 'edge', sourceId: 'layer:parcels' });
    expect(hit!.lngLat[0]).toBe(A[0]);
  });
});

describe('snap helpers', () => {
  it('projects onto a segment, clamped to its ends', () => {
    expect(nearestOnSegment([5, 5], [0, 0], [10, 0])).toEqual({ t: 0.5, distancePx: 5 });
    expect(nearestOnSegment([-5, 0], [0, 0], [10, 0])).toEqual({ t: 0, distancePx: 5 });
    expect(nearestOnSegment([3, 4], [0, 0], [0, 0])).toEqual({ t: 0, distancePx: 5 });
  });
  it('ranks a vertex over an edge, then the nearer', () => {
    const v = { kind: 'vertex' as const, lngLat: A, distancePx: 9, sourceId: 'a' };
    const e = { kind: 'edge' as const, lngLat: B, distancePx: 1, sourceId: 'b' };
    expect(better(e, v)).toBe(v);
    expect(better(v, { ...v, distancePx: 2 })?.distancePx).toBe(2);
    expect(better(null, e)).toBe(e);
    expect(better(null, null)).toBeNull();
  });
});
