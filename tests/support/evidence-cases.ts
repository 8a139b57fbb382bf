/**
 * Two realistic evidence map sheets for the print harness (tests/unit/evidence-print.spec.ts), built the way the
 * export builds them: layers in lon/lat CGCS2000 as stored, the stored comparison run by the one geometry engine
 * (compareWithIndex), legends from the layers' default styles (shared/domain/layers), the plot projected to its GK
 * zone, points numbered, the sheet planned and laid out with the Chinese labels.
 *
 * 1. "hole": an 8-point plot with a courtyard hole, across a farmland boundary and two land classes (旱地 / 农村宅基地)
 *    and two planning zones, A4 portrait at 1:1,000, legend at the bottom, with an imagery raster under it.
 * 2. "strips": a long thin two-part plot (a 560 m and a 300 m strip, turned 25°), A3 landscape at 1:2,000, legend at
 *    the right, eastings with the zone prefix (39 …) as a surveyor's file has them.
 */
import type { Polygon } from 'geojson';
import { zlibSync } from 'fflate';
import { makeGkToLngLat } from '../../shared/domain/crs/transform';
import { areaRows } from '../../shared/domain/evidence/area-table';
import type { GkPoint, MapSheetContent, PlotGk, SheetLayer, SheetSettings } from '../../shared/domain/evidence/inputs';
import { layoutMapSheets, planMapSheet, type MapSheetPlan } from '../../shared/domain/evidence/map-sheet';
import { numberBoundaryPoints } from '../../shared/domain/evidence/points';
import { meridianConvergenceDeg } from '../../shared/domain/evidence/scale';
import type { Sheet } from '../../shared/domain/evidence/sheet-model';
import { loadGeometryEngine } from '../../shared/domain/geometry/engine/load';
import { OverlayIndex } from '../../shared/domain/geometry/overlay';
import { DEFAULT_PLANNING_VERDICTS, type ComparisonRole } from '../../shared/domain/inspection/comparison';
import { compareWithIndex, overlayLayersOf, type RoleLayer } from '../../shared/domain/inspection/comparison-run';
import { defaultStyle, type LayerKind } from '../../shared/domain/layers/kind';
import { legendItemsOf } from '../../shared/domain/layers/legend';
import type { FieldDef } from '../../shared/formats/types';
import { areaTableLabels, sheetLabels } from '../../renderer/features/evidence/render/labels';

const zone = { width: 3 as const, zone: 39, centralMeridian: 117 };

interface CaseLayer {
  id: string;
  name: string;
  kind: LayerKind;
  role: SheetLayer['role'];
  comparisonRole: ComparisonRole | null;
  fields: string[];
  features: { ring: GkPoint[]; code?: string; name?: string }[];
}

export interface EvidenceCase {
  name: string;
  plan: MapSheetPlan;
  content: MapSheetContent;
  sheets: Sheet[];
  /** image ref → PNG bytes */
  images: Record<string, Uint8Array>;
}

const field = (name: string): FieldDef => ({ name, type: 'C', length: 60, decimals: 0 });

function sheetLayerOf(l: CaseLayer): SheetLayer {
  const fields = l.fields.map(field);
  const style = defaultStyle(l.kind, fields);
  const present = new Map<string, { count: number; name?: string }>();
  for (const f of l.features) if (f.code) present.set(f.code, { count: (present.get(f.code)?.count ?? 0) + 1, ...(f.name ? { name: f.name } : {}) });
  const items = legendItemsOf(
    { id: l.id, name: l.name, kind: l.kind, visible: true, opacity: 1, style, geometryKind: 'polygon' },
    { other: '其他' },
    present.size ? present : undefined,
  );
  return {
    id: l.id,
    name: l.name,
    role: l.role,
    legend: { layerId: l.id, title: l.name, kind: l.kind, items },
    features: l.features.map((f) => ({
      kind: 'polygon' as const,
      parts: [f.ring],
      ...(f.code ? { code: f.code } : {}),
      ...(f.name ? { label: f.name } : {}),
    })),
  };
}

const rect = (e: number, n: number, w: number, h: number): GkPoint[] => [
  [e, n],
  [e + w, n],
  [e + w, n + h],
  [e, n + h],
];

