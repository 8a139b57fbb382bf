import { describe, expect, it } from 'vitest';
import type { LegendGroup } from '../layers/legend';
import type { MapSheetContent, PlotGk, SheetLayer, SheetSettings } from './inputs';
import { FRAME_EDGE_MM, MAP_SHEET_LABEL_KEYS, fill, layoutMapSheets, planMapSheet, type MapSheetLabels, type MapSheetPlan } from './map-sheet';
import { numberBoundaryPoints } from './points';
import type { Mark, Sheet } from './sheet-model';

const zone = { width: 3 as const, zone: 39, centralMeridian: 117 };
const E = 512_340;
const N = 4_057_660;
const settings: SheetSettings = {
  paper: 'A4',
  orientation: 'portrait',
  scale: 1000,
  title: '违法用地示意图',
  legendPosition: 'bottom',
  gridSpacingMm: 100,
  hiddenLayerIds: [],
  imagery: true,
};
const rect = (x0: number, y0: number, w: number, h: number) =>
  [
    [E + x0, N + y0],
    [E + x0 + w, N + y0],
    [E + x0 + w, N + y0 + h],
    [E + x0, N + y0 + h],
  ] as [number, number][];
const plot: PlotGk = { zone, zonePrefix: false, polygons: [[rect(0, 0, 80, 60), rect(20, 20, 20, 15).reverse()]] };
// The labels are their own keys with the placeholders, so the spec sees what was filled.
const labels = Object.fromEntries(MAP_SHEET_LABEL_KEYS.map((k) => [k, `${k}`])) as unknown as MapSheetLabels;
const L: MapSheetLabels = {
  ...labels,
  crs: 'CRS {width}° {zone} {cm}°E',
  scale: 'S {scale}',
  recordNo: 'No {number}',
  page: '{n}/{total}',
  continued: '(cont)',
  pointsName: '点号',
  pointsX: 'X（m）',
  pointsY: 'Y（m）',
  pointsSide: '边长（m）',
  areasBlock: '类别',
  areasItem: '项目',
  areasM2: '面积（m²）',
  areasMu: '面积（亩）',
  areasNote: '注',
};

const ok = (p: ReturnType<typeof planMapSheet>): MapSheetPlan => {
  if (!p.ok) throw new Error(p.reason);
  return p.plan;
};
const farmLegend: LegendGroup = {
  layerId: 'farm',
  title: '永久基本农田',
  kind: 'permanentFarmland',
  items: [{ label: '永久基本农田', symbol: { shape: 'fill', fill: '#ffff00', fillOpacity: 0.5, stroke: '#c00000', strokeWidthPx: 1 } }],
};
const lcLegend: LegendGroup = {
  layerId: 'lc',
  title: '三调地类',
  kind: 'landClass',
  items: [
    { code: '0103', label: '旱地', symbol: { shape: 'fill', fill: '#f5deb3', fillOpacity: 0.6, stroke: '#888888', strokeWidthPx: 1 } },
    { code: '0702', label: '农村宅基地', symbol: { shape: 'fill', fill: '#e08080', fillOpacity: 0.6, stroke: '#888888', strokeWidthPx: 1 } },
    { code: '1202', label: '设施农用地', symbol: { shape: 'fill', fill: '#cccccc', fillOpacity: 0.6, stroke: '#888888', strokeWidthPx: 1 } },
  ],
};
const layers: SheetLayer[] = [
  { id: 'farm', name: '永久基本农田', role: 'farmland', legend: farmLegend, features: [{ kind: 'polygon', parts: [rect(-50, -50, 90, 200)] }] },
  {
    id: 'lc',
    name: '三调地类',
    role: 'landClass',
    legend: lcLegend,
    features: [
      { kind: 'polygon', parts: [rect(-100, -100, 140, 300)], code: '0103', label: '旱地' },
      { kind: 'polygon', parts: [rect(40, -100, 200, 300)], code: '0702', label: '农村宅基地' },
      // far outside the frame: not drawn, not in the legend
      { kind: 'polygon', parts: [rect(5000, 5000, 10, 10)], code: '1202', label: '设施农用地' },
    ],
  },
];
const content = (over: Partial<MapSheetContent> = {}): MapSheetContent => ({
  record: { number: 'HC20251201001', taskNo: 'JC370112-0042', caseNo: '', township: '港沟街道', village: '芦南村', place: '村东' },
  titleBlock: { office: '历城区自然资源局', mapper: '张三', checker: '李四', date: '2025-12-01' },
  plot,
  points: numberBoundaryPoints(plot.polygons),
  areas: [{ label: '高斯平面面积', level: 0, block: '总面积', planarM2: 4500, mu: 6.75, ellipsoidalM2: 4501.23 }],
  layers,
  imagery: { ref: 'img', name: '2025年卫片', date: '2025-06-01' },
  convergenceDeg: 0.0832,
  ...over,
});
const texts = (s: Sheet) => s.marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text').map((m) => m.text);

