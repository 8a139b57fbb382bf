import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea, type NewGridArea } from '../../domain/grid/area-record';
import { planarAreaM2, projectToZone } from '../../domain/geometry/area';
import { readWithGdal } from '../../../tests/oracles/read-with-gdal';
import { importFiles } from '../import';
import { unzipInputs } from '../zip/unzip';
import { gridToGeoJson, readGridGeoJson, areasFromRows } from './grid-geojson';
import { planGridImport } from './grid-import-plan';
import { parsePeopleText, peopleText } from './grid-properties';
import { gridToShapefile } from './grid-shapefile';

const AT = Date.UTC(2026, 10, 20);
const ZONE = { width: 3 as const, zone: 39, centralMeridian: 117 };
const box = (x: number, y: number, w: number, h: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
      [x, y],
    ],
  ],
});
const make = (init: NewGridArea): GridArea => {
  const r = createGridArea({ zone: ZONE, ...init }, { at: AT, by: '王芳' });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

/** One township's grid: 石桥镇 → 杏园村 → two cells (people, duties, a key area, rules), as a county office receives it. */
function township(prefix: string, code: string, name: string, x: number): GridArea[] {
  const t = make({ id: `${prefix}T`, level: 'township', name, code, parentId: `${prefix}C`, geometry: box(x, 36, 0.04, 0.03) });
  const v = make({
    id: `${prefix}V`,
    level: 'village',
    name: '杏园村',
    code: `${code.slice(0, 9)}201`,
    parentId: t.id,
    geometry: box(x, 36, 0.02, 0.03),
  });
  const c1 = make({
    id: `${prefix}1`,
    level: 'cell',
    name: '杏园村-01',
    parentId: v.id,
    geometry: box(x, 36, 0.01, 0.03),
    people: [
      { name: '王芳', role: '执法监察员', lawEnforcementCertNo: '鲁370300123', phone: '13800000000' },
      { name: '李强', role: '网格员', lawEnforcementCertNo: '', phone: '13900000000' },
    ],
    duties: '每周巡查两次，发现违法占地当日报告',
    ruleIds: ['township-2-per-week'],
    keyArea: { kind: '基本农田保护区' },
  });
  const c2 = make({ id: `${prefix}2`, level: 'cell', name: '杏园村-02', parentId: v.id, geometry: box(x + 0.01, 36, 0.01, 0.03) });
  return [t, v, c1, c2];
}

const A = township('a', '370112101000', '石桥镇', 117.0);
const B = township('b', '370112102000', '柳河镇', 117.1);
const opts = { newId: () => 'new', at: AT, by: '县大队' };

describe('grid GeoJSON', () => {
  it('Chinese properties an officer reads, and the full records for a lossless round trip', () => {
    const fc = gridToGeoJson(A, A, { office: '石桥镇国土所', exportedAt: AT });
    const cell = fc.features[2]!;
    expect(cell.properties).toMatchObject({
      区域ID: 'a1',
      级别: '网格单元',
      名称: '杏园村-01',
      编码: null,
      上级ID: 'aV',
      上级名称: '杏园村',
      负责人: '王芳(执法监察员,鲁370300123,13800000000)；李强(网格员,,13900000000)',
      职责: '每周巡查两次，发现违法占地当日报告',
      重点区域: '基本农田保护区',
      巡查规则: 'township-2-per-week',
      坐标带: '3°带39',
    });
    // 平面面积 is the engine's planar m² in the area's zone; 亩 = m² × 0.0015.
    const m2 = planarAreaM2(projectToZone(A[2]!.geometry!, ZONE));
    expect(cell.properties!['平面面积']).toBeCloseTo(m2, 2);
    expect(cell.properties!['亩']).toBeCloseTo(m2 * 0.0015, 4);
    const back = readGridGeoJson(JSON.stringify(fc), opts);
    expect(back).toEqual({ ok: true, areas: A, source: 'records', office: '石桥镇国土所' });
  });

  it('without the landpatrol member (QGIS drops it) the areas come from the properties', () => {
    const fc = gridToGeoJson(A, A, { office: 'x', exportedAt: AT }) as unknown as Record<string, unknown>;
    delete fc.landpatrol;
    const back = readGridGeoJson(JSON.stringify(fc), opts);
    expect(back.ok && back.source).toBe('properties');
    if (!back.ok) return;
    expect(back.areas.map((a) => [a.id, a.level, a.name, a.code, a.parentId])).toEqual(A.map((a) => [a.id, a.level, a.name, a.code, a.parentId]));
    expect(back.areas[2]!.people).toEqual(A[2]!.people);
    expect(back.areas[2]!.keyArea).toEqual({ kind: '基本农田保护区' });
    expect(back.areas[2]!.history.map((h) => h.change)).toEqual(['imported']);
  });

  it('people text round trip, full-width punctuation accepted', () => {
    expect(parsePeopleText(peopleText(A[2]!.people))).toEqual(A[2]!.people);
    expect(parsePeopleText('张伟（负责人，鲁1，139）; 赵六')).toEqual([
      { name: '张伟', role: '负责人', lawEnforcementCertNo: '鲁1', phone: '139' },
      { name: '赵六', role: '网格员', lawEnforcementCertNo: '', phone: '' },
    ]);
  });

  it.each([
    ['not JSON', '{"type":', 'notJson'],
    ['not a FeatureCollection', '{"type":"Feature"}', 'notFeatureCollection'],
    [
      'a newer version',
      JSON.stringify({ type: 'FeatureCollection', features: [], landpatrol: { format: 'landpatrol-grid', version: 9, areas: [] } }),
      'newerVersion',
    ],
    ['no features', '{"type":"FeatureCollection","features":[]}', 'noAreas'],
  ])('refuses %s with a named reason', (_, text, reason) => {
    expect(readGridGeoJson(text, opts)).toMatchObject({ ok: false, reason });
  });

  it('a bad area is named by its index and name', () => {
    const r = areasFromRows([{ properties: { 名称: '青石村', 级别: '村' }, geometry: { type: 'Point', coordinates: [1, 2] } }], opts);
    expect(r).toMatchObject({ ok: false, reason: 'badArea', index: 1, name: '青石村', areaReason: 'badGeometry' });
    expect(areasFromRows([{ properties: { 名称: '青石村' }, geometry: null }], opts)).toMatchObject({
      ok: false,
      reason: 'badArea',
      areaReason: 'noLevel',
    });
  });
});

describe('planGridImport', () => {
  const edit = { at: AT + 1000, by: '县大队', file: '石桥镇.geojson' };

  it('into an empty store: all new, a township without its county at the top, ids kept, an imported entry', () => {
    const p = planGridImport(A, [], edit);
    expect(p.added.map((a) => a.id)).toEqual(['aT', 'aV', 'a1', 'a2']);
    expect(p.added[0]!.parentId).toBeNull();
    expect(p.reparented.map((r) => [r.area.id, r.parentId])).toEqual([['aT', null]]);
    expect(p.added[2]!.history.at(-1)).toEqual({ at: AT + 1000, by: '县大队', change: 'imported', fields: [], note: '石桥镇.geojson' });
    expect(p.added[2]!.history.slice(0, -1)).toEqual(A[2]!.history);
  });

  it('two townships side by side under the stored county; importing one again is all "same"', () => {
    const county = make({ id: 'county', level: 'county', name: '历城区', code: '370112000000', geometry: box(116.9, 35.9, 0.5, 0.5) });
    const first = planGridImport(A, [county], edit);
    expect(first.added[0]!.parentId).toBe('county');
    const stored = [county, ...first.added];
    const second = planGridImport(B, stored, edit);
    expect(second.added.map((a) => a.id)).toEqual(['bT', 'bV', 'b1', 'b2']);
    expect(second.added[0]!.parentId).toBe('county');
    expect(second.conflicts).toEqual([]);
    const again = planGridImport(A, [...stored, ...second.added], edit);
    expect([again.added.length, again.same.length, again.conflicts.length]).toEqual([0, 4, 0]);
  });

  it('a stored area changed since is a conflict with its fields, never overwritten; matched by code or by name too', () => {
    const storedT = { ...A[0]!, id: 'otherT' as GridArea['id'], parentId: null };
    const storedV = { ...A[1]!, id: 'otherV' as GridArea['id'], parentId: storedT.id, code: null, duties: '本村' };
    const p = planGridImport(A, [storedT, storedV], edit);
    expect(p.same.map((s) => s.stored.id)).toEqual(['otherT']);
    expect(p.conflicts.map((c) => [c.stored.id, c.by, c.fields])).toEqual([['otherV', 'name', ['code', 'duties']]]);
    // The cells go under the stored village (by its id), as new areas.
    expect(p.added.map((a) => [a.id, a.parentId])).toEqual([
      ['a1', 'otherV'],
      ['a2', 'otherV'],
    ]);
  });
});

describe('grid shapefile zip', () => {
  for (const encoding of ['gbk', 'utf-8'] as const)
    for (const planar of [false, true]) {
      it(`${encoding}, ${planar ? 'GK zone 39' : 'lon/lat'}: read back by the import pipeline into the same areas`, async () => {
        const s = gridToShapefile(A, A, {
          baseName: '石桥镇网格',
          encoding,
          planarZone: planar ? ZONE : null,
          date: { year: 2026, month: 12, day: 1 },
        });
        expect(s.members).toEqual(['石桥镇网格.shp', '石桥镇网格.shx', '石桥镇网格.dbf', '石桥镇网格.cpg', '石桥镇网格.prj']);
        const unz = unzipInputs({ path: '石桥镇网格.zip', bytes: s.zip });
        expect(unz.files.map((f) => f.path.split('/').pop())).toEqual(s.members);
        const r = await importFiles([{ path: '石桥镇网格.zip', bytes: s.zip }]);
        expect(r.failed).toEqual([]);
        const layer = r.layers[0]!;
        expect(layer.encoding.encoding).toBe(encoding);
        expect(layer.crs.epsg).toBe(planar ? 4548 : 4490);
        const back = areasFromRows(
          layer.features.map((f) => ({ properties: f.properties, geometry: f.geometry })),
          opts,
        );
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.areas.map((a) => [a.id, a.level, a.name, a.code, a.parentId, a.duties, a.keyArea, a.ruleIds])).toEqual(
          A.map((a) => [a.id, a.level, a.name, a.code, a.parentId, a.duties, a.keyArea, a.ruleIds]),
        );
        expect(back.areas[2]!.people).toEqual(A[2]!.people);
        // Geometry: exact in lon/lat; through the GK zone and back within 1e-9° (0.1 mm), so the plan calls it the same.
        // The store as the GeoJSON import left it (the township at the top: its county was not sent).
        const stored = planGridImport(A, [], { at: AT, by: 'x', file: 'x' }).added;
        const plan = planGridImport(back.areas, stored, { at: AT, by: 'x', file: 'x' });
        expect(plan.conflicts.map((c) => [c.incoming.id, c.fields])).toEqual([]);
        expect([plan.added.length, plan.same.length, plan.conflicts.length]).toEqual([0, 4, 0]);
      });
    }

  it('GDAL reads the GBK zip in GK zone 39: Chinese column names and values; shapely m² = the 平面面积 column to 1e-6', () => {
    const s = gridToShapefile(A, A, { baseName: '石桥镇网格', encoding: 'gbk', planarZone: ZONE, date: { year: 2026, month: 12, day: 1 } });
    const files = Object.fromEntries(unzipInputs({ path: 'g.zip', bytes: s.zip }).files.map((f) => [f.path.split('/').pop() as string, f.bytes]));
    const g = readWithGdal(files, '石桥镇网格.shp');
    expect(g.epsg).toBe('4548');
    expect(g.encoding).toBe('GBK');
    expect(g.fields.map((f) => f.name)).toEqual([
      '区域ID',
      '级别',
      '编码',
      '名称',
      '上级ID',
      '上级名称',
      '负责人',
      '职责',
      '重点区域',
      '巡查规则',
      '坐标带',
      '平面面积',
      '亩',
    ]);
    const cell = g.features[2]!;
    expect(cell.properties).toMatchObject({
      名称: '杏园村-01',
      级别: '网格单元',
      上级名称: '杏园村',
      重点区域: '基本农田保护区',
      负责人: peopleText(A[2]!.people),
    });
    for (const f of g.features) {
      const m2 = f.properties['平面面积'] as number;
      expect(Math.abs(f.area! - m2) / m2).toBeLessThan(1e-6);
      expect(f.properties['亩']).toBeCloseTo(m2 * 0.0015, 3);
    }
  });
});
