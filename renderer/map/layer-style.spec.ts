import { describe, expect, it } from 'vitest';
// maplibre's own expression parser and style validator (maplibre-gl's style-spec): the data-driven colours are parsed
// and evaluated by it, and a layer it refuses never draws.
import { createPropertyExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { defaultStyle } from '../../shared/domain/layers/kind';
import { baseStyle } from './base-style';
import {
  ARROW_IMAGE_PX,
  arrowImage,
  arrowImageId,
  colorExpression,
  drawn,
  geoJsonPaintOf,
  hatchImage,
  hatchImageId,
  highlightFilter,
  initialStyle,
  layerStyleParts,
  lineMinzoom,
  needsRebuild,
  parseStyleLayerId,
  sourceBounds,
  stackOrder,
  styleLayerIdsOf,
  type GeoJsonLayerSpec,
  type RasterLayerSpec,
  type StoredVectorLayerSpec,
} from './layer-style';

const farmland = defaultStyle('permanentFarmland', []);
const spec = (id: string, extra: Partial<StoredVectorLayerSpec> = {}): StoredVectorLayerSpec => ({
  type: 'stored',
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
    expect(style.layers.map((l) => l.id)).toEqual([
      'paper',
      'lp-a-fill',
      'lp-a-line',
      'lp-b-fill',
      'lp-b-line',
      'lp-a-hlfill',
      'lp-a-hl',
      'lp-b-hlfill',
      'lp-b-hl',
    ]);
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

const grid = (id: string, extra: Partial<GeoJsonLayerSpec> = {}): GeoJsonLayerSpec => ({
  type: 'geojson',
  id,
  data: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { fid: 1 },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [117, 35],
              [117.01, 35],
              [117.01, 35.01],
              [117, 35],
            ],
          ],
        },
      },
    ],
  },
  paint: { fill: { color: '#00ff00', opacity: 0.2 }, line: { color: '#008800', widthPx: 2 } },
  visible: true,
  ...extra,
});
const imagery = (id: string, extra: Partial<RasterLayerSpec> = {}): RasterLayerSpec => ({
  type: 'raster',
  id,
  tiles: ['http://127.0.0.1:4173/tiles/{z}/{x}/{y}.png'],
  tileSize: 256,
  opacity: 0.8,
  visible: true,
  ...extra,
});