describe('planMapSheet', () => {
  it('keeps the frame ≥ 20 mm from every edge and gives it the ground of the scale on both axes', () => {
    for (const paper of ['A4', 'A3'] as const)
      for (const orientation of ['portrait', 'landscape'] as const)
        for (const legendPosition of ['right', 'bottom'] as const) {
          const p = ok(planMapSheet({ ...settings, paper, orientation, legendPosition }, plot));
          const f = p.zones.frame;
          expect(f.x).toBeGreaterThanOrEqual(FRAME_EDGE_MM);
          expect(f.y).toBeGreaterThanOrEqual(FRAME_EDGE_MM);
          expect(p.paper.widthMm - (f.x + f.w)).toBeGreaterThanOrEqual(FRAME_EDGE_MM);
          expect(p.paper.heightMm - (f.y + f.h)).toBeGreaterThanOrEqual(FRAME_EDGE_MM);
          const [e0, n0, e1, n1] = p.ground.extent;
          expect(e1 - e0).toBeCloseTo(f.w, 9); // 1 mm = 1 m at 1:1,000
          expect(n1 - n0).toBeCloseTo(f.h, 9);
          expect((e0 + e1) / 2).toBeCloseTo(E + 40, 9); // centred on the plot's bbox
          expect((n0 + n1) / 2).toBeCloseTo(N + 30, 9);
          expect(p.imagery.widthPx).toBe(Math.round((f.w / 25.4) * 300));
          // the side zone, title block and signatures stay on the paper, 10 mm from its edge
          for (const z of [p.zones.side, p.zones.titleBlock, p.zones.signatures]) {
            expect(z.x + z.w).toBeLessThanOrEqual(p.paper.widthMm - 10 + 1e-9);
            expect(z.y + z.h).toBeLessThanOrEqual(p.paper.heightMm - 10 + 1e-9);
            expect(z.w).toBeGreaterThan(40);
          }
        }
  });

  it('fits the smallest standard scale, and refuses a plot too large for 1:10,000 with the scale it needs', () => {
    // 80 × 60 m + 10 % each side = 96 × 72 m: 192 × 144 mm at 1:500 does not fit the 170 × 142 mm frame
    const p = ok(planMapSheet({ ...settings, scale: 'fit' }, plot));
    expect(p.zones.frame.h).toBeLessThan(144);
    expect(p.scale).toBe(1000);
    const small: PlotGk = { zone, zonePrefix: false, polygons: [[rect(0, 0, 60, 50)]] };
    expect(ok(planMapSheet({ ...settings, scale: 'fit' }, small)).scale).toBe(500);
    expect(p.fitted).toBe(true);
    const long: PlotGk = { zone, zonePrefix: false, polygons: [[rect(0, 0, 900, 20)]] };
    expect(ok(planMapSheet({ ...settings, scale: 'fit' }, long)).scale).toBe(10000);
    const huge: PlotGk = { zone, zonePrefix: false, polygons: [[rect(0, 0, 3000, 20)]] };
    const r = planMapSheet({ ...settings, scale: 'fit' }, huge);
    expect(r.ok).toBe(false);
    if (!r.ok && r.reason === 'plotTooLarge') expect(r.neededScale).toBeGreaterThan(10000);
    expect(planMapSheet(settings, { zone, zonePrefix: false, polygons: [] }).ok).toBe(false);
  });

  it('plans a bare map view at its own scale when the settings say fit', () => {
    const p = ok(planMapSheet({ ...settings, scale: 'fit' }, { zone, zonePrefix: true, centre: [39_500_000, 4_000_000], scale: 2000 }));
    expect(p.scale).toBe(2000);
    expect(p.hasPlot).toBe(false);
    expect(p.ground.zonePrefix).toBe(true);
    expect((p.ground.extent[2] - p.ground.extent[0]) / p.zones.frame.w).toBeCloseTo(2, 12);
  });
});

