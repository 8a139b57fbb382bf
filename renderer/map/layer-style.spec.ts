import { describe, expect, it } from 'vitest';
import { defaultStyle } from '../../shared/domain/layers/kind';
import { baseStyle } from './base-style';
import { initialStyle, layerStyleParts, lineMinzoom, parseStyleLayerId, sourceBounds, stackOrder, styleLayerIdsOf, type MapLayerSpec } from './layer-style';

const farmland = defaultStyle('permanentFarmland', []);
const spec = (id: string, extra: Partial<MapLayerSpec> = {}): MapLayerSpec => ({
  id,
  name: id,
  dataKey: `${id}@1`,
  data: new Blob(['{}']),
  labels: null,
  geometryKind: 'polygon',
  featureCount: 10,
  bboxLngLat: [117, 35, 117.2, 35.1],
  style: farmland,
  visible: true,
  opacity: 1,
  ...extra,
});

describe('sourceBounds', () => {
  it('pads the layer extent by 2 % plus 0.001° on each side', () => {
    const [w, s, e, n] = sourceBounds([117, 35, 117.2, 35.1])!;
    expect(w).toBeCloseTo(117 - 0.004 - 0.001, 9);
    expect(e).toBeCloseTo(117.2 + 0.004 + 0.001, 9);
    expect(s).toBeCloseTo(35 - 0.002 - 0.001, 9);
    expect(n).toBeCloseTo(35.1 + 0.002 + 0.001, 9);
  });
  it('pads a single point too and stays inside the Web Mercator world', () => {
    expect(sourceBounds([117, 35, 117, 35])).toEqual([116.999, 34.999, 117.001, 35.001]);
    expect(sourceBounds([-180, -89, 180, 89])).toEqual([-180, -85.0511, 180, 85.0511]);
  });
  it('gives no bounds for a layer without geometry or with a broken extent', () => {
    expect(sourceBounds(null)).toBeNull();
    expect(sourceBounds([Number.NaN, 35, 117, 36])).toBeNull();
  });
});

describe('layerStyleParts', () => {
  it('makes one bounded vector source per layer, plus one for labels', () => {
    const p = layerStyleParts(spec('a', { labels: new Blob(['{}']) }));
    expect(p.sources.map(([id]) => id)).toEqual(['lp-a', 'lp-a-labels']);
    for (const [, src] of p.sources) expect(src).toMatchObject({ type: 'vector', bounds: sourceBounds([117, 35, 117.2, 35.1]) });
    expect(p.sources[0]![1]).toMatchObject({ tiles: ['lptile://a%401/f/{z}/{x}/{y}'] });
    expect(p.labels.map((l) => l.id)).toEqual(['lp-a-label']);
  });
  it('hides every part of a hidden layer', () => {
    const p = layerStyleParts(spec('a', { visible: false, labels: new Blob(['{}']) }));
    for (const l of [...p.bodies, ...p.highlights, ...p.labels]) expect(l.layout).toMatchObject({ visibility: 'none' });
  });
  it("draws a large polygon layer's boundary only from zoom 14, its fill outline in the fill colour below that", () => {
    const big = spec('big', { featureCount: 50_000 });
    expect(lineMinzoom(big)).toBe(14);
    const [fill, line] = layerStyleParts(big).bodies;
    expect(fill!.paint).toMatchObject({ 'fill-outline-color': ['step', ['zoom'], '#FFFF00', 14, '#FF0000'] });
    expect(fill!.paint).not.toHaveProperty('fill-antialias');
    expect(line!.minzoom).toBe(14);
    const [smallFill, smallLine] = layerStyleParts(spec('small')).bodies;
    expect(smallFill!.paint).toMatchObject({ 'fill-outline-color': '#FF0000' });
    expect(smallLine!.minzoom).toBe(0);
  });
  it('gives lines and points their own parts', () => {
    expect(styleLayerIdsOf(spec('l', { geometryKind: 'line' }))).toEqual(['lp-l-line', 'lp-l-hl']);
    expect(styleLayerIdsOf(spec('p', { geometryKind: 'point' }))).toEqual(['lp-p-circle', 'lp-p-hl']);
  });
});

describe('stacking', () => {
  it('puts every body bottom → top, then all highlights, then all labels', () => {
    const order = stackOrder([spec('a', { labels: new Blob(['{}']) }), spec('b', { geometryKind: 'point' })].map(layerStyleParts)).map((l) => l.id);
    expect(order).toEqual(['lp-a-fill', 'lp-a-line', 'lp-b-circle', 'lp-a-hlfill', 'lp-a-hl', 'lp-b-hl', 'lp-a-label']);
  });
  it('builds the first style from the base plus every stored layer', () => {
    const style = initialStyle(baseStyle(), [spec('a'), spec('b')]);
    expect(Object.keys(style.sources)).toEqual(['lp-a', 'lp-b']);
    expect(style.layers.map((l) => l.id)).toEqual(['paper', 'lp-a-fill', 'lp-a-line', 'lp-b-fill', 'lp-b-line', 'lp-a-hlfill', 'lp-a-hl', 'lp-b-hlfill', 'lp-b-hl']);
    expect(initialStyle(baseStyle(), [])).toEqual(baseStyle());
  });
});

describe('parseStyleLayerId', () => {
  it('finds the app layer of a clickable part, including ids with dashes', () => {
    expect(parseStyleLayerId('lp-Lm1-x-fill')).toEqual({ layerId: 'Lm1-x', part: 'fill' });
    expect(parseStyleLayerId('lp-a-hl')).toBeNull();
    expect(parseStyleLayerId('paper')).toBeNull();
  });
});
