import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ParsedLayer } from '../../shared/formats/types';
import { squareMetres, toMu } from '../../shared/domain/units/area';
import { getLayerData, getSourceFiles, listLayers } from '../db';
import { validateAttributeStore } from './attribute-store';
import type { Validation } from '../../shared/validation/validation';

const storeOf = <T>(v: Validation<T>): T => {
  if (!v.ok) throw new Error(`attribute store invalid: ${v.reason}`);
  return v.value;
};
import { layerSummaryOf, newLayerOf, storeNewLayers } from './layer-records';

const parsed = (name: string): ParsedLayer => ({
  source: `x/${name}.shp`,
  name,
  geometryKind: 'polygon',
  shapeType: 'Polygon',
  fields: [{ name: 'DLMC', type: 'C', length: 20, decimals: 0 }],
  encoding: { encoding: 'gbk', source: 'ldid' },
  crs: { epsg: 4527, source: 'prj', datum: 'CGCS2000', kind: 'projected', proj4: '', label: 'zone 39' },
  bboxLngLat: [117, 35, 117.001, 35.001],
  issues: [],
  features: [
    {
      fid: 0,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [117, 35],
            [117.001, 35],
            [117.001, 35.001],
            [117, 35],
          ],
        ],
      },
      properties: { DLMC: '水田' },
      area: {
        ellipsoidalM2: squareMetres(5000),
        planarM2: squareMetres(5001),
        mu: toMu(squareMetres(5001)),
        zone: { width: 3, zone: 39, centralMeridian: 117 },
      },
    },
  ],
});

describe('the records both workers store for a layer', () => {
  it('newLayerOf keeps the layer’s own source files (re-decode needs them), none for the sample', () => {
    const files = [{ path: 'x/DLTB.dbf', bytes: new Uint8Array([1, 2]) }];
    const imported = newLayerOf(parsed('DLTB'), { sample: false, sourceFiles: files });
    expect(imported.sourceFiles).toEqual({ layerId: imported.record.id, files });
    expect(imported.data.layerId).toBe(imported.record.id);
    const sample = newLayerOf(parsed('DLTB'), { sample: true, sourceFiles: [] });
    expect([sample.sourceFiles, sample.record.sample]).toEqual([null, true]);
    expect(layerSummaryOf(imported.record, 'x/DLTB.shp')).toMatchObject({
      id: imported.record.id,
      name: 'DLTB',
      source: 'x/DLTB.shp',
      featureCount: 1,
      issues: [],
    });
  });

  it('storeNewLayers writes every layer with its data, source files and progress, in the order given', async () => {
    const seen: string[] = [];
    const built = await storeNewLayers([parsed('A'), parsed('B')], {
      sample: false,
      sourceFilesOf: (l) => [{ path: l.source, bytes: new Uint8Array([7]) }],
      onLayer: (done, total) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['0/2', '1/2']);
    const stored = await listLayers();
    expect(stored.filter((l) => built.some((b) => b.record.id === l.id)).map((l) => l.name)).toEqual(['A', 'B']);
    const data = await getLayerData(built[1]!.record.id);
    expect(storeOf(validateAttributeStore(JSON.parse(await data!.attributes.text()))).row(0)).toEqual(['水田']);
    expect((await getSourceFiles(built[0]!.record.id))!.files.map((f) => f.path)).toEqual(['x/A.shp']);
  });
});