describe('layoutMapSheets', () => {
  const plan = ok(planMapSheet(settings, plot));
  const sheets = layoutMapSheets(plan, content(), L);
  const map = sheets[0]!;

  it('draws the title, the record number, the CRS note from the zone and the scale', () => {
    expect(map.role).toBe('map');
    expect(map.frame).toEqual(plan.zones.frame);
    const t = texts(map);
    expect(t).toContain('违法用地示意图');
    expect(t.some((s) => s.includes('No HC20251201001'))).toBe(true);
    expect(t).toContain('CRS 3° 39 117°E');
    expect(t).toContain('S 1:1 000');
  });

  it('draws the plot red 0.3 mm with its hole, and the J points as 0.8 mm circles with red numbers outside the plot', () => {
    const plotPath = map.marks.find((m) => m.kind === 'path' && m.stroke === '#ff0000' && m.strokeMm === 0.3);
    expect(plotPath && plotPath.kind === 'path' && plotPath.rings.length).toBe(2);
    const circles = map.marks.filter((m) => m.kind === 'circle' && m.stroke === '#ff0000' && m.clip);
    expect(circles.length).toBe(8);
    for (const c of circles) if (c.kind === 'circle') expect(c.rMm * 2).toBeCloseTo(0.8, 12);
    // J1 is the outer ring's NW corner: (E, N + 60) → x = frame.x + (E − E0), y = frame.y + (N1 − N − 60)
    const [e0, , , n1] = plan.ground.extent;
    const c1 = circles[0]!;
    if (c1.kind === 'circle') {
      expect(c1.cx).toBeCloseTo(plan.zones.frame.x + (E - e0), 9);
      expect(c1.cy).toBeCloseTo(plan.zones.frame.y + (n1 - (N + 60)), 9);
    }
    const j1 = map.marks.find((m) => m.kind === 'text' && m.text === 'J1');
    expect(j1 && j1.kind === 'text' && j1.color).toBe('#ff0000');
    // outside the outer ring: north-west of J1
    if (j1 && j1.kind === 'text' && c1.kind === 'circle') {
      expect(j1.x).toBeLessThan(c1.cx);
      expect(j1.y).toBeLessThan(c1.cy);
    }
    // J5 (the hole's NW corner) is numbered inside the hole, i.e. outside the plot
    const j5 = map.marks.find((m) => m.kind === 'text' && m.text === 'J5');
    const c5 = circles[4]!;
    if (j5 && j5.kind === 'text' && c5.kind === 'circle') {
      expect(j5.x).toBeGreaterThan(c5.cx);
      expect(j5.y).toBeGreaterThan(c5.cy);
    }
  });

  it('puts grid lines at round ground values exactly, clipped to the frame, with full-metre labels', () => {
    const f = plan.zones.frame;
    const [e0, , , n1] = plan.ground.extent;
    const gridPaths = map.marks.filter((m) => m.kind === 'path' && m.clip && m.strokeMm === 0.1 && !m.closed);
    expect(gridPaths.length).toBeGreaterThan(0);
    for (const g of gridPaths) {
      if (g.kind !== 'path') continue;
      const [a, b] = g.rings[0] as [[number, number], [number, number]];
      if (a[0] === b[0]) expect((e0 + (a[0] - f.x)) % 100).toBeCloseTo(0, 6);
      else expect((n1 - (a[1] - f.y)) % 100).toBeCloseTo(0, 6);
    }
    expect(texts(map)).toContain('512400');
  });

  it('draws farmland yellow with its red 0.5 mm boundary, labels land classes, and a legend of only what is drawn', () => {
    const plain = layoutMapSheets(plan, content({ imagery: null }), L)[0]!;
    const farm = plain.marks.find((m) => m.kind === 'path' && m.fill === '#ffff00');
    expect(farm && farm.kind === 'path' && [farm.stroke, farm.strokeMm]).toEqual(['#ff0000', 0.5]);
    const t = texts(plain);
    expect(t).toContain('0103 旱地');
    expect(t).toContain('0702 农村宅基地');
    expect(t).not.toContain('1202 设施农用地');
    expect(t).toContain('旱地'); // the in-map label
    expect(t.indexOf('legendPlot')).toBeLessThan(t.indexOf('0103 旱地'));
    // the farmland is drawn over the land classes
    const iFarm = plain.marks.findIndex((m) => m.kind === 'path' && m.fill === '#ffff00');
    const iLc = plain.marks.findIndex((m) => m.kind === 'path' && m.fill === '#f5deb3');
    expect(iLc).toBeLessThan(iFarm);
    expect(plain.marks.some((m) => m.kind === 'image')).toBe(false);
  });

  it('over imagery: the image at the bottom, farmland at 0.3, land classes tinted in white boundaries, labels with a halo', () => {
    const iImg = map.marks.findIndex((m) => m.kind === 'image');
    const iFarm = map.marks.findIndex((m) => m.kind === 'path' && m.fill === '#ffff00');
    expect(iImg).toBeGreaterThan(0);
    expect(iImg).toBeLessThan(iFarm);
    const farm = map.marks[iFarm]!;
    expect(farm.kind === 'path' && farm.fillOpacity).toBe(0.3);
    const lc = map.marks.filter((m) => m.kind === 'path' && m.clip && m.stroke === '#ffffff' && m.strokeMm === 0.25);
    expect(lc.length).toBe(2);
    // each class a 0.3 tint of its own colour (the image shows through), so the legend can name each class
    expect(lc.map((m) => m.kind === 'path' && [m.fill, m.fillOpacity])).toEqual([
      ['#f5deb3', 0.3],
      ['#e08080', 0.3],
    ]);
    const t = texts(map);
    expect(t).toContain('0103 旱地');
    expect(t).toContain('0702 农村宅基地');
    expect(t).not.toContain('1202 设施农用地');
    const label = map.marks.find((m) => m.kind === 'text' && m.text === '旱地');
    expect(label && label.kind === 'text' && label.halo).toBe('#ffffff');
  });

  it('keeps the tables on the sheet when they fit, else continues them on table sheets with the header repeated', () => {
    expect(sheets.length).toBe(1);
    expect(map.marks.some((m) => m.kind === 'table' && m.columns[0]!.title === '点号')).toBe(true);
    // 80 points: more than the sheet holds
    const many: PlotGk = {
      zone,
      zonePrefix: false,
      polygons: [
        [
          Array.from(
            { length: 80 },
            (_, i) => [E + 40 + 40 * Math.cos((-i * Math.PI) / 40), N + 30 + 30 * Math.sin((-i * Math.PI) / 40)] as [number, number],
          ),
        ],
      ],
    };
    const big = layoutMapSheets(ok(planMapSheet(settings, many)), content({ plot: many, points: numberBoundaryPoints(many.polygons) }), L);
    expect(big.length).toBeGreaterThanOrEqual(3);
    expect(big.slice(1).every((s) => s.role === 'table')).toBe(true);
    const tables = big.slice(1).flatMap((s) => s.marks.filter((m): m is Extract<Mark, { kind: 'table' }> => m.kind === 'table'));
    const pointRows = tables.filter((t) => t.columns[0]!.title === '点号').flatMap((t) => t.rows);
    expect(pointRows.length).toBe(81); // 80 + the ring closed on J1
    expect(pointRows[80]![0]).toBe('J1');
    expect(texts(big[2]!).some((s) => s === 'pointsTitle(cont)')).toBe(true);
    expect(texts(big[0]!)).toContain(fill(L.page, { n: 1, total: big.length }));
  });

  it('lays out a bare view: no plot, no points, no tables', () => {
    const view = ok(planMapSheet(settings, { zone, zonePrefix: false, centre: [E, N], scale: 1000 }));
    const s = layoutMapSheets(view, content({ plot: { zone, zonePrefix: false, polygons: [] }, points: [], areas: [] }), L);
    expect(s.length).toBe(1);
    expect(s[0]!.marks.some((m) => m.kind === 'table' && m.headerHeightMm > 0)).toBe(false);
    expect(texts(s[0]!)).not.toContain('legendPlot');
  });
});