/** A strip of `length` × `width` m from (e, n), turned `deg` anticlockwise from east. */
function strip(e: number, n: number, length: number, width: number, deg: number): GkPoint[] {
  const a = (deg * Math.PI) / 180;
  const u = [Math.cos(a), Math.sin(a)];
  const v = [-Math.sin(a), Math.cos(a)];
  const p = (s: number, t: number): GkPoint => [e + u[0]! * s + v[0]! * t, n + u[1]! * s + v[1]! * t];
  return [p(0, 0), p(length, 0), p(length, width), p(0, width)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** An RGB PNG (8 bits, no filter) from its pixels: a minimal encoder over fflate's zlib. */
function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, data.length);
    out.set(
      [...type].map((c) => c.charCodeAt(0)),
      4,
    );
    out.set(data, 8);
    dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A fake imagery raster of the frame: fields, a village, the built plot — coloured by the GK point of each pixel. */
function imageryPng(plan: MapSheetPlan, widthPx: number, classify: (e: number, n: number) => [number, number, number]): Uint8Array {
  const heightPx = Math.round((widthPx * plan.zones.frame.h) / plan.zones.frame.w);
  const rgb = new Uint8Array(widthPx * heightPx * 3);
  const [e0, n0, e1, n1] = plan.ground.extent;
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 18;
  for (let v = 0; v < heightPx; v++)
    for (let u = 0; u < widthPx; u++) {
      const e = e0 + ((u + 0.5) / widthPx) * (e1 - e0);
      const n = n1 - ((v + 0.5) / heightPx) * (n1 - n0);
      const [r, g, b] = classify(e, n);
      const k = (v * widthPx + u) * 3;
      const d = rnd();
      rgb[k] = Math.max(0, Math.min(255, r + d));
      rgb[k + 1] = Math.max(0, Math.min(255, g + d));
      rgb[k + 2] = Math.max(0, Math.min(255, b + d));
    }
  return encodePng(widthPx, heightPx, rgb);
}

async function build(
  name: string,
  settings: SheetSettings,
  plot: PlotGk,
  layers: CaseLayer[],
  record: MapSheetContent['record'],
  imagery: ((e: number, n: number) => [number, number, number]) | null,
): Promise<EvidenceCase> {
  const engine = await loadGeometryEngine();
  const toLngLat = makeGkToLngLat(plot.zone, plot.zonePrefix);
  const ll = (ring: readonly GkPoint[]) => {
    const r = ring.map((p) => toLngLat(p[0], p[1]));
    return [...r, r[0]!];
  };
  const roleLayers: RoleLayer[] = layers
    .filter((l) => l.comparisonRole)
    .map((l) => ({
      assignment: { role: l.comparisonRole!, layerId: l.id, layerName: l.name, groupField: l.fields[0] ?? null },
      dataVersion: 1,
      features: l.features.map((f, i) => ({
        geometryLngLat: { type: 'Polygon', coordinates: [ll(f.ring)] } as Polygon,
        group: l.comparisonRole === 'planning' ? (f.name ?? null) : (f.code ?? null),
        fid: i,
      })),
    }));
  const index = new OverlayIndex(engine, overlayLayersOf(roleLayers));
  const geometry =
    plot.polygons.length === 1
      ? ({ type: 'Polygon', coordinates: plot.polygons[0]!.map(ll) } as const)
      : ({ type: 'MultiPolygon', coordinates: plot.polygons.map((p) => p.map(ll)) } as const);
  const out = compareWithIndex(index, engine, { geometry, zone: plot.zone, layers: roleLayers, verdicts: DEFAULT_PLANNING_VERDICTS, ranAt: 1 });
  if (!out.ok) throw new Error(`${name}: plot refused ${JSON.stringify(out.refusal)}`);
  const planned = planMapSheet(settings, plot);
  if (!planned.ok) throw new Error(`${name}: ${planned.reason}`);
  const plan = planned.plan;
  const [e0, n0, e1, n1] = plan.ground.extent;
  const images: Record<string, Uint8Array> = {};
  if (imagery) images['imagery'] = imageryPng(plan, 900, imagery);
  const content: MapSheetContent = {
    record,
    titleBlock: { office: '济南市历城区自然资源局执法监察大队', mapper: '王建国', checker: '刘海燕', date: '2025-12-01' },
    plot,
    points: numberBoundaryPoints(plot.polygons),
    areas: areaRows(out.stored.summary, areaTableLabels('zh-CN')),
    layers: layers.map(sheetLayerOf),
    imagery: imagery ? { ref: 'imagery', name: '2025年第二季度卫星影像（示例）', date: '2025-06-18' } : null,
    convergenceDeg: meridianConvergenceDeg(plot.zone, plot.zonePrefix, (e0 + e1) / 2, (n0 + n1) / 2),
  };
  return { name, plan, content, sheets: layoutMapSheets(plan, content, sheetLabels('zh-CN')), images };
}

/** Case 1: a plot with a hole across farmland and two land classes, A4 portrait 1:1,000 (see the module comment). */
export function holeCase(): Promise<EvidenceCase> {
  const E = 512_300;
  const N = 4_057_600;
  const at = (pts: [number, number][]): GkPoint[] => pts.map(([x, y]) => [E + x, N + y]);
  const outer = at([
    [0, 60],
    [35, 72],
    [80, 68],
    [110, 40],
    [100, 5],
    [60, -8],
    [20, 0],
    [-5, 25],
  ]);
  const hole = at([
    [45, 22],
    [65, 22],
    [65, 40],
    [45, 40],
  ]);
  const plot: PlotGk = { zone, zonePrefix: false, polygons: [[outer, hole]] };
  const layers: CaseLayer[] = [
    {
      id: 'jbnt',
      name: '永久基本农田',
      kind: 'permanentFarmland',
      role: 'farmland',
      comparisonRole: 'farmland',
      fields: [],
      features: [
        {
          ring: at([
            [-120, -90],
            [50, -90],
            [68, 150],
            [-120, 150],
          ]),
        },
      ],
    },
    {
      id: 'dltb',
      name: '三调地类图斑',
      kind: 'landClass',
      role: 'landClass',
      comparisonRole: 'landClass',
      fields: ['DLBM', 'DLMC'],
      features: [
        {
          ring: at([
            [-200, -200],
            [30, -200],
            [48, 300],
            [-200, 300],
          ]),
          code: '0103',
          name: '旱地',
        },
        {
          ring: at([
            [30, -200],
            [300, -200],
            [300, 300],
            [48, 300],
          ]),
          code: '0702',
          name: '农村宅基地',
        },
      ],
    },
    {
      id: 'ghfq',
      name: '国土空间规划分区',
      kind: 'planningZone',
      role: 'planning',
      comparisonRole: 'planning',
      fields: ['GHFQMC'],
      features: [
        {
          ring: at([
            [-200, -200],
            [90, -200],
            [90, 300],
            [-200, 300],
          ] as [number, number][]),
          name: '农田保护区',
          code: '农田保护区',
        },
        {
          ring: at([
            [90, -200],
            [300, -200],
            [300, 300],
            [90, 300],
          ] as [number, number][]),
          name: '村庄建设区',
          code: '村庄建设区',
        },
      ],
    },
  ];
  const imagery = (e: number, n: number): [number, number, number] => {
    const x = e - E;
    const y = n - N;
    if (x > 40 && x < 95 && y > -2 && y < 60) return [182, 176, 168]; // the new building's roof
    if (x > 30 + (y + 200) * (18 / 500))
      return ((Math.floor(x / 17) + Math.floor(y / 13)) % 3 === 0 ? [150, 120, 100] : [176, 160, 138]) as [number, number, number];
    return Math.floor((x + 400) / 24) % 2 === 0 ? [98, 128, 70] : [120, 146, 82];
  };
  return build(
    'hole',
    {
      paper: 'A4',
      orientation: 'portrait',
      scale: 1000,
      title: '违法用地示意图',
      legendPosition: 'bottom',
      gridSpacingMm: 100,
      hiddenLayerIds: [],
      imagery: true,
    },
    plot,
    layers,
    {
      number: 'HC-20251201-001',
      taskNo: 'JC370112-2025-0042',
      caseNo: '历自然资罚〔2025〕18号',
      township: '港沟街道',
      village: '芦南村',
      place: '村东南约200米',
    },
    imagery,
  );
}

/** Case 2: a long thin two-part plot at 1:2,000 on A3 landscape, zone-prefixed eastings (see the module comment). */
export function stripsCase(): Promise<EvidenceCase> {
  const E = 39_517_800;
  const N = 4_061_200;
  const a = strip(E, N, 560, 12, 25);
  const b = strip(E + 90, N - 70, 300, 10, 25);
  const plot: PlotGk = { zone, zonePrefix: true, polygons: [[a], [b]] };
  const cells: CaseLayer['features'] = [];
  const classes: [string, string][] = [
    ['0101', '水田'],
    ['0103', '旱地'],
    ['0301', '乔木林地'],
    ['0702', '农村宅基地'],
    ['1006', '农村道路'],
    ['1104', '坑塘水面'],
  ];
  for (let i = 0; i < 8; i++)
    for (let j = 0; j < 6; j++) {
      const [code, name] = classes[(i * 5 + j * 3) % classes.length]!;
      cells.push({ ring: rect(E - 200 + i * 120, N - 260 + j * 110, 120, 110), code, name });
    }
  const layers: CaseLayer[] = [
    {
      id: 'jbnt',
      name: '永久基本农田',
      kind: 'permanentFarmland',
      role: 'farmland',
      comparisonRole: 'farmland',
      fields: [],
      features: [{ ring: rect(E - 150, N - 200, 320, 260) }, { ring: rect(E + 330, N + 120, 200, 190) }],
    },
    {
      id: 'dltb',
      name: '三调地类图斑',
      kind: 'landClass',
      role: 'landClass',
      comparisonRole: 'landClass',
      fields: ['DLBM', 'DLMC'],
      features: cells,
    },
  ];
  return build(
    'strips',
    {
      paper: 'A3',
      orientation: 'landscape',
      scale: 2000,
      title: '勘测定界图',
      legendPosition: 'right',
      gridSpacingMm: 100,
      hiddenLayerIds: [],
      imagery: false,
    },
    plot,
    layers,
    { number: 'HC-20251201-007', taskNo: 'JC370112-2025-0107', caseNo: '', township: '唐王街道', village: '娄家村', place: '村北沿河道路两侧' },
    null,
  );
}
