/**
 * The map sheet's legend lists what the frame draws, by category, on the real banzhucun land classes (10 653 parcels
 * by DLMC, CGCS2000 GK zone 35): the classes in a frame against GDAL + GEOS (scripts/make-legend-oracle.py →
 * tests/oracles/legend-banzhucun.json); a class of the layer outside the frame is not listed; when the entries do
 * not fit, smaller text, then "其余 N 类" with the rest on the table sheet.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDbfTextField, readPolygonShp } from '../../../tests/oracles/read-shapefile';
import { REAL_DATA } from '../../../tests/fixtures/read-fixture';
import { defaultStyle } from '../layers/kind';
import { legendItemsOf, type LegendItem } from '../layers/legend';
import type { GkPoint, MapSheetContent, PlotGk, SheetLayer, SheetSettings } from './inputs';
import { LEGEND_MIN_PT, LEGEND_PT, layoutLegend, type LegendEntry } from './map-legend';
import { MAP_SHEET_LABEL_KEYS, fill, layoutMapSheets, planMapSheet, type MapSheetLabels, type MapSheetPlan } from './map-sheet';
import { numberBoundaryPoints } from './points';
import type { Mark, Sheet } from './sheet-model';

const oracle = JSON.parse(readFileSync('tests/oracles/legend-banzhucun.json', 'utf8')) as {
  layerClasses: string[];
  frames: { name: string; centre: [number, number]; extent: [number, number, number, number]; classes: string[] }[];
};
const zone = { width: 3 as const, zone: 35, centralMeridian: 105 };
const BASE = `${REAL_DATA}/banzhucun/斑竹村10000`;
const rings = readPolygonShp(`${BASE}.shp`);
const dlmc = readDbfTextField(`${BASE}.dbf`, 'DLMC', 'utf-8');

/** The real layer as the export gives it to the layout: every parcel, its DLMC as its code, the default style's legend
 *  of the classes the layer holds (all 13: the layout must list only those it draws). */
function landClasses(): SheetLayer {
  const style = defaultStyle('landClass', [{ name: 'DLMC', type: 'C', length: 30, decimals: 0 }]);
  const present = new Map<string, { count: number }>();
  for (const v of dlmc) present.set(v, { count: (present.get(v)?.count ?? 0) + 1 });
  const items = legendItemsOf(
    { id: 'dltb', name: '三调地类图斑', kind: 'landClass', visible: true, opacity: 1, style, geometryKind: 'polygon' },
    { other: '其他' },
    present,
  );
  return {
    id: 'dltb',
    name: '三调地类图斑',
    role: 'landClass',
    legend: { layerId: 'dltb', title: '三调地类图斑', kind: 'landClass', items },
    features: rings.map((r, i) => ({
      kind: 'polygon' as const,
      parts: r.map((ring) => ring.map((p): GkPoint => [p[0]!, p[1]!])),
      code: dlmc[i]!,
      label: dlmc[i]!,
    })),
  };
}
const layer = landClasses();

const labels = Object.fromEntries(MAP_SHEET_LABEL_KEYS.map((k) => [k, `${k}`])) as unknown as MapSheetLabels;
const L: MapSheetLabels = { ...labels, legendMore: '其余 {n} 类图例见附表', continued: '（续表）', page: '{n}/{total}' };
const settings: SheetSettings = {
  paper: 'A4',
  orientation: 'portrait',
  scale: 1000,
  title: '违法用地示意图',
  legendPosition: 'bottom',
  gridSpacingMm: 100,
  hiddenLayerIds: [],
  imagery: false,
};
/** A 60 × 40 m plot centred on a frame's centre. */
const plotAt = ([e, n]: [number, number]): PlotGk => ({
  zone,
  zonePrefix: true,
  polygons: [
    [
      [
        [e - 30, n + 20],
        [e + 30, n + 20],
        [e + 30, n - 20],
        [e - 30, n - 20],
      ],
    ],
  ],
});
const content = (plot: PlotGk, layers: SheetLayer[], over: Partial<MapSheetContent> = {}): MapSheetContent => ({
  record: { number: 'HC20261201001', taskNo: '', caseNo: '', township: '', village: '斑竹村', place: '' },
  titleBlock: { office: '', mapper: '', checker: '', date: '2026-12-01' },
  plot,
  points: numberBoundaryPoints(plot.polygons),
  areas: [{ label: '高斯平面面积', level: 0, block: '总面积', planarM2: 2400, mu: 3.6 }],
  layers,
  imagery: null,
  convergenceDeg: 0.1,
  ...over,
});
const ok = (p: ReturnType<typeof planMapSheet>): MapSheetPlan => {
  if (!p.ok) throw new Error(p.reason);
  return p.plan;
};
type TextMark = Extract<Mark, { kind: 'text' }>;
/** The legend's texts: unclipped (the map's own labels are clipped to the frame), at the legend's sizes. */
const legendTexts = (s: Sheet) =>
  s.marks
    .filter((m): m is TextMark => m.kind === 'text' && !m.clip && (m.sizePt === LEGEND_PT || m.sizePt === LEGEND_MIN_PT || m.sizePt === 9))
    .map((m) => m.text)
    .filter((x) => x.startsWith('legend') || x.startsWith('其余') || oracle.layerClasses.includes(x) || x.startsWith('规划分区'));
