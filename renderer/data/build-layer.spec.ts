import { describe, expect, it } from 'vitest';
import type { ParsedLayer } from '../../shared/formats/types';
import { squareMetres, toMu } from '../../shared/domain/units/area';
import { validateAttributeStore } from './attribute-store';
import type { Validation } from '../../shared/validation/validation';

const storeOf = <T>(v: Validation<T>): T => {
  if (!v.ok) throw new Error(`attribute store invalid: ${v.reason}`);
  return v.value;
};
import { buildLayerData, geometryBbox, labelPoint } from './build-layer';

const layer: ParsedLayer = {
  source: 'x/DLTB.shp',
  name: 'DLTB',
  geometryKind: 'polygon',
  shapeType: 'Polygon',
  fields: [
    { name: 'DLBM', type: 'C', length: 4, decimals: 0 },
    { name: 'DLMC', type: 'C', length: 20, decimals: 0 },
  ],
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
      properties: { DLBM: '0101', DLMC: '水田' },
      area: {
        ellipsoidalM2: squareMetres(5000),
        planarM2: squareMetres(5001),
        mu: toMu(squareMetres(5001)),
        zone: { width: 3, zone: 39, centralMeridian: 117 },
      },
    },
    { fid: 1, geometry: null, properties: { DLBM: '0301', DLMC: '乔木林地' } },
    {
      fid: 2,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [117.123456789, 35],
            [117.2, 35],
            [117.2, 35.1],
            [117.123456789, 35],
          ],
        ],
      },
      properties: { DLBM: '9999', DLMC: null },
    },
  ],
};

describe('buildLayerData', () => {
  const style = {
    fill: {
      type: 'categorical' as const,
      field: 'DLBM',
      stops: [
        { value: '01', color: '#ff0', label: '耕地' },
        { value: '03', color: '#0f0', label: '林地' },
      ],
      defaultColor: '#ccc',
    },
    fillOpacity: 0.5,
    line: { color: '#000', widthPx: 1 },
    labelField: 'DLMC',
  };
  const built = buildLayerData(layer, style);
  it('writes the stored copy with only fid and the style key, coordinates at full precision (overlay figures go on evidence)', () => {
    const fc = JSON.parse(built.geojsonText);
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]).toMatchObject({ id: 0, properties: { fid: 0, _k: 0 } });
    expect(fc.features[1].properties).toEqual({ fid: 2, _k: -1 });
    expect(fc.features[1].geometry.coordinates[0][0]).toEqual([117.123456789, 35]);
  });
  it('keeps every record (null shapes too) in the attribute store, with areas and bboxes', () => {
    const store = storeOf(validateAttributeStore(JSON.parse(built.attributesText)));
    expect(store.size).toBe(3);
    expect(store.row(store.rowIndexOf(1)!)).toEqual(['0301', '乔木林地']);
    expect(store.area(0)!.planarM2).toBe(5001);
    expect(store.area(1)).toBeNull();
    expect(store.bbox(0)).toEqual([117, 35, 117.001, 35.001]);
  });
  it('writes label points only for features with a label', () => {
    const labels = JSON.parse(built.labelsText!);
    expect(labels.features.map((f: { properties: { t: string } }) => f.properties.t)).toEqual(['水田']);
  });
  it('computes bbox and label anchors', () => {
    expect(geometryBbox(null)).toBeNull();
    expect(labelPoint({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2]);
  });
});