describe('live GeoJSON layers', () => {
  it('make a GeoJSON source with the data as given and only the parts painted, each kept to its geometry type', () => {
    const g = grid('g');
    const p = layerStyleParts(g);
    expect(p.sources).toEqual([['lp-g', { type: 'geojson', data: g.data }]]);
    expect(p.bodies.map((l) => [l.id, l.type])).toEqual([
      ['lp-g-fill', 'fill'],
      ['lp-g-line', 'line'],
    ]);
    expect(p.bodies[0]).toMatchObject({ filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#00ff00', 'fill-opacity': 0.2 } });
    expect(p.bodies[1]).toMatchObject({ paint: { 'line-color': '#008800', 'line-width': 2, 'line-opacity': 1 } });
    expect(p.highlights).toEqual([]);
  });
  it('have highlight parts only when interactive, and a point part only when circles are painted', () => {
    const track = grid('t', { interactive: true, paint: { circle: { color: '#0000ff' } } });
    expect(styleLayerIdsOf(track)).toEqual(['lp-t-circle', 'lp-t-hlfill', 'lp-t-hl', 'lp-t-hlcircle']);
    expect(highlightFilter(7, ['==', ['geometry-type'], 'Point'])).toEqual(['all', ['==', ['geometry-type'], 'Point'], ['==', ['get', 'fid'], 7]]);
    expect(highlightFilter(null)).toEqual(['==', ['get', 'fid'], -999999]);
  });
  it('take new data and paint in place, and rebuild only when the drawn parts or interactivity change', () => {
    const g = grid('g');
    expect(needsRebuild(g, { ...g, data: { type: 'FeatureCollection', features: [] } })).toBe(false);
    expect(needsRebuild(g, { ...g, paint: { fill: { color: '#ff0000' }, line: { color: '#000' } } })).toBe(false);
    expect(needsRebuild(g, { ...g, paint: { line: { color: '#000' } } })).toBe(true);
    expect(needsRebuild(g, { ...g, interactive: true })).toBe(true);
  });
  it('draw nothing while empty: every part hidden until features or label points come, then shown in place', () => {
    const empty = grid('e', { data: { type: 'FeatureCollection', features: [] }, interactive: true, label: { field: 'name' } });
    expect(drawn(empty)).toBe(false);
    const visibilities = (g: GeoJsonLayerSpec) => [...new Set(stackOrder([layerStyleParts(g)]).map((l) => l.layout?.visibility))];
    expect(visibilities(empty)).toEqual(['none']);
    const full = grid('e', { interactive: true, label: { field: 'name' } });
    expect(drawn(full)).toBe(true);
    expect(visibilities(full)).toEqual(['visible']);
    // Filling it is new data, not a rebuild: the controller turns the parts on (drawn changed).
    expect(needsRebuild(empty, full)).toBe(false);
    // Label points alone are something to draw (a layer of names only); the user's switch still wins.
    const point = { type: 'Feature' as const, properties: { name: '青石村' }, geometry: { type: 'Point' as const, coordinates: [117, 35] } };
    expect(drawn({ ...empty, label: { field: 'name', points: { type: 'FeatureCollection', features: [point] } } })).toBe(true);
    expect(drawn({ ...full, visible: false })).toBe(false);
    // Tiled data and stored layers are drawn whenever shown (their emptiness is in the tiles).
    expect(drawn(grid('t', { data: { key: 'live:x', blob: new Blob(['{"type":"FeatureCollection","features":[]}']) } }))).toBe(true);
    expect(drawn(spec('a', { featureCount: 0 }))).toBe(true);
  });
  it("tiled (a Blob for the tile worker): one vector source of the key's live tiles, every part on its source layer", () => {
    const tiles = { key: 'live:list-1', blob: new Blob(['{"type":"FeatureCollection","features":[]}']) };
    const t = grid('t', { data: tiles, interactive: true, paint: { fill: { color: '#f00' }, line: { color: '#000' }, circle: { color: '#00f' } } });
    const p = layerStyleParts(t);
    expect(p.sources).toEqual([['lp-t', { type: 'vector', tiles: ['lptile://live%3Alist-1/f/{z}/{x}/{y}'], minzoom: 0, maxzoom: 18 }]]);
    const layers = [...p.bodies, ...p.highlights];
    expect(layers.map((l) => l.id)).toEqual(['lp-t-fill', 'lp-t-line', 'lp-t-circle', 'lp-t-hlfill', 'lp-t-hl', 'lp-t-hlcircle']);
    for (const l of layers) expect(l, l.id).toMatchObject({ source: 'lp-t', 'source-layer': 'f' });
    // New tiled data is the same source asking for other tiles; GeoJSON ↔ tiled is another source.
    expect(needsRebuild(t, { ...t, data: { ...tiles, key: 'live:list-2' } })).toBe(false);
    expect(needsRebuild(t, { ...t, data: { type: 'FeatureCollection', features: [] } })).toBe(true);
    expect(validateStyleMin({ ...initialStyle(baseStyle(), [t]) }).filter((e) => !/sprite|glyphs/.test(e.message))).toEqual([]);
  });
});

describe('live GeoJSON labels', () => {
  const points = {
    type: 'FeatureCollection' as const,
    features: [{ type: 'Feature' as const, properties: { name: '青石村' }, geometry: { type: 'Point' as const, coordinates: [117, 35] } }],
  };
  it('label from a point source of their own: text from the property, halo, size and minzoom, stacked with the labels', () => {
    const g = grid('g', { label: { field: 'name', sizePx: 14, haloColor: '#ffffe0', haloWidthPx: 2, minzoom: 12, points } });
    const p = layerStyleParts(g);
    expect(p.sources).toEqual([
      ['lp-g', { type: 'geojson', data: g.data }],
      ['lp-g-labels', { type: 'geojson', data: points }],
    ]);
    expect(p.labels).toEqual([
      {
        id: 'lp-g-label',
        type: 'symbol',
        source: 'lp-g-labels',
        minzoom: 12,
        layout: {
          visibility: 'visible',
          'text-field': ['to-string', ['get', 'name']],
          'text-size': 14,
          'text-font': ['sans-serif'],
          'text-allow-overlap': false,
        },
        paint: { 'text-color': '#333', 'text-halo-color': '#ffffe0', 'text-halo-width': 2 },
      },
    ]);
    // Labels go above every body and highlight of the stack (the stacking rule).
    expect(
      initialStyle(baseStyle(), [g, spec('a')])
        .layers.map((l) => l.id)
        .at(-1),
    ).toBe('lp-g-label');
    expect(styleLayerIdsOf(g)).toContain('lp-g-label');
  });
  it("label the layer's own features when no points are given, hidden with the layer", () => {
    const p = layerStyleParts(grid('g', { visible: false, label: { field: 'name' } }));
    expect(p.sources.map((s) => s[0])).toEqual(['lp-g']);
    expect(p.labels[0]).toMatchObject({ source: 'lp-g', minzoom: 0, layout: { visibility: 'none', 'symbol-placement': 'point', 'text-size': 12 } });
    expect(layerStyleParts(grid('g', { label: { field: 'name', allowOverlap: true } })).labels[0]).toMatchObject({
      layout: { 'text-allow-overlap': true },
    });
    // A labelled dot: the text beside its point, not over it; without the options the layout has neither key.
    const beside = layerStyleParts(grid('g', { label: { field: 'name', anchor: 'bottom-left', offsetEm: [0.4, -0.2] } })).labels[0]!;
    expect(beside.layout).toMatchObject({ 'text-anchor': 'bottom-left', 'text-offset': [0.4, -0.2] });
    expect(Object.keys(p.labels[0]!.layout ?? {})).not.toContain('text-anchor');
    expect(needsRebuild(grid('g', { label: { field: 'name' } }), grid('g', { label: { field: 'name', anchor: 'left' } }))).toBe(true);
  });
  it('take new label points in place and rebuild when the label style changes', () => {
    const g = grid('g', { label: { field: 'name', points } });
    expect(needsRebuild(g, { ...g, label: { field: 'name', points: { type: 'FeatureCollection', features: [] } } })).toBe(false);
    expect(needsRebuild(g, { ...g, label: { field: 'code', points } })).toBe(true);
    expect(needsRebuild(g, { ...g, label: undefined })).toBe(true);
    expect(needsRebuild(g, { ...g, label: { field: 'name' } })).toBe(true);
    expect(needsRebuild(g, { ...g, label: { field: 'name', points, allowOverlap: true } })).toBe(true);
  });
});

describe('data-driven colours', () => {
  const byStatus = { property: 'status', colors: { done: '#2e9e44', overdue: 'rgba(214,58,47,0.75)', '3': '#0000ff' }, fallback: '#8a8f98' };
  /** The colour maplibre gives a feature with these properties (as rgba text). */
  const evaluate = (expr: unknown, key: 'fill-color' | 'line-color', properties: Record<string, unknown>): string => {
    const spec = key === 'fill-color' ? latest.paint_fill['fill-color'] : latest.paint_line['line-color'];
    const parsed = createPropertyExpression(expr as never, key, spec as never);
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    return String(parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties } as never));
  };
  it("colour each feature by its property's text through one match expression, a missing or unknown value by the fallback", () => {
    const expr = colorExpression('#000000', byStatus);
    // (Object key order: an integer-like key comes first.)
    expect(expr).toEqual([
      'match',
      ['to-string', ['get', 'status']],
      '3',
      '#0000ff',
      'done',
      '#2e9e44',
      'overdue',
      'rgba(214,58,47,0.75)',
      '#8a8f98',
    ]);
    expect(evaluate(expr, 'fill-color', { status: 'done' })).toBe('rgba(46,158,68,1)');
    expect(evaluate(expr, 'fill-color', { status: 'overdue' })).toBe('rgba(214,58,47,0.75)');
    // A number is compared as its text; an unknown value, a missing property and null take the fallback.
    expect(evaluate(expr, 'fill-color', { status: 3 })).toBe('rgba(0,0,255,1)');
    expect(evaluate(expr, 'fill-color', { status: 'open' })).toBe('rgba(138,143,152,1)');
    expect(evaluate(expr, 'fill-color', {})).toBe('rgba(138,143,152,1)');
    expect(evaluate(expr, 'fill-color', { status: null })).toBe('rgba(138,143,152,1)');
  });
  it('give the plain colour without colorBy, and the fallback alone when no value has a colour', () => {
    expect(colorExpression('#123456')).toBe('#123456');
    expect(colorExpression('#123456', { property: 'status', colors: {}, fallback: '#abcdef' })).toBe('#abcdef');
  });
  it("put the expression in the fill's and the line's paint, and change colours in place (no rebuild)", () => {
    const g = grid('g', {
      paint: { fill: { color: '#000', colorBy: byStatus, opacity: 0.6 }, line: { color: '#000', colorBy: byStatus, widthPx: 1.5 } },
    });
    const [fill, line] = layerStyleParts(g).bodies;
    expect(fill!.paint).toEqual({ 'fill-color': colorExpression('#000', byStatus), 'fill-opacity': 0.6 });
    expect(line!.paint).toEqual({ 'line-color': colorExpression('#000', byStatus), 'line-width': 1.5, 'line-opacity': 1 });
    expect(evaluate((line!.paint as Record<string, unknown>)['line-color'], 'line-color', { status: 'done' })).toBe('rgba(46,158,68,1)');
    const recoloured = { ...g, paint: { fill: { color: '#000', colorBy: { ...byStatus, fallback: '#ffffff' } }, line: { color: '#000' } } };
    expect(needsRebuild(g, recoloured)).toBe(false);
    expect(geoJsonPaintOf(recoloured.paint).line).toMatchObject({ 'line-color': '#000' });
  });
  it("colour the points' circles by the same match (one layer for every status's pins)", () => {
    const g = grid('pins', { paint: { circle: { color: '#000', colorBy: byStatus, radiusPx: 5, strokeColor: '#ffffff', strokeWidthPx: 1.5 } } });
    const [circle] = layerStyleParts(g).bodies;
    expect(circle!.type).toBe('circle');
    expect(circle!.paint).toEqual({
      'circle-color': colorExpression('#000', byStatus),
      'circle-radius': 5,
      'circle-opacity': 1,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    });
    const parsed = createPropertyExpression(
      (circle!.paint as Record<string, unknown>)['circle-color'] as never,
      'circle-color',
      latest.paint_circle['circle-color'] as never,
    );
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const at = (properties: Record<string, unknown>) => String(parsed.value.evaluate({ zoom: 14 }, { type: 'Point', properties } as never));
    expect(at({ status: 'overdue' })).toBe('rgba(214,58,47,0.75)');
    expect(at({ status: 'done' })).toBe('rgba(46,158,68,1)');
    expect(at({ status: 'other' })).toBe('rgba(138,143,152,1)');
    // Without colorBy the plain colour, as before.
    expect(geoJsonPaintOf({ circle: { color: '#123456' } }).circle).toMatchObject({ 'circle-color': '#123456' });
    const recoloured = { ...g, paint: { circle: { color: '#000', colorBy: { ...byStatus, fallback: '#ffffff' } } } };
    expect(needsRebuild(g, recoloured)).toBe(false);
  });
});

