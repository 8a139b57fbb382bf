import { describe, expect, it } from 'vitest';
import type { LayerRecord } from '../../db';
import { cleanLayerName, dropLayerOn, fallbackStyle, moveLayer, topProjectedZone, unionBbox } from './layers.logic';

const layer = (id: string, order: number, extra: Partial<LayerRecord['meta']> = {}, visible = true): LayerRecord => ({
  id,
  name: id,
  kind: 'other',
  order,
  visible,
  opacity: 1,
  style: fallbackStyle('polygon'),
  sample: false,
  createdAt: 0,
  dataVersion: 1,
  meta: {
    source: '',
    geometryKind: 'polygon',
    shapeType: 'Polygon',
    fields: [],
    encoding: { encoding: 'utf-8', source: 'cpg' },
    crs: { epsg: 4490, source: 'prj', datum: 'CGCS2000', kind: 'geographic', proj4: '', label: '' },
    bboxLngLat: null,
    featureCount: 0,
    issues: [],
    ...extra,
  },
});
const gk = (zone: number) => ({
  crs: {
    epsg: 4500 + zone,
    source: 'prj' as const,
    datum: 'CGCS2000' as const,
    kind: 'projected' as const,
    proj4: '',
    label: '',
    gk: { width: 3 as const, zone, centralMeridian: zone * 3, zonePrefix: true, falseEasting: zone * 1e6 + 5e5 },
  },
});

describe('layer order', () => {
  const ls = [layer('a', 1), layer('b', 2), layer('c', 3)];
  it('moves one step up/down and stops at the ends', () => {
    expect(moveLayer(ls, 'a', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveLayer(ls, 'c', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveLayer(ls, 'b', 'down')).toEqual(['b', 'a', 'c']);
  });
  it('drops a layer at another one’s place in the top → bottom panel', () => {
    // panel: c, b, a — drag a onto c → a, c, b → bottom→top b, c, a
    expect(dropLayerOn(ls, 'a', 'c')).toEqual(['b', 'c', 'a']);
    expect(dropLayerOn(ls, 'c', 'a')).toEqual(['c', 'a', 'b']);
  });
});

describe('status-bar zone', () => {
  it('is the topmost visible projected layer’s zone', () => {
    const ls = [layer('low', 1, gk(35)), layer('high', 2, gk(39)), layer('geo', 3)];
    expect(topProjectedZone(ls)).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    expect(topProjectedZone([layer('low', 1, gk(35)), layer('hidden', 2, gk(39), false)])).toEqual({ width: 3, zone: 35, centralMeridian: 105 });
    expect(topProjectedZone([layer('geo', 1)])).toBeNull();
  });
});

describe('helpers', () => {
  it('unions bboxes', () => {
    expect(unionBbox([layer('a', 1, { bboxLngLat: [1, 2, 3, 4] }), layer('b', 2, { bboxLngLat: [0, 3, 2, 5] }), layer('c', 3)])).toEqual([
      0, 2, 3, 5,
    ]);
    expect(unionBbox([layer('c', 3)])).toBeNull();
  });
  it('cleans names', () => {
    expect(cleanLayerName('  永久  基本农田 ')).toBe('永久 基本农田');
    expect(cleanLayerName('   ')).toBeNull();
  });
});
