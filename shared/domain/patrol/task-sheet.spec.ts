import { readFileSync } from 'node:fs';
import * as ExcelJS from 'exceljs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../formats/xlsx/write';
import type { DateKey } from './calendar';
import { createTask } from './task-record';
import { taskSheet, taskSheetWorkbook, type TaskSheetLabels } from './task-sheet';

// Oracle: scripts/make-tasks-oracle.py (pyproj into EPSG:4527, CGCS2000 3° zone 39 with the prefix; pyproj.Geod on
// GRS80 for the route; shapely on the projected ring for the area).
const oracle = JSON.parse(readFileSync('tests/oracles/tasks.json', 'utf8')).sheet as {
  zone: number;
  points: { lngLat: [number, number]; x: number; y: number }[];
  route: [number, number][];
  routeGeodesicMetres: number;
  area: [number, number][];
  areaPlanarM2: number;
};
const ZONE = { width: 3 as const, zone: 39, centralMeridian: 117 };
const task = createTask(
  {
    id: 'T1',
    date: '2026-12-01' as DateKey,
    officers: [
      { name: '李晓燕', certNo: '鲁执 37010001' },
      { name: '王强', certNo: '' },
    ],
    areaIds: ['R1', 'gone', 'A2'],
    points: oracle.points.map((p, i) => ({ id: `P${i + 1}`, name: `点 ${i + 1}`, lngLat: p.lngLat, note: i === 0 ? '砖厂东侧' : '', source: null })),
    plannedRoute: { type: 'LineString', coordinates: oracle.route },
    notes: '带无人机',
  },
  '李晓燕',
  1,
);
const park: Polygon = { type: 'Polygon', coordinates: [oracle.area] };
const sheet = taskSheet(task, [
  { id: 'R1', name: '杏园工业园', kindLabel: '重点区域', geometry: park, zone: ZONE, people: '李晓燕' },
  undefined,
  { id: 'A2', name: '杏园村', kindLabel: '村', geometry: null, zone: null, people: '' },
]);

describe('taskSheet', () => {
  it('gives each point its lon/lat and CGCS2000 GK X (north) / Y (east, zone prefix) as PROJ does, to 1 mm', () => {
    expect(sheet.pointZone).toEqual(ZONE); // the first area's zone
    expect(sheet.points).toHaveLength(3);
    sheet.points.forEach((p, i) => {
      const o = oracle.points[i]!;
      expect([p.lng, p.lat]).toEqual(o.lngLat);
      expect(Math.abs(p.x - o.x)).toBeLessThan(1e-3);
      expect(Math.abs(p.y - o.y)).toBeLessThan(1e-3);
      expect(Math.floor(p.y / 1e6)).toBe(39); // Y carries its zone
    });
    expect(sheet.points[0]).toMatchObject({ no: 1, id: 'P1', name: '点 1', note: '砖厂东侧' });
  });

  it('measures the planned route geodesically (GeographicLib, GRS80), to 1 mm', () => {
    expect(Math.abs(sheet.routeMetres! - oracle.routeGeodesicMetres)).toBeLessThan(1e-3);
    expect(sheet.routeVertices).toBe(5);
  });

  it('lists the areas in order with their planar area in the zone and 亩, a missing one said, the total the sum', () => {
    expect(sheet.areas.map((a) => [a.no, a.name, a.missing])).toEqual([
      [1, '杏园工业园', false],
      [2, 'gone', true],
      [3, '杏园村', false],
    ]);
    expect(Math.abs(sheet.areas[0]!.planarM2! - oracle.areaPlanarM2)).toBeLessThanOrEqual(0.005); // printed to 0.01 m²
    expect(sheet.areas[0]!.mu).toBeCloseTo(sheet.areas[0]!.planarM2! * 0.0015, 9);
    expect(sheet.areas[2]!.planarM2).toBeNull(); // no boundary yet
    expect(sheet.totalPlanarM2).toBe(sheet.areas[0]!.planarM2);
    expect(sheet.totalMu).toBeCloseTo(sheet.totalPlanarM2 * 0.0015, 9);
  });

  it('without areas, points take the 3° zone of the first point; without a route there is no length', () => {
    const bare = taskSheet(createTask({ id: 'T2', date: '2026-12-02' as DateKey, points: task.points.slice(0, 1) }, 'x', 1), []);
    expect(bare.pointZone).toEqual(ZONE);
    expect(bare.routeMetres).toBeNull();
    expect(bare.totalPlanarM2).toBe(0);
  });
});

describe('taskSheetWorkbook, written and read back with exceljs', () => {
  const labels: TaskSheetLabels = {
    title: '巡查任务单',
    sheetTask: '任务',
    sheetAreas: '巡查区域',
    sheetPoints: '巡查点位',
    date: '日期',
    officers: '巡查人员',
    status: '状态',
    statusText: '计划',
    routeKm: '计划路线长度（km，椭球面）',
    totalArea: '区域面积合计（亩，高斯平面）',
    notes: '备注',
    no: '序号',
    name: '名称',
    kind: '类型',
    people: '责任人',
    planarM2: '平面面积（m²）',
    mu: '面积（亩）',
    zone: '投影带',
    pointId: '点号',
    lng: '经度',
    lat: '纬度',
    x: 'X（北）',
    y: 'Y（东，含带号）',
    note: '说明',
    zoneText: (z) => `3°带 ${z.zone}`,
    officerText: (o) => (o.certNo ? `${o.name}（${o.certNo}）` : o.name),
  };

  it('holds the same figures as the sheet, numbers as numbers', async () => {
    const bytes = await writeXlsx(taskSheetWorkbook(sheet, labels, new Date(Date.UTC(2026, 11, 1))));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务', '巡查区域', '巡查点位']);
    const summary = wb.getWorksheet('任务')!;
    expect(summary.getCell('B2').value).toBe('2026-12-01');
    expect(summary.getCell('B3').value).toBe('李晓燕（鲁执 37010001）、王强');
    expect(summary.getCell('B5').value).toBeCloseTo(oracle.routeGeodesicMetres / 1000, 3);
    const pts = wb.getWorksheet('巡查点位')!;
    expect(pts.getRow(1).values).toEqual([undefined, '序号', '点号', '名称', '经度', '纬度', 'X（北）', 'Y（东，含带号）', '说明']);
    oracle.points.forEach((o, i) => {
      const row = pts.getRow(i + 2);
      expect(Math.abs((row.getCell(6).value as number) - o.x)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(Math.abs((row.getCell(7).value as number) - o.y)).toBeLessThanOrEqual(0.0005 + 1e-9);
      expect(row.getCell(6).numFmt).toBe('0.000');
    });
    const areas = wb.getWorksheet('巡查区域')!;
    expect(areas.getRow(2).getCell(5).value).toBe(sheet.areas[0]!.planarM2);
    expect(areas.getRow(5).getCell(2).value).toBe('区域面积合计（亩，高斯平面）');
  });
});