describe('hatched fills', () => {
  it('add a pattern layer over the fill, named by its colour, and rebuild when the hatch changes', () => {
    const g = grid('g', { paint: { fill: { color: '#e74c3c', opacity: 0.5, hatch: { color: '#922B21' } } } });
    const p = layerStyleParts(g);
    expect(p.bodies.map((l) => l.id)).toEqual(['lp-g-fill', 'lp-g-hatch']);
    expect(p.bodies[1]).toMatchObject({ type: 'fill', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-pattern': 'lp-hatch-922b21' } });
    expect(needsRebuild(g, { ...g, paint: { fill: { color: '#e74c3c' } } })).toBe(true);
    expect(needsRebuild(g, { ...g, paint: { fill: { color: '#000000', hatch: { color: '#922B21' } } } })).toBe(false);
  });
  it('make a seamless 12 px tile of diagonal lines in the colour, transparent between them', () => {
    const img = hatchImage(hatchImageId('#922b21'))!;
    expect([img.width, img.height, img.data.length]).toEqual([12, 12, 12 * 12 * 4]);
    const at = (x: number, y: number) => [...img.data.slice((y * 12 + x) * 4, (y * 12 + x) * 4 + 4)];
    expect(at(11, 0)).toEqual([0x92, 0x2b, 0x21, 255]);
    expect(at(0, 11)).toEqual([0x92, 0x2b, 0x21, 255]);
    expect(at(0, 5)[3]).toBe(0);
    expect(at(3, 3)[3]).toBe(0);
    // Each row holds the same number of line pixels (the tile repeats without a seam).
    const perRow = [...Array(12).keys()].map((y) => [...Array(12).keys()].filter((x) => at(x, y)[3] === 255).length);
    expect(new Set(perRow).size).toBe(1);
    expect(hatchImage('lp-hatch-red')).toBeNull();
    expect(hatchImage('other')).toBeNull();
  });
});

describe('arrows on points', () => {
  const photos = (extra: Partial<GeoJsonLayerSpec> = {}): GeoJsonLayerSpec => ({
    type: 'geojson',
    id: 'photos',
    data: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { fid: 0, bearing: 123.45 }, geometry: { type: 'Point', coordinates: [117.65, 35.12] } },
        { type: 'Feature', properties: { fid: 1 }, geometry: { type: 'Point', coordinates: [117.66, 35.12] } },
      ],
    },
    paint: { circle: { color: '#d35400', radiusPx: 6 }, arrow: { color: '#D35400', rotateField: 'bearing' } },
    visible: true,
    interactive: true,
    ...extra,
  });
  it('add a symbol layer under the circles, rotated by the property from north with the map, only where it is a number', () => {
    const p = layerStyleParts(photos());
    expect(p.bodies.map((l) => l.id)).toEqual(['lp-photos-arrow', 'lp-photos-circle']);
    expect(p.bodies[0]).toMatchObject({
      type: 'symbol',
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['==', ['typeof', ['get', 'bearing']], 'number']],
      layout: { 'icon-image': 'lp-arrow-d35400', 'icon-rotate': ['get', 'bearing'], 'icon-rotation-alignment': 'map', 'icon-size': 1 },
    });
    expect(
      layerStyleParts(photos({ paint: { circle: { color: '#000' }, arrow: { color: '#000', rotateField: 'b', sizePx: 48 } } })).bodies[0],
    ).toMatchObject({
      layout: { 'icon-size': 1.5 },
    });
    expect(validateStyleMin(initialStyle(baseStyle(), [photos()]))).toEqual([]);
  });
  it('rebuild when the arrow comes, goes or changes, not for new data', () => {
    const a = photos();
    expect(needsRebuild(a, { ...a, data: { type: 'FeatureCollection', features: [] } })).toBe(false);
    expect(needsRebuild(a, { ...a, paint: { circle: a.paint.circle! } })).toBe(true);
    expect(needsRebuild(a, { ...a, paint: { ...a.paint, arrow: { color: '#000000', rotateField: 'bearing' } } })).toBe(true);
  });
  it('make a 64 px arrow whose centre is the point and whose tip touches the top, with a white halo', () => {
    const img = arrowImage(arrowImageId('#D35400'))!;
    const n = ARROW_IMAGE_PX;
    expect([img.width, img.height, img.data.length, img.pixelRatio]).toEqual([n, n, n * n * 4, 2]);
    const at = (x: number, y: number) => [...img.data.slice((y * n + x) * 4, (y * n + x) * 4 + 4)];
    const colour = [0xd3, 0x54, 0x00, 255];
    expect(at(32, 4)).toEqual(colour); // the tip, near the top edge
    expect(at(32, 31)).toEqual(colour); // the shaft reaches the centre
    expect(at(32, 40)[3]).toBe(0); // nothing below the point: the arrow points one way
    expect(at(22, 21)).toEqual(colour); // the head's wide end
    expect(at(32, 2)).toEqual([255, 255, 255, 255]); // the halo above the tip
    expect(at(5, 5)[3]).toBe(0);
    // Symmetric about the vertical through the centre (a bearing of 0 points exactly north).
    for (let y = 0; y < n; y++) for (let x = 0; x < n / 2; x++) expect(at(x, y)).toEqual(at(n - 1 - x, y));
    expect(arrowImage('lp-arrow-red')).toBeNull();
    expect(arrowImage(hatchImageId('#922b21'))).toBeNull();
  });
});

