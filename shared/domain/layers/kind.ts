import type { FieldDef } from '../../formats/types';

/** What a layer is, for styling and for analysis (README, Domain rule 6). */
export type LayerKind =
  | 'permanentFarmland' // 永久基本农田 (YJJBNTTB / JBNTBHTB)
  | 'planningZone' // 国土空间规划分区 GHFQ / 土地用途区 TDYTQ / 城镇开发边界 CZKFBJ / 建设用地管制区
  | 'landClass' // 地类图斑 DLTB
  | 'changePatch' // 卫片图斑
  | 'approvalSupply' // 报批 / 供地
  | 'adminBoundary' // 行政区 XZQ
  | 'other';

export const LAYER_KINDS: readonly LayerKind[] = [
  'permanentFarmland',
  'planningZone',
  'landClass',
  'changePatch',
  'approvalSupply',
  'adminBoundary',
  'other',
];

/** A colour rule the map code turns into a maplibre expression. Colours are CSS hex strings. */
export type ColorRule =
  | { type: 'constant'; color: string }
  | {
      type: 'categorical';
      field: string;
      /** Compare only the first N characters of the value (e.g. DLBM "0101" → "01"), longest match first. */
      stops: { value: string; color: string; label: string }[];
      /** When set, the value's first `prefixLength` characters are matched (DLBM "0103" → "01"). */
      prefixLength?: number;
      defaultColor: string;
    };

export interface LayerStyle {
  fill: ColorRule | null;
  fillOpacity: number;
  line: { color: string; widthPx: number; dash?: number[] };
  point?: { color: string; radiusPx: number };
  /** Field to label features with (from a point source), if any. */
  labelField?: string;
}

const NAME_RULES: readonly [RegExp, LayerKind][] = [
  [/永久基本农田|基本农田|YJJBNT|JBNTBHTB|JBNT/i, 'permanentFarmland'],
  [/卫片|图斑变化|变化图斑|JCBH|WPTB/i, 'changePatch'],
  [/规划|GHFQ|TDYTQ|CZKFBJ|JSYDGZQ|用途区|管制区/i, 'planningZone'],
  [/地类|DLTB|三调/i, 'landClass'],
  [/报批|供地|BPDK|GDDK/i, 'approvalSupply'],
  [/行政区|XZQ|村界|乡界/i, 'adminBoundary'],
];

/** Kind from the file name first (officers name files for what they are), then from the fields. */
export function guessLayerKind(name: string, fields: FieldDef[]): LayerKind {
  const base = name.replace(/^.*[\\/]/, '');
  for (const [re, kind] of NAME_RULES) if (re.test(base)) return kind;
  const has = (n: string): boolean => fields.some((f) => f.name.toUpperCase() === n);
  if (has('YJJBNTTBBH') || has('JBNTTBBH')) return 'permanentFarmland';
  if (has('GHFQDM') || has('TDYTQLXDM')) return 'planningZone';
  if (has('JCBH') || has('TBLX')) return 'changePatch';
  if (has('DLBM') && has('TBBH')) return 'landClass';
  if (has('XZQDM') || has('XZQMC')) return 'adminBoundary';
  if (has('DLBM') || has('DLMC')) return 'landClass';
  return 'other';
}

/**
 * 三调 first-level classes (TD/T 1055 / GB/T 21010 codes 01–12) with colours after the usual 三调
 * cartographic conventions: farmland yellows, garden orange, forest and grass greens, built-up reds and
 * pinks, transport grey, water blue, other land pale grey.
 */
export const LAND_CLASS_COLOURS: readonly { code: string; label: string; color: string }[] = [
  { code: '01', label: '耕地', color: '#FFFF64' },
  { code: '02', label: '园地', color: '#F5C864' },
  { code: '03', label: '林地', color: '#38A800' },
  { code: '04', label: '草地', color: '#A3FF73' },
  { code: '05', label: '商服用地', color: '#FF0000' },
  { code: '06', label: '工矿仓储用地', color: '#C88C64' },
  { code: '07', label: '住宅用地', color: '#FFAA96' },
  { code: '08', label: '公共管理与公共服务用地', color: '#FF00C5' },
  { code: '09', label: '特殊用地', color: '#A87000' },
  { code: '10', label: '交通运输用地', color: '#B2B2B2' },
  { code: '11', label: '水域及水利设施用地', color: '#73B2FF' },
  { code: '12', label: '其他土地', color: '#E1E1E1' },
];

/** DLMC names (三调 and the older 二调 list, e.g. banzhucun: 有林地, 村庄, 建制镇) → first-level code. */
export const DLMC_TO_CLASS: Readonly<Record<string, string>> = {
  水田: '01',
  水浇地: '01',
  旱地: '01',
  果园: '02',
  茶园: '02',
  橡胶园: '02',
  其他园地: '02',
  乔木林地: '03',
  竹林地: '03',
  灌木林地: '03',
  有林地: '03',
  其他林地: '03',
  红树林地: '03',
  天然牧草地: '04',
  人工牧草地: '04',
  其他草地: '04',
  商业服务业设施用地: '05',
  物流仓储用地: '06',
  工业用地: '06',
  采矿用地: '06',
  城镇住宅用地: '07',
  农村宅基地: '07',
  村庄: '07',
  建制镇: '07',
  城市: '07',
  机关团体新闻出版用地: '08',
  科教文卫用地: '08',
  公用设施用地: '08',
  公园与绿地: '08',
  特殊用地: '09',
  风景名胜及特殊用地: '09',
  铁路用地: '10',
  公路用地: '10',
  农村道路: '10',
  城镇村道路用地: '10',
  交通服务场站用地: '10',
  河流水面: '11',
  湖泊水面: '11',
  水库水面: '11',
  坑塘水面: '11',
  沟渠: '11',
  水工建筑用地: '11',
  内陆滩涂: '11',
  冰川及永久积雪: '11',
  设施农用地: '12',
  田坎: '12',
  空闲地: '12',
  裸土地: '12',
  裸岩石砾地: '12',
  盐碱地: '12',
  沙地: '12',
};

