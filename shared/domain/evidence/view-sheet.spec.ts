import { describe, expect, it } from 'vitest';
import { crsFromEpsg } from '../crs/zones';
import { makeLngLatToGkEN } from '../crs/transform';
import type { CrsInfo } from '../crs/types';
import type { LegendGroup } from '../layers/legend';
import { coordinateGrid } from './grid';
import type { SheetLayer, SheetSettings } from './inputs';
import { MAP_SHEET_LABEL_KEYS, fill, layoutMapSheets, planMapSheet, type MapSheetLabels, type MapSheetPlan } from './map-sheet';
import { formatScale } from './scale';
import type { Mark, Sheet } from './sheet-model';
import { defaultViewScale, screenBoxGk, screenScaleDenominator, viewSheetContent, viewTarget, viewZone, type MapViewSnapshot } from './view-sheet';

const crs = (epsg: number): CrsInfo => crsFromEpsg(epsg)!;

describe('viewZone', () => {
  it('takes the zone every GK layer shares (EPSG:4527, zone 39 with its prefix), also a little past its edge', () => {
    expect(viewZone([117.3, 35.05], [crs(4527), crs(4527)])).toEqual({
      ok: true,
      zone: { width: 3, zone: 39, centralMeridian: 117 },
      zonePrefix: true,
      rule: 'layers',
    });
    // 118.8°E is in zone 40 (118.5–121.5), 1.8° from zone 39's meridian: the data's zone still
    expect(viewZone([118.8, 35], [crs(4527)])).toMatchObject({ zone: { zone: 39 }, rule: 'layers' });
    // a 6° zone's data (EPSG:4509 = zone 20 without prefix, CM 117°E) keeps its 6° zone
    expect(viewZone([118, 35], [crs(4509)])).toEqual({
      ok: true,
      zone: { width: 6, zone: 20, centralMeridian: 117 },
      zonePrefix: false,
      rule: 'layers',
    });
    // lon/lat layers do not vote
    expect(viewZone([117.3, 35], [crs(4527), crs(4490)])).toMatchObject({ zone: { zone: 39 }, rule: 'layers' });
  });

  it('otherwise the 3° zone of the centre’s longitude, Y with its prefix', () => {
    // layers in two zones
    expect(viewZone([118.8, 35], [crs(4527), crs(4528)])).toEqual({
      ok: true,
      zone: { width: 3, zone: 40, centralMeridian: 120 },
      zonePrefix: true,
      rule: 'centre',
    });
    // only lon/lat layers, or none
    expect(viewZone([113.2, 23.1], [crs(4490)])).toMatchObject({ zone: { zone: 38, centralMeridian: 114 }, rule: 'centre' });
    expect(viewZone([113.2, 23.1], [])).toMatchObject({ zone: { zone: 38 }, rule: 'centre' });
    // the layers' zone is more than 3° from the centre (zone 39 data, the view at 121°E)
    expect(viewZone([121, 31], [crs(4527)])).toMatchObject({ zone: { zone: 40, centralMeridian: 120 }, rule: 'centre' });
    // a Xian 1980 GK layer (EPSG:2363 = Xian80 3° zone 39 with prefix) is not a CGCS2000 zone to print in
    const xian = crs(2363);
    expect([xian.datum, xian.gk?.zone]).toEqual(['Xian1980', 39]);
    expect(viewZone([117.3, 35], [xian])).toMatchObject({ zone: { zone: 39 }, rule: 'centre' });
  });

  it('refuses a centre outside China by name', () => {
    expect(viewZone([2.35, 48.85], [])).toEqual({ ok: false, reason: 'outsideChina' }); // Paris
    expect(viewZone([139.7, 35.7], [crs(4527)])).toEqual({ ok: false, reason: 'outsideChina' }); // Tokyo
    expect(viewZone([117, -35], [])).toEqual({ ok: false, reason: 'outsideChina' });
    expect(viewZone([Number.NaN, 35], [])).toEqual({ ok: false, reason: 'outsideChina' });
  });
});

describe('screenScaleDenominator', () => {
  it('is maplibre’s ground per CSS pixel over 1/96 in', () => {
    // zoom 0 at the equator: 512 px = 40 075 016.686 m → 78 271.517 m/px → 1:295 829 355
    expect(screenScaleDenominator(0, 0)).toBeCloseTo(295_829_355.45, 0);
    // zoom 16 at 35°N: × cos 35° / 2^16
    expect(screenScaleDenominator(16, 35)).toBeCloseTo((295_829_355.45 * Math.cos((35 * Math.PI) / 180)) / 65536, 3);
    expect(screenScaleDenominator(16, 35)).toBeCloseTo(3697.64, 1);
  });
});