const itemOf = (name: string): LegendItem => layer.legend.items.find((i) => i.label === name)!;

describe('the legend lists each category drawn in the frame (real banzhucun land classes)', () => {
  const frame = oracle.frames.find((f) => f.name === 'seven')!;
  const plan = ok(planMapSheet(settings, plotAt(frame.centre)));

  it('the frame is the oracle’s ground', () => {
    plan.ground.extent.forEach((v, i) => expect(v).toBeCloseTo(frame.extent[i]!, 6));
  });

  for (const imagery of [false, true])
    it(`a frame over 7 land classes shows 7 entries, named, in the layer legend’s order and the map’s colours${imagery ? ' (over imagery)' : ''}`, () => {
      const sheets = layoutMapSheets(
        { ...plan, settings: { ...settings, imagery } },
        content(plotAt(frame.centre), [layer], imagery ? { imagery: { ref: 'img', name: '2025年卫片', date: null } } : {}),
        L,
      );
      expect(sheets).toHaveLength(1);
      const t = legendTexts(sheets[0]!);
      const classes = t.filter((x) => oracle.layerClasses.includes(x));
      expect(classes).toHaveLength(7);
      expect([...classes].sort()).toEqual([...frame.classes].sort());
      // in the order of the layer's own legend
      expect(classes).toEqual(layer.legend.items.map((i) => i.label).filter((l) => frame.classes.includes(l)));
      // the plot and its points first
      expect(t.slice(0, 2)).toEqual(['legendPlot', 'legendPoints']);
      // a class of the layer outside the frame is not listed
      expect(layer.legend.items.map((i) => i.label)).toContain('水库水面');
      expect(t).not.toContain('水库水面');
      expect(t.some((x) => x.startsWith('其余'))).toBe(false);
      // each entry's swatch in its class's colour, as the frame draws it
      const swatchFills = sheets[0]!.marks.filter((m) => m.kind === 'path' && m.closed && !m.clip).map((m) => (m.kind === 'path' ? m.fill : null));
      const drawnFills = new Set(
        sheets[0]!.marks.filter((m) => m.kind === 'path' && m.clip && m.closed).map((m) => (m.kind === 'path' ? m.fill : null)),
      );
      for (const c of frame.classes) {
        const colour = itemOf(c).symbol.fill;
        expect(swatchFills, c).toContain(colour);
        expect(drawnFills.has(colour), c).toBe(true);
      }
    });
});

/** 30 zones of a planning layer drawn by name (a rule without categories: one colour, each zone its own entry). */
function zonesLayer(centre: [number, number]): SheetLayer {
  const symbol = { shape: 'fill' as const, fill: '#d7c29e', fillOpacity: 0.4, stroke: '#8c8c8c', strokeWidthPx: 1 };
  const names = Array.from({ length: 30 }, (_, i) => `规划分区第${String(i + 1).padStart(2, '0')}片区`);
  return {
    id: 'gh',
    name: '规划分区',
    role: 'planning',
    legend: { layerId: 'gh', title: '规划分区', kind: 'planningZone', items: names.map((label) => ({ label, symbol })) },
    features: names.map((label, i) => {
      const e = centre[0] - 80 + (i % 6) * 27;
      const n = centre[1] - 60 + Math.floor(i / 6) * 24;
      return {
        kind: 'polygon' as const,
        parts: [
          [
            [e, n],
            [e + 25, n],
            [e + 25, n + 22],
            [e, n + 22],
          ],
        ],
        code: label,
      };
    }),
  };
}