/** 土地用途区 TDYTQLXDM (土地利用总体规划): 010 基本农田保护区 … */
const TDYTQ_STOPS = [
  { value: '010', color: '#FFFF00', label: '基本农田保护区' },
  { value: '020', color: '#FFFFB4', label: '一般农地区' },
  { value: '030', color: '#FF7F7F', label: '城镇村建设用地区' },
  { value: '040', color: '#BE8C8C', label: '独立工矿区' },
  { value: '050', color: '#96C864', label: '风景旅游用地区' },
  { value: '060', color: '#9BC89B', label: '生态环境安全控制区' },
  { value: '070', color: '#C8AA96', label: '自然与文化遗产保护区' },
  { value: '080', color: '#38A800', label: '林业用地区' },
  { value: '090', color: '#A3FF73', label: '牧业用地区' },
];

const NEUTRAL = '#9E9E9E';
/** The first of `names` (upper case) the layer has, in the layer's own spelling; null when it has none. */
export const fieldOf = (fields: FieldDef[], ...names: string[]): string | null => {
  for (const n of names) {
    const f = fields.find((x) => x.name.toUpperCase() === n);
    if (f) return f.name;
  }
  return null;
};

/** The style officers expect for a kind; `fields` picks the classifying field (DLBM/DLMC, GHFQMC …). */
export function defaultStyle(kind: LayerKind, fields: FieldDef[]): LayerStyle {
  switch (kind) {
    case 'permanentFarmland':
      // Official maps: farmland fill RGB(255,255,0), protection boundary red 0.5 mm (≈ 2 px at 96 dpi).
      return { fill: { type: 'constant', color: '#FFFF00' }, fillOpacity: 0.5, line: { color: '#FF0000', widthPx: 2 } };
    case 'landClass': {
      const dlbm = fieldOf(fields, 'DLBM');
      if (dlbm) {
        return {
          fill: {
            type: 'categorical',
            field: dlbm,
            prefixLength: 2,
            stops: LAND_CLASS_COLOURS.map((c) => ({ value: c.code, color: c.color, label: c.label })),
            defaultColor: NEUTRAL,
          },
          fillOpacity: 0.6,
          line: { color: '#808080', widthPx: 0.5 },
          labelField: dlbm,
        };
      }
      const dlmc = fieldOf(fields, 'DLMC');
      const colourOf = (code: string): string => LAND_CLASS_COLOURS.find((c) => c.code === code)?.color ?? NEUTRAL;
      return {
        fill: dlmc
          ? {
              type: 'categorical',
              field: dlmc,
              stops: Object.entries(DLMC_TO_CLASS).map(([name, code]) => ({ value: name, color: colourOf(code), label: name })),
              defaultColor: NEUTRAL,
            }
          : { type: 'constant', color: NEUTRAL },
        fillOpacity: 0.6,
        line: { color: '#808080', widthPx: 0.5 },
        ...(dlmc ? { labelField: dlmc } : {}),
      };
    }
    case 'planningZone': {
      const ytq = fieldOf(fields, 'TDYTQLXDM');
      if (ytq)
        return {
          fill: { type: 'categorical', field: ytq, stops: TDYTQ_STOPS, defaultColor: NEUTRAL },
          fillOpacity: 0.45,
          line: { color: '#8C8C8C', widthPx: 1 },
        };
      const ghfq = fieldOf(fields, 'GHFQMC', 'GHFQDM');
      return {
        fill: ghfq ? { type: 'categorical', field: ghfq, stops: [], defaultColor: '#D7C29E' } : { type: 'constant', color: '#D7C29E' },
        fillOpacity: 0.4,
        line: { color: '#8C5A3C', widthPx: 1.5 },
        ...(ghfq ? { labelField: ghfq } : {}),
      };
    }
    case 'changePatch': {
      // The field's own spelling (a DBF may say "jcbh"): the label must name a key that exists in the properties.
      const jcbh = fieldOf(fields, 'JCBH');
      return {
        fill: { type: 'constant', color: '#FF0000' },
        fillOpacity: 0.08,
        line: { color: '#FF0000', widthPx: 2 },
        ...(jcbh ? { labelField: jcbh } : {}),
      };
    }
    case 'approvalSupply':
      return { fill: { type: 'constant', color: '#00A9E6' }, fillOpacity: 0.25, line: { color: '#0070C0', widthPx: 1.5 } };
    case 'adminBoundary': {
      const xzqmc = fieldOf(fields, 'XZQMC');
      return { fill: null, fillOpacity: 0, line: { color: '#404040', widthPx: 1.5, dash: [4, 2] }, ...(xzqmc ? { labelField: xzqmc } : {}) };
    }
    case 'other':
      return { fill: { type: 'constant', color: NEUTRAL }, fillOpacity: 0.3, line: { color: '#606060', widthPx: 1 } };
  }
}
