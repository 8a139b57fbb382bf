import { describe, expect, it } from 'vitest';
import { makeSampleTownship } from '../../sample/township';
import { loadGeometryEngine } from '../geometry/engine/load';
import { generateCells } from './generate';
import { promoteFeatures, suggestPromoteFields, type PromoteFeature } from './promote';

const township = { id: 'T1', level: 'township' as const, code: '370112001000', name: '青石镇' };
const edit = { at: 1764600000000, by: '李晓燕', note: '行政区XZQ' };
const ids = () => {
  let n = 0;
  return () => `A${++n}`;
};
const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});

describe('promoteFeatures', () => {
  it("makes the sample township's XZQ villages into village areas, says its 10-digit codes are not used", () => {
    const xzq = makeSampleTownship().find((l) => l.name === '行政区XZQ')!;
    const zone = { width: 3 as const, zone: xzq.crs.gk!.zone!, centralMeridian: xzq.crs.gk!.centralMeridian };
    const r = promoteFeatures(xzq.features, { parent: township, nameField: 'XZQMC', codeField: 'XZQDM', zone, newId: ids(), edit });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.areas.map((a) => [a.id, a.name, a.level, a.parentId, a.code])).toEqual([
      ['A1', '青石村', 'village', 'T1', null],
      ['A2', '柳河村', 'village', 'T1', null],
      ['A3', '杏园村', 'village', 'T1', null],
    ]);
    expect(r.value.codeIssues).toEqual(
      [0, 1, 2].map((fid) => ({ fid, value: `3703001${['001', '002', '003'][fid]}`, reason: 'codeNotTwelveDigits' })),
    );
    expect(r.value.skipped).toEqual([]);
    for (const [i, a] of r.value.areas.entries()) {
      expect(a.geometry).toEqual(xzq.features[i]!.geometry);
      expect(a.zone).toEqual(zone);
      expect(a.history).toEqual([{ at: edit.at, by: '李晓燕', change: 'promoted', fields: [], note: '行政区XZQ' }]);
    }
  });

  it("a promoted village's figures are the ones identify printed for its feature", async () => {
    const engine = await loadGeometryEngine();
    const xzq = makeSampleTownship().find((l) => l.name === '行政区XZQ')!;
    const zone = { width: 3 as const, zone: 39, centralMeridian: 117 };
    const r = promoteFeatures(xzq.features, { parent: township, nameField: 'XZQMC', zone, newId: ids(), edit });
    if (!r.ok) throw new Error(r.reason);
    const village = r.value.areas[2]!;
    const g = generateCells(engine, village, { layout: { kind: 'square', sizeMetres: 250 } });
    if (!g.ok) throw new Error(g.reason);
    const printed = xzq.features[2]!.area!;
    expect(Math.abs(g.value.parentArea.planarM2 / printed.planarM2 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(g.value.parentArea.ellipsoidalM2 / printed.ellipsoidalM2 - 1)).toBeLessThan(1e-9);
    expect(g.value.cells[0]!.name).toBe('杏园村-01');
  });

  it('takes 12-digit codes of this township, reports the others, and skips what cannot be an area', () => {
    const features: PromoteFeature[] = [
      { fid: 0, geometry: square(117.1, 36.6), properties: { CJQMC: ' 青石村 ', CJQDM: '370112001201' } },
      { fid: 1, geometry: square(117.11, 36.6), properties: { CJQMC: '柳河村', CJQDM: 370112001202 } }, // a numeric field
      { fid: 2, geometry: square(117.12, 36.6), properties: { CJQMC: '外镇村', CJQDM: '370112002201' } },
      { fid: 3, geometry: square(117.13, 36.6), properties: { CJQMC: '石门村', CJQDM: '3701120012030000000' } },
      { fid: 4, geometry: { type: 'Point', coordinates: [117.1, 36.6] }, properties: { CJQMC: '点' } },
      { fid: 5, geometry: null, properties: { CJQMC: '空' } },
      { fid: 6, geometry: square(117.14, 36.6), properties: { CJQMC: '  ', CJQDM: '370112001206' } },
      { fid: 7, geometry: square(117.15, 36.6), properties: { CJQMC: '青石村', CJQDM: null } },
      {
        fid: 8,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [117.1, 36.6],
              [117.2, 36.6],
              [117.1, 36.6],
            ],
          ],
        },
        properties: { CJQMC: '线' },
      },
      { fid: 9, geometry: square(117.16, 36.6), properties: { CJQMC: '杏园村' } },
    ];
    const r = promoteFeatures(features, { parent: township, nameField: 'CJQMC', codeField: 'CJQDM', takenNames: ['杏园村'], newId: ids(), edit });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.areas.map((a) => [a.name, a.code])).toEqual([
      ['青石村', '370112001201'],
      ['柳河村', '370112001202'],
      ['外镇村', null],
      ['石门村', null],
      ['青石村', null],
      ['杏园村', null],
    ]);
    expect(r.value.codeIssues).toEqual([
      { fid: 2, value: '370112002201', reason: 'codeParentMismatch' },
      { fid: 3, value: '3701120012030000000', reason: 'codeNotTwelveDigits' },
    ]);
    expect(r.value.skipped).toEqual([
      { fid: 4, reason: 'notPolygon' },
      { fid: 5, reason: 'noGeometry' },
      { fid: 6, reason: 'noName' },
      { fid: 8, reason: 'badGeometry' },
    ]);
    expect(r.value.duplicateNames).toEqual(['青石村', '杏园村']);
    // Without a layer zone each area is in the 3° zone of its centre.
    expect(r.value.areas[0]!.zone).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
  });

  it('promotes townships under a county the same way, and refuses a cell as parent', () => {
    const county = { id: 'K', level: 'county' as const, code: '370112000000', name: '历城区' };
    const r = promoteFeatures([{ fid: 0, geometry: square(117.1, 36.6), properties: { XZQMC: '青石镇', XZQDM: '370112001000' } }], {
      parent: county,
      nameField: 'XZQMC',
      codeField: 'XZQDM',
      newId: ids(),
      edit,
    });
    expect(r.ok && r.value.areas.map((a) => [a.level, a.code])).toEqual([['township', '370112001000']]);
    expect(promoteFeatures([], { parent: { ...county, level: 'cell', code: null }, nameField: 'XZQMC', newId: ids(), edit })).toMatchObject({
      ok: false,
      reason: 'noChildLevel',
    });
    expect(promoteFeatures([], { parent: county, nameField: '', newId: ids(), edit })).toMatchObject({ ok: false, reason: 'noNameField' });
  });
});

describe('suggestPromoteFields', () => {
  it('finds XZQ and CJQ name and code fields, in any case', () => {
    expect(suggestPromoteFields(['OBJECTID', 'XZQDM', 'XZQMC'])).toEqual({ nameField: 'XZQMC', codeField: 'XZQDM' });
    expect(suggestPromoteFields(['bsm', 'cjqdm', 'cjqmc'])).toEqual({ nameField: 'cjqmc', codeField: 'cjqdm' });
    expect(suggestPromoteFields(['ID', 'AREA'])).toEqual({ nameField: null, codeField: null });
  });
});