describe('raster layers', () => {
  it('make a raster source from the URL templates, bounded, with the layer opacity', () => {
    const r = layerStyleParts(imagery('img', { bounds: [117, 35, 117.2, 35.1], minzoom: 10, maxzoom: 19, attribution: '县自然资源局' }));
    expect(r.sources).toEqual([
      [
        'lp-img',
        {
          type: 'raster',
          tiles: ['http://127.0.0.1:4173/tiles/{z}/{x}/{y}.png'],
          tileSize: 256,
          bounds: sourceBounds([117, 35, 117.2, 35.1]),
          minzoom: 10,
          maxzoom: 19,
          attribution: '县自然资源局',
        },
      ],
    ]);
    expect(r.bodies).toEqual([
      {
        id: 'lp-img-raster',
        type: 'raster',
        source: 'lp-img',
        layout: { visibility: 'visible' },
        paint: { 'raster-opacity': 0.8, 'raster-fade-duration': 0 },
      },
    ]);
  });
  it('rebuild when the tiles change, not for opacity or visibility', () => {
    const r = imagery('img');
    expect(needsRebuild(r, { ...r, opacity: 0.3, visible: false })).toBe(false);
    expect(needsRebuild(r, { ...r, tiles: ['http://127.0.0.1:4173/other/{z}/{x}/{y}.png'] })).toBe(true);
    expect(needsRebuild(r, grid('img'))).toBe(true);
  });
});

describe('mixed stacks', () => {
  it('interleave stored, GeoJSON and raster layers in the order given, bottom → top', () => {
    const style = initialStyle(baseStyle(), [imagery('img'), spec('a'), grid('g')]);
    expect(Object.keys(style.sources)).toEqual(['lp-img', 'lp-a', 'lp-g']);
    expect(style.layers.map((l) => l.id)).toEqual([
      'paper',
      'lp-img-raster',
      'lp-a-fill',
      'lp-a-line',
      'lp-g-fill',
      'lp-g-line',
      'lp-a-hlfill',
      'lp-a-hl',
    ]);
  });
  it('rebuild a stored layer for a new data version, not for a style or visibility change', () => {
    const a = spec('a');
    expect(needsRebuild(a, { ...a, dataKey: 'a@2' })).toBe(true);
    expect(needsRebuild(a, { ...a, visible: false, opacity: 0.5 })).toBe(false);
  });
});
