/**
 * The plan of the synthetic sample township: which cell of the 12 × 10 lattice (250 m cells) is which
 * land class (三调 codes, README Domain rule 6), which village it belongs to, the planning zones and the change
 * patches. Names are invented; codes follow the 三调 working classification and GHFQ zone codes.
 */
export const SAMPLE_COLS = 12;
export const SAMPLE_ROWS = 10;

export interface LandClass {
  code: string;
  name: string;
  /** Whether the cell is designated 永久基本农田. */
  farmland: boolean;
}

export const LAND_CLASS_PLAN = {
  paddy: { code: '0101', name: '水田', farmland: true },
  irrigated: { code: '0102', name: '水浇地', farmland: true },
  dry: { code: '0103', name: '旱地', farmland: true },
  orchard: { code: '0201', name: '果园', farmland: false },
  forest: { code: '0301', name: '乔木林地', farmland: false },
  industry: { code: '0601', name: '工业用地', farmland: false },
  homestead: { code: '0702', name: '农村宅基地', farmland: false },
  road: { code: '1003', name: '公路用地', farmland: false },
  river: { code: '1101', name: '河流水面', farmland: false },
  pond: { code: '1104', name: '坑塘水面', farmland: false },
  facility: { code: '1202', name: '设施农用地', farmland: false },
} satisfies Record<string, LandClass>;

const inBlock = (r: number, c: number, r0: number, c0: number, r1: number, c1: number): boolean => r >= r0 && r < r1 && c >= c0 && c < c1;

export function landClassAt(r: number, c: number): LandClass {
  const L = LAND_CLASS_PLAN;
  if (c === 8) return L.river;
  if (r === 5) return L.road;
  if (inBlock(r, c, 2, 2, 4, 4) || inBlock(r, c, 7, 9, 9, 11) || inBlock(r, c, 1, 10, 2, 11)) return L.homestead;
  if (inBlock(r, c, 8, 0, 10, 3)) return L.forest;
  if (inBlock(r, c, 6, 3, 8, 5)) return L.orchard;
  if (inBlock(r, c, 4, 10, 5, 12)) return L.industry;
  if (r === 0 && c === 4) return L.facility;
  if (r === 3 && c === 6) return L.pond;
  const crop = [L.paddy, L.irrigated, L.dry][(r + c) % 3] ?? L.dry;
  // Farmland next to the road (row 4) is ordinary cultivated land, not designated permanent farmland.
  return r === 4 ? { ...crop, farmland: false } : crop;
}

export interface Village {
  code: string;
  name: string;
  /** [r0, r1) and [c0, c1) of the block of cells. */
  rows: [number, number];
  cols: [number, number];
}

export const VILLAGES: Village[] = [
  { code: '001', name: '青石村', rows: [0, 5], cols: [0, 6] },
  { code: '002', name: '柳河村', rows: [0, 5], cols: [6, 12] },
  { code: '003', name: '杏园村', rows: [5, 10], cols: [0, 12] },
];

export function villageAt(r: number, c: number): Village {
  const v = VILLAGES.find((x) => inBlock(r, c, x.rows[0], x.cols[0], x.rows[1], x.cols[1]));
  return v ?? (VILLAGES[0] as Village);
}

export const PLANNING_ZONES: { code: string; name: string; rows: [number, number]; cols: [number, number] }[] = [
  { code: '03', name: '农田保护区', rows: [0, 10], cols: [4, 9] },
  { code: '0502', name: '一般农业区', rows: [0, 3], cols: [9, 12] },
  { code: '0401', name: '城镇集中建设区', rows: [3, 5], cols: [9, 12] },
  { code: '03', name: '农田保护区', rows: [5, 10], cols: [9, 12] },
  { code: '0501', name: '村庄建设区', rows: [1, 4], cols: [1, 4] },
  { code: '01', name: '生态保护区', rows: [7, 10], cols: [0, 4] },
];

/** Change patches; corners in cell units [column, row] from the south-west corner, counter-clockwise. */
export const PATCHES: { jcbh: string; tblx: string; corners: [number, number][] }[] = [
  {
    jcbh: 'WP2026001',
    tblx: '新增建设用地',
    corners: [
      [4.3, 6.2],
      [5.1, 6.0],
      [5.3, 6.9],
      [4.4, 7.1],
    ],
  },
  {
    jcbh: 'WP2026002',
    tblx: '疑似违法用地',
    corners: [
      [1.6, 3.4],
      [2.4, 3.3],
      [2.6, 4.2],
      [1.7, 4.3],
    ],
  },
  {
    jcbh: 'WP2026003',
    tblx: '新增建设用地',
    corners: [
      [9.2, 1.2],
      [10.3, 1.3],
      [10.1, 2.1],
      [9.3, 2.0],
    ],
  },
  {
    jcbh: 'WP2026004',
    tblx: '疑似违法用地',
    corners: [
      [6.5, 8.2],
      [7.6, 8.1],
      [7.7, 9.4],
      [6.6, 9.3],
    ],
  },
  {
    jcbh: 'WP2026005',
    tblx: '设施农用地',
    corners: [
      [3.6, 0.3],
      [4.8, 0.4],
      [4.7, 1.0],
      [3.7, 0.9],
    ],
  },
];

/**
 * 报批 (approved batches of land for construction, 批准文号 PZWH) and 供地 (land supplied by contract, 供地编号 GDBH),
 * rectangles in cell units [c0, r0, c1, r1]: one batch reaches into WP2026001, the other covers most of WP2026003, and
 * the supply plot lies inside that batch, over part of WP2026003 — so the sample's comparison shows every block.
 */
export const APPROVALS: { pcmc: string; pzwh: string; cells: [number, number, number, number] }[] = [
  { pcmc: '青石镇2024年度第3批次城镇建设用地', pzwh: '鲁政土字〔2024〕215号', cells: [4.7, 6.4, 5.8, 7.4] },
  { pcmc: '青石镇2025年度第1批次城镇建设用地', pzwh: '鲁政土字〔2025〕38号', cells: [9.0, 1.0, 10.0, 1.9] },
];

export const SUPPLIES: { gdbh: string; xmmc: string; pzwh: string; cells: [number, number, number, number] }[] = [
  { gdbh: 'GD3703002025008', xmmc: '青石镇物流仓储项目', pzwh: '鲁政土字〔2025〕38号', cells: [9.3, 1.1, 9.9, 1.8] },
];