describe('when the entries do not fit the legend box', () => {
  const entries = (n: number): LegendEntry[] =>
    Array.from({ length: n }, (_, i) => ({ label: `${oracle.layerClasses[i % 13]}${i}`, shape: 'fill', paint: { fill: '#f0c000', stroke: null } }));

  it('takes more columns when the box is wide enough, then smaller text down to the floor, then says how many are left', () => {
    const es = entries(10);
    const one = layoutLegend(es, 200, 200, L);
    expect([one.sizePt, one.placed.length, one.rest.length, one.columns]).toEqual([LEGEND_PT, 10, 0, 1]);
    // 10 rows of 5 mm under a 4.8 mm title: 55.8 mm. In 40 mm, a box twice as wide as a column takes two columns.
    const narrow = layoutLegend(es, one.columnWidthMm + 1, 200, L);
    const w2 = layoutLegend(es, 2 * one.columnWidthMm + 4, 40, L);
    expect([w2.sizePt, w2.columns, w2.rest.length]).toEqual([LEGEND_PT, 2, 0]);
    expect(w2.heightMm).toBeLessThanOrEqual(40);
    // one column 52 mm high: 7 pt needs 55.8 mm; 6.5 pt (rows 4.64 mm) holds them
    const small = layoutLegend(es, narrow.columnWidthMm, 52.5, L);
    expect([small.sizePt, small.placed.length, small.rest.length]).toEqual([LEGEND_MIN_PT, 10, 0]);
    // 30 mm: at 6.5 pt five rows, one of them the note: four entries, six left, and it says so
    const over = layoutLegend(es, narrow.columnWidthMm, 30, L);
    expect(over.sizePt).toBe(LEGEND_MIN_PT);
    expect(over.placed.length + over.rest.length).toBe(10);
    expect(over.rest.map((e) => e.label)).toEqual(es.slice(over.placed.length).map((e) => e.label));
    expect(over.moreNote).toBe(fill(L.legendMore, { n: over.rest.length }));
    expect(over.heightMm).toBeLessThanOrEqual(30);
    expect(over.placed.length).toBe(4);
  });

  it('on the map sheet: the entries that fit, "其余 N 类", and the N others on the table sheet, each once', () => {
    const frame = oracle.frames.find((f) => f.name === 'eight')!;
    const landscape: SheetSettings = { ...settings, orientation: 'landscape', legendPosition: 'right' };
    const plan = ok(planMapSheet(landscape, plotAt(frame.centre)));
    const zones = zonesLayer(frame.centre);
    const sheets = layoutMapSheets(plan, content(plotAt(frame.centre), [layer, zones]), L);
    expect(sheets.map((s) => s.role)).toEqual(['map', 'table']);
    const onMap = legendTexts(sheets[0]!);
    const note = onMap.find((x) => x.startsWith('其余'));
    expect(note).toBeDefined();
    const n = Number(/其余 (\d+) 类/.exec(note!)![1]);
    const all = [
      'legendPlot',
      'legendPoints',
      ...zones.legend.items.map((i) => i.label),
      ...layer.legend.items.map((i) => i.label).filter((l) => frame.classes.includes(l)),
    ];
    expect(all).toHaveLength(2 + 30 + 8);
    const shown = onMap.filter((x) => all.includes(x));
    const continued = legendTexts(sheets[1]!).filter((x) => all.includes(x));
    expect(continued).toHaveLength(n);
    expect([...shown, ...continued]).toEqual(all);
    expect(sheets[1]!.marks.some((m) => m.kind === 'text' && m.text === 'legendTitle（续表）')).toBe(true);
    // the area table kept its place on the map sheet under the legend; the 界址点 table (its zone-prefixed Y wider
    // than the 62 mm column) is on the table sheet, under the rest of the legend
    const tablesOf = (s: Sheet) => s.marks.filter((m): m is Extract<Mark, { kind: 'table' }> => m.kind === 'table' && m.headerHeightMm > 0);
    expect(tablesOf(sheets[0]!).map((m) => m.rows[0]![1])).toEqual(['高斯平面面积']);
    const [pointsTable] = tablesOf(sheets[1]!);
    expect(pointsTable!.rows[0]![0]).toBe('J1');
    const lastRest = sheets[1]!.marks.filter((m): m is TextMark => m.kind === 'text' && m.text === continued.at(-1))[0]!;
    expect(lastRest.y).toBeLessThan(pointsTable!.y);
  });
});
