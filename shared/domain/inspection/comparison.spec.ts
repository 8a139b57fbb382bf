import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { makeGkToLngLat } from '../crs/transform';
import { loadGeometryEngine } from '../geometry/engine/load';
import { overlayPlots, type OverlayLayer } from '../geometry/overlay';
import { guessRoles, summarizeComparison, type RoleAssignment } from './comparison';
import { landClassOf } from './land-classes';

const engine = await loadGeometryEngine();
// CGCS2000 3° zone 39 (CM 117°E), no prefix: rectangles whose planar areas are known exactly.
const toLngLat = makeGkToLngLat({ width: 3, zone: 39, centralMeridian: 117 }, false);
const E0 = 480_000;
const N0 = 3_870_000;
/** A rectangle [e0, e1] × [n0, n1] in metres from the plot's south-west corner, as a lon/lat polygon. */
const rect = (e0: number, e1: number, n0: number, n1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [E0 + e0, N0 + n0],
      [E0 + e1, N0 + n0],
      [E0 + e1, N0 + n1],
      [E0 + e0, N0 + n1],
      [E0 + e0, N0 + n0],
    ].map(([e, n]) => toLngLat(e as number, n as number)),
  ],
});

// The plot: 100 m × 100 m = 10,000 m² = 15 亩.
const plot = rect(0, 100, 0, 100);
const layers: OverlayLayer[] = [
  { name: 'farmland', features: [{ geometryLngLat: rect(-50, 40, -50, 150), group: null }] },
  {
    name: 'landClass',
    features: [
      { geometryLngLat: rect(-10, 30, -10, 110), group: '0101' },
      { geometryLngLat: rect(30, 60, -10, 110), group: '0103K' },
      { geometryLngLat: rect(60, 80, -10, 110), group: '村庄' },
      { geometryLngLat: rect(80, 90, -10, 110), group: 'XYZ' },
    ],
  },
  {
    name: 'planning',
    features: [
      { geometryLngLat: rect(-10, 110, 50, 110), group: '允许建设区' },
      { geometryLngLat: rect(-10, 110, -10, 50), group: '农田保护区' },
    ],
  },
  { name: 'approval', features: [{ geometryLngLat: rect(75, 200, 0, 100), group: null }] },
];
const roles: RoleAssignment[] = [
  { role: 'farmland', layerId: 'F', layerName: '永久基本农田', groupField: null },
  { role: 'landClass', layerId: 'D', layerName: '地类图斑', groupField: 'DLBM' },
  { role: 'planning', layerId: 'P', layerName: '规划分区', groupField: 'GHFQMC' },
  { role: 'approval', layerId: 'A', layerName: '报批', groupField: null },
];
const result = overlayPlots(engine, [{ id: 'p', geometryLngLat: plot }], layers).plots[0]!;
const s = summarizeComparison(result, roles);
const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(1e-6 * Math.max(want, 1));

describe('the comparison of a plot against the office’s layers (exact rectangles in GK zone 39)', () => {
  it('gives the total and what lies in permanent farmland, in m² and 亩', () => {
    near(s.total.planarM2, 10_000);
    near(s.total.mu, 15);
    near(s.farmland!.inside.planarM2, 4_000);
    near(s.farmland!.outside.planarM2, 6_000);
  });

  it('groups land classes to the first level with 其中耕地 and the 三大类, the unknown value kept apart', () => {
    const lc = s.landClass!;
    expect(lc.level1.map((b) => [b.code, b.name])).toEqual([
      ['01', '耕地'],
      ['20', '城镇村及工矿用地'],
      ['XYZ', 'XYZ'],
    ]);
    near(lc.cultivated.planarM2, 6_000);
    expect(lc.level1[0]!.detail.map((d) => [d.code, d.name])).toEqual([
      ['0101', '水田'],
      ['0103', '旱地'],
    ]);
    near(lc.level1[0]!.detail[0]!.area.planarM2, 3_000);
    near(lc.three.agricultural.planarM2, 6_000);
    near(lc.three.construction.planarM2, 2_000);
    near(lc.three.unclassified.planarM2, 1_000);
    near(lc.uncovered.planarM2, 1_000);
    // The block adds up to the total.
    near(lc.level1.reduce((t, b) => t + b.area.planarM2, 0) + lc.uncovered.planarM2, 10_000);
  });

  it('judges the plan zone by zone and does not call a plot that reaches into 农田保护区 符合规划', () => {
    const pz = s.planning!;
    near(pz.byVerdict.allowed.planarM2, 5_000);
    near(pz.byVerdict.forbidden.planarM2, 5_000);
    expect(pz.fits).toBe(false);
    near(s.approval!.inside.planarM2, 2_500);
    expect(s.supply).toBeNull(); // no layer plays 供地
    near(s.outsideAll.planarM2, 0); // the planning layer covers the whole plot
  });

  it('says 符合 only when every zoned part is allowed', () => {
    const inside = overlayPlots(engine, [{ id: 'q', geometryLngLat: rect(0, 100, 60, 100) }], layers).plots[0]!;
    expect(summarizeComparison(inside, roles).planning!.fits).toBe(true);
  });
});

describe('land classes and roles', () => {
  it('reads DLBM codes, 三调 and older names, and K suffixes to one class', () => {
    expect(landClassOf('0102')).toEqual({ code: '0102', level1: '01', name: '水浇地', three: 'agricultural' });
    expect(landClassOf('0103K')?.code).toBe('0103');
    expect(landClassOf('有林地')).toMatchObject({ code: '0301', level1: '03', three: 'agricultural' });
    expect(landClassOf('其他草地')).toMatchObject({ three: 'unused' });
    expect(landClassOf('坑塘水面')).toMatchObject({ three: 'agricultural' });
    expect(landClassOf('水库水面')).toMatchObject({ three: 'construction' });
    expect(landClassOf('05H1')).toMatchObject({ level1: '05', three: 'construction' });
    expect(landClassOf('203')).toMatchObject({ level1: '20', name: '村庄' });
    expect(landClassOf('花园')).toBeNull();
  });

  it('guesses each role from the layer kinds once', () => {
    expect(
      guessRoles([
        { id: '1', name: '变化图斑', kind: 'changePatch', fieldNames: ['JCBH'] },
        { id: '2', name: 'YJJBNTTB', kind: 'permanentFarmland', fieldNames: ['DLBM'] },
        { id: '3', name: 'DLTB', kind: 'landClass', fieldNames: ['dlbm', 'DLMC'] },
        { id: '4', name: '规划', kind: 'planningZone', fieldNames: ['GHFQDM', 'GHFQMC'] },
        { id: '5', name: '供地范围', kind: 'approvalSupply', fieldNames: [] },
        { id: '6', name: '报批范围', kind: 'approvalSupply', fieldNames: [] },
      ]).map((r) => [r.role, r.layerId, r.groupField]),
    ).toEqual([
      ['farmland', '2', null],
      ['landClass', '3', 'dlbm'],
      ['planning', '4', 'GHFQMC'],
      ['supply', '5', null],
      ['approval', '6', null],
    ]);
  });
});
