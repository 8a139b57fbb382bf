import { describe, expect, it } from 'vitest';
import type { ParsedLayer } from '../../shared/formats/types';
import { cellsFromGeoJson, cellsFromLayers } from './coverage-cells';

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
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('cellsFromGeoJson', () => {
  it('takes code and name fields by their usual names, else the feature id, else the record number', () => {
    const r = cellsFromGeoJson(
      'g.geojson',
      fc([
        { type: 'Feature', properties: { wgbm: 'WG-01', WGMC: '杏园村-01' }, geometry: square(117, 36) },
        { type: 'Feature', id: 'f2', properties: { WGMC: '杏园村-02' }, geometry: square(117.01, 36) },
        { type: 'Feature', properties: { WGBM: '  ' }, geometry: square(117.02, 36) },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 36] } }, // not a cell
      ]),
      {},
    );
    expect(r.ok && r.cells.map((c) => [c.id, c.name])).toEqual([
      ['WG-01', '杏园村-01'],
      ['f2', '杏园村-02'],
      ['3', '3'],
    ]);
  });

  it('takes the fields the user names, and refuses one the file lacks', () => {
    const text = fc([{ type: 'Feature', properties: { BH: 7, CM: '东片' }, geometry: square(117, 36) }]);
    expect(cellsFromGeoJson('g.geojson', text, { idField: 'bh', nameField: 'CM' })).toMatchObject({ ok: true, cells: [{ id: '7', name: '东片' }] });
    expect(cellsFromGeoJson('g.geojson', text, { nameField: 'WGMC' })).toEqual({
      ok: false,
      key: 'idFieldMissing',
      params: { file: 'g.geojson', field: 'WGMC' },
    });
  });

  it('reads a lone Feature or geometry, and refuses what is no polygon, no GeoJSON, or not in degrees', () => {
    expect(cellsFromGeoJson('a.json', JSON.stringify({ type: 'Feature', properties: null, geometry: square(117, 36) }), {})).toMatchObject({
      ok: true,
      cells: [{ id: '1' }],
    });
    expect(cellsFromGeoJson('a.json', JSON.stringify(square(117, 36)), {})).toMatchObject({ ok: true, cells: [{ id: '1' }] });
    expect(cellsFromGeoJson('a.json', '{"type":"FeatureCollection","features":[]}', {})).toMatchObject({ ok: false, key: 'cellsNotPolygons' });
    expect(cellsFromGeoJson('a.json', '{oops', {})).toMatchObject({ ok: false, key: 'badGeoJson', params: { file: 'a.json' } });
    expect(cellsFromGeoJson('a.json', '[1,2]', {})).toMatchObject({ ok: false, key: 'badGeoJson' });
    const gk = {
      type: 'Polygon',
      coordinates: [
        [
          [39500000, 4000000],
          [39500100, 4000000],
          [39500100, 4000100],
          [39500000, 4000000],
        ],
      ],
    };
    expect(cellsFromGeoJson('a.json', fc([{ type: 'Feature', properties: {}, geometry: gk }]), {})).toMatchObject({
      ok: false,
      key: 'cellsNotLngLat',
    });
  });
});

describe('cellsFromLayers', () => {
  const layer = (geometryKind: ParsedLayer['geometryKind'], features: ParsedLayer['features']): ParsedLayer =>
    ({
      source: 'grid.shp',
      name: 'grid',
      geometryKind,
      fields: [
        { name: 'WGBM', type: 'C', length: 10, decimals: 0 },
        { name: 'CJQMC', type: 'C', length: 20, decimals: 0 },
      ],
      features,
    }) as unknown as ParsedLayer;

  it('takes the polygon features of the polygon layers, numbered as GIS software counts', () => {
    const r = cellsFromLayers(
      [
        layer('line', []),
        layer('polygon', [
          { fid: 0, geometry: square(117, 36), properties: { WGBM: 'A', CJQMC: '杏园村' } },
          { fid: 1, geometry: null, properties: { WGBM: 'B', CJQMC: '空' } },
          { fid: 2, geometry: square(117.01, 36), properties: { WGBM: null, CJQMC: null } },
        ]),
      ],
      {},
    );
    expect(r.ok && r.cells.map((c) => [c.id, c.name])).toEqual([
      ['A', '杏园村'],
      ['3', '3'],
    ]);
  });

  it('refuses a layer without polygons', () => {
    expect(cellsFromLayers([layer('line', [])], {})).toEqual({ ok: false, key: 'cellsNotPolygons', params: { file: 'grid.shp' } });
  });
});
