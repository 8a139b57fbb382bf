import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { makeLngLatToGkEN } from '../../../shared/domain/crs/transform';
import { locationFromGrid, patchNoOf, plotCentre, typedPlot } from './start.logic';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

const area = (id: string, level: GridArea['level'], name: string, parentId: string | null, geometry: Polygon): GridArea =>
  ({
    id,
    level,
    name,
    parentId,
    geometry,
    v: 1,
    code: null,
    zone: null,
    people: [],
    duties: '',
    ruleIds: [],
    keyArea: null,
    createdAt: 0,
    updatedAt: 0,
    history: [],
  }) as unknown as GridArea;

describe('starting a record', () => {
  it('carries the patch number over from JCBH (any case), else TBBH', () => {
    expect(patchNoOf({ jcbh: ' 370300202604001 ', TBLX: '新增建设' })).toBe('370300202604001');
    expect(patchNoOf({ TBBH: '0012' })).toBe('0012');
    expect(patchNoOf({ XZQMC: '青石村' })).toBe('');
  });

  it('finds a point inside a U-shaped plot whose box centre lies outside it', () => {
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const c = plotCentre(u);
    expect(c).not.toEqual([1.5, 1.5]);
    expect(c[1]).toBeLessThan(1); // in the U's base
    expect(plotCentre(square(0, 0, 2, 2))).toEqual([1, 1]);
  });

  it('names the township and village from the grid: the deepest area and its ancestors', () => {
    const areas = [
      area('T', 'township', '石桥镇', null, square(0, 0, 10, 10)),
      area('V1', 'village', '青石村', 'T', square(0, 0, 5, 10)),
      area('V2', 'village', '杏园村', 'T', square(5, 0, 10, 10)),
      area('C1', 'cell', '青石村-01', 'V1', square(0, 0, 5, 5)),
    ];
    expect(locationFromGrid(areas, [1, 1])).toEqual({ township: '石桥镇', village: '青石村', areaId: 'C1', place: '' });
    expect(locationFromGrid(areas, [7, 1])).toEqual({ township: '石桥镇', village: '杏园村', areaId: 'V2', place: '' });
    expect(locationFromGrid(areas, [20, 20])).toBeNull();
  });

  it('reads typed X,Y (north, east) with the zone prefix and gives back the same points in lon/lat', () => {
    const text = 'J1,3879100.00,39498100.00\nJ2，3879100.00，39498200.00\n3879200 39498200\n3879200\t39498100\nJ1,3879100.00,39498100.00\n';
    const r = typedPlot(text, null);
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
    expect(r.points).toBe(4);
    expect(r.zone).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    // Back to GK with proj4 (the survey module's transform, checked against PROJ in transform.spec.ts): the typed metres.
    const toGk = makeLngLatToGkEN(r.zone, true);
    const ring = r.geometry.coordinates[0] ?? [];
    const back = ring.map((p) => toGk(p[0] as number, p[1] as number)).map(([e, n]) => [Math.round(e * 1000) / 1000, Math.round(n * 1000) / 1000]);
    expect(back).toContainEqual([39498200, 3879200]);
    expect(back).toContainEqual([39498100, 3879100]);
    expect(ring.length).toBe(5); // closed ring
  });

  it('takes the zone from the field when Y has no prefix, and refuses what is not a plot by name', () => {
    const ok = typedPlot('3879100,498100\n3879100,498200\n3879200,498200', 39);
    expect(ok.ok).toBe(true);
    expect(typedPlot('3879100,498100\n3879100,498200\n3879200,498200', null)).toEqual({ ok: false, refusal: { reason: 'zoneUnknown' } });
    expect(typedPlot('3879100,39498100\n3879100,39498200', null)).toEqual({ ok: false, refusal: { reason: 'tooFewPoints', count: 2 } });
    expect(typedPlot('3879100,39498100\n北三十米\n3879200,39498200', null)).toEqual({
      ok: false,
      refusal: { reason: 'badLine', line: 2, text: '北三十米' },
    });
    const bowtie = typedPlot('3879100,39498100\n3879200,39498200\n3879200,39498100\n3879100,39498200', null);
    expect(bowtie.ok).toBe(false);
    if (!bowtie.ok) expect(bowtie.refusal.reason).toBe('notSimple');
  });
});