/** A screen of w × h CSS px at a zoom, centred on a lon/lat: its lon/lat box by Web Mercator (512-px tiles). */
function screen(centre: [number, number], zoom: number, w: number, h: number): MapViewSnapshot {
  const world = 512 * 2 ** zoom;
  const yOf = (lat: number) => (0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * world;
  const latOf = (y: number) => (Math.atan(Math.exp((0.5 - y / world) * 2 * Math.PI)) * 360) / Math.PI - 90;
  const cy = yOf(centre[1]);
  const dLng = ((w / 2) * 360) / world;
  return { centre, zoom, bounds: [centre[0] - dLng, latOf(cy + h / 2), centre[0] + dLng, latOf(cy - h / 2)] };
}

// A4 landscape, legend at the right: the frame is 199 × 146 mm (297 − 20 − 4 − 64 − 10; 210 − 36 − 28)
const FRAME = { w: 199, h: 146 };
const zone39 = { ok: true as const, zone: { width: 3 as const, zone: 39, centralMeridian: 117 }, zonePrefix: true, rule: 'layers' as const };

describe('the default scale of a view', () => {
  it('is the standard scale nearest the screen’s own that keeps the frame on screen', () => {
    // zoom 16 at 35°N (1:3,698), 1400 × 800 px (≈ 1 370 × 783 m): 1:5,000's frame (995 × 730 m) fits and is nearest
    expect(viewTarget(screen([117.3, 35.05], 16, 1400, 800), zone39, FRAME).scale).toBe(5000);
    // zoom 17 (1:1,849): 1:2,000
    expect(viewTarget(screen([117.3, 35.05], 17, 1400, 800), zone39, FRAME).scale).toBe(2000);
    // zoom 16 on a small window, 700 × 500 px (685 × 489 m): 1:5,000 is nearer but would print ground off screen
    expect(viewTarget(screen([117.3, 35.05], 16, 700, 500), zone39, FRAME).scale).toBe(2000);
    // zoomed out (zoom 13, 1:29,581): the largest frame that fits, 1:10,000
    expect(viewTarget(screen([117.3, 35.05], 13, 1400, 800), zone39, FRAME).scale).toBe(10000);
    // zoomed in past 1:500's frame (zoom 20, 85 × 49 m on screen): 1:500, the nearest there is
    expect(viewTarget(screen([117.3, 35.05], 20, 1400, 800), zone39, FRAME).scale).toBe(500);
  });

  it('measures the screen in the GK plane: its inner box, the frame centred on the view', () => {
    const view = screen([117.3, 35.05], 17, 1400, 800);
    const toGk = makeLngLatToGkEN(zone39.zone, true);
    const box = screenBoxGk(view.bounds, toGk);
    const t = viewTarget(view, zone39, FRAME);
    // the centre as PROJ puts 117.3°E 35.05°N in EPSG:4527 (pyproj: 39527369.824, 3880181.104)
    expect(t.centre[0]).toBeCloseTo(39_527_369.824, 2);
    expect(t.centre[1]).toBeCloseTo(3_880_181.104, 2);
    // ≈ 685 × 391 m on screen (Mercator's 1:1,849 at 35°N, CSS px 0.2646 mm): the GK box is that within 0.5 %
    expect((box[2] - box[0]) / (1400 * (0.0254 / 96) * screenScaleDenominator(17, 35.05))).toBeGreaterThan(0.99);
    expect((box[2] - box[0]) / (1400 * (0.0254 / 96) * screenScaleDenominator(17, 35.05))).toBeLessThan(1.005);
    expect(defaultViewScale(1849, t.centre, FRAME, box)).toBe(2000);
    expect(defaultViewScale(1849, t.centre, FRAME, [box[0], box[1], box[2], t.centre[1] + 100])).toBe(1000); // 1:2,000 needs 146 m north
  });
});

const labels = Object.fromEntries(MAP_SHEET_LABEL_KEYS.map((k) => [k, `${k}`])) as unknown as MapSheetLabels;
const L: MapSheetLabels = { ...labels, crs: 'CRS {width}° {zone} {cm}°E', scale: 'S {scale}', recordNo: 'No {number}' };
const settings: SheetSettings = {
  paper: 'A4',
  orientation: 'landscape',
  scale: 2000,
  title: '示意图',
  legendPosition: 'right',
  gridSpacingMm: 100,
  hiddenLayerIds: [],
  imagery: false,
};
const farmLegend: LegendGroup = {
  layerId: 'farm',
  title: '永久基本农田',
  kind: 'permanentFarmland',
  items: [{ label: '永久基本农田', symbol: { shape: 'fill', fill: '#ffff00', fillOpacity: 0.5, stroke: '#c00000', strokeWidthPx: 1 } }],
};
const texts = (s: Sheet) => s.marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text').map((m) => m.text);

describe('the sheet of a view', () => {
  const target = { zone: zone39.zone, zonePrefix: true, centre: [39_527_369.824, 3_880_181.104] as const, scale: 5000 as const };
  const planOf = (s: SheetSettings): MapSheetPlan => {
    const r = planMapSheet(s, target);
    if (!r.ok) throw new Error(r.reason);
    return r.plan;
  };
  const farm: SheetLayer = {
    id: 'farm',
    name: '永久基本农田',
    role: 'farmland',
    legend: farmLegend,
    features: [
      {
        kind: 'polygon',
        parts: [
          [
            [39_527_300, 3_880_100],
            [39_527_450, 3_880_100],
            [39_527_450, 3_880_250],
            [39_527_300, 3_880_250],
          ],
        ],
      },
    ],
  };
  const contentOf = (layers: SheetLayer[]) =>
    viewSheetContent({
      zone: zone39.zone,
      zonePrefix: true,
      layers,
      imagery: null,
      titleBlock: { office: '石桥镇国土所', mapper: '王建国', checker: '', date: '2026-12-02' },
      convergenceDeg: 0.1723,
    });

  it('frames paper × scale of ground around the view’s centre (1:2,000 on A4 landscape: 398 × 292 m)', () => {
    const p = planOf(settings);
    expect(p.hasPlot).toBe(false);
    expect(p.zones.frame).toMatchObject({ x: 20, y: 36, w: 199, h: 146 });
    const [e0, n0, e1, n1] = p.ground.extent;
    expect(e1 - e0).toBeCloseTo(398, 9);
    expect(n1 - n0).toBeCloseTo(292, 9);
    expect((e0 + e1) / 2).toBeCloseTo(39_527_369.824, 6);
    expect((n0 + n1) / 2).toBeCloseTo(3_880_181.104, 6);
    // the user's standard scale wins over the view's default; 'fit' (nothing to fit) takes the view's
    expect(planOf({ ...settings, scale: 'fit' }).scale).toBe(5000);
  });

  it('draws no plot, no points, no tables, no signature lines; the grid with its labels, the furniture', () => {
    const p = planOf(settings);
    const sheets = layoutMapSheets(p, contentOf([farm]), L);
    expect(sheets).toHaveLength(1);
    const s = sheets[0]!;
    const tx = texts(s);
    // no plot boundary (red 0.3 mm), no J circles, no record number, no point or area table, no signatures
    expect(s.marks.filter((m) => m.kind === 'path' && m.stroke === '#ff0000' && m.strokeMm === 0.3)).toHaveLength(0);
    expect(s.marks.filter((m) => m.kind === 'circle')).toHaveLength(0);
    for (const k of ['pointsTitle', 'areasTitle', 'signParty', 'signWitness', 'signOfficer', 'legendPlot', 'legendPoints'] as const)
      expect(tx).not.toContain(k);
    expect(tx.some((t) => t.startsWith('No '))).toBe(false);
    // the one table is the title block: 制图单位, 制图人, 审核人, 日期, at the foot of the column (10 mm from the edge)
    const tables = s.marks.filter((m): m is Extract<Mark, { kind: 'table' }> => m.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows).toEqual([
      ['titleOffice', '石桥镇国土所'],
      ['titleMapper', '王建国'],
      ['titleChecker', ''],
      ['titleDate', '2026-12-02'],
    ]);
    expect(tables[0]!.y + tables[0]!.rowHeightMm * 4).toBeCloseTo(210 - 10, 9);
    // the grid: every 200 m (10 cm at 1:2,000), each line labelled twice outside the frame
    const grid = coordinateGrid(p.ground, p.zones.frame, 100);
    expect(grid.stepMetres).toBe(200);
    expect(grid.eastings.map((l) => l.label)).toEqual(['39527200', '39527400']);
    expect(grid.northings.map((l) => l.label)).toEqual(['3880200']);
    for (const l of [...grid.eastings, ...grid.northings]) expect(tx.filter((t) => t === l.label)).toHaveLength(2);
    // title, 1:N, CRS note, grid north and γ, north arrow, legend of what is drawn
    expect(tx).toContain('示意图');
    expect(tx).toContain(fill(L.scale, { scale: formatScale(2000) }));
    expect(tx).toContain('CRS 3° 39 117°E');
    expect(tx).toContain('north');
    expect(tx.some((t) => t.startsWith('gridNorth'))).toBe(true);
    expect(tx).toContain('legendTitle');
    expect(tx).toContain('永久基本农田');
  });

  it('with no layer and no imagery is still a sheet: the grid and the furniture, no legend', () => {
    const s = layoutMapSheets(planOf(settings), contentOf([]), L)[0]!;
    const tx = texts(s);
    expect(tx).not.toContain('legendTitle');
    expect(tx).toContain('CRS 3° 39 117°E');
    expect(tx.filter((t) => t === '39527200')).toHaveLength(2);
    expect(s.marks.some((m) => m.kind === 'image')).toBe(false);
  });
});
