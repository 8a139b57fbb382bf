/**
 * 地类 for the comparison and the 一览表 (DOMAIN "Layers users bring"): a land-class value (a DLBM code or a DLMC
 * name) → its 三调 working class (GB/T 21010-2017 codes with the 三调 work classes 05H1, 08H1, 08H2, 201–205),
 * its first-level class, and its 三大类 (农用地 / 建设用地 / 未利用地, after the 2007 standard's appendix table
 * "土地利用现状分类与三大类对照", carried to the 三调 codes: 其他草地, 河流/湖泊水面, 滩涂, 沼泽地, 冰川, 盐碱地, 沙地,
 * 裸土地, 裸岩石砾地 are 未利用地; 农村道路, 坑塘水面, 沟渠, 设施农用地, 田坎 are 农用地; 水库水面, 水工建筑用地 and
 * 空闲地 are 建设用地). Older 二调 names (有林地, 村庄 …) are read to their 三调 class. Suffix K (可调整) keeps the
 * class of its code. A value none of this knows stays unclassified and is shown as such, never guessed.
 */

export type ThreeClass = 'agricultural' | 'construction' | 'unused';

export interface LandClassInfo {
  /** The finest code known ('0101', '05H1', '203'); the value itself when it is an unknown code. */
  code: string;
  /** 01 … 12, or 20 for 城镇村及工矿用地. */
  level1: string;
  name: string;
  three: ThreeClass;
}

const A = 'agricultural';
const C = 'construction';
const U = 'unused';

// [code, name, 三大类]; second-level classes of 三调 (and the 20 class of 城镇村及工矿用地).
const CLASSES: readonly (readonly [string, string, ThreeClass])[] = [
  ['0101', '水田', A],
  ['0102', '水浇地', A],
  ['0103', '旱地', A],
  ['0201', '果园', A],
  ['0202', '茶园', A],
  ['0203', '橡胶园', A],
  ['0204', '其他园地', A],
  ['0301', '乔木林地', A],
  ['0302', '竹林地', A],
  ['0303', '红树林地', A],
  ['0304', '森林沼泽', A],
  ['0305', '灌木林地', A],
  ['0306', '灌丛沼泽', A],
  ['0307', '其他林地', A],
  ['0401', '天然牧草地', A],
  ['0402', '沼泽草地', A],
  ['0403', '人工牧草地', A],
  ['0404', '其他草地', U],
  ['05H1', '商业服务业设施用地', C],
  ['0508', '物流仓储用地', C],
  ['0601', '工业用地', C],
  ['0602', '采矿用地', C],
  ['0603', '盐田', C],
  ['0701', '城镇住宅用地', C],
  ['0702', '农村宅基地', C],
  ['08H1', '机关团体新闻出版用地', C],
  ['08H2', '科教文卫用地', C],
  ['0809', '公用设施用地', C],
  ['0810', '公园与绿地', C],
  ['09', '特殊用地', C],
  ['1001', '铁路用地', C],
  ['1002', '轨道交通用地', C],
  ['1003', '公路用地', C],
  ['1004', '城镇村道路用地', C],
  ['1005', '交通服务场站用地', C],
  ['1006', '农村道路', A],
  ['1007', '机场用地', C],
  ['1008', '港口码头用地', C],
  ['1009', '管道运输用地', C],
  ['1101', '河流水面', U],
  ['1102', '湖泊水面', U],
  ['1103', '水库水面', C],
  ['1104', '坑塘水面', A],
  ['1105', '沿海滩涂', U],
  ['1106', '内陆滩涂', U],
  ['1107', '沟渠', A],
  ['1108', '沼泽地', U],
  ['1109', '水工建筑用地', C],
  ['1110', '冰川及永久积雪', U],
  ['1201', '空闲地', C],
  ['1202', '设施农用地', A],
  ['1203', '田坎', A],
  ['1204', '盐碱地', U],
  ['1205', '沙地', U],
  ['1206', '裸土地', U],
  ['1207', '裸岩石砾地', U],
  ['201', '城市', C],
  ['202', '建制镇', C],
  ['203', '村庄', C],
  ['204', '采矿用地', C],
  ['205', '风景名胜及特殊用地', C],
];

/** First-level names (三调 working classification). */
export const LEVEL1_NAMES: Readonly<Record<string, string>> = {
  '01': '耕地',
  '02': '种植园用地',
  '03': '林地',
  '04': '草地',
  '05': '商业服务业用地',
  '06': '工矿用地',
  '07': '住宅用地',
  '08': '公共管理与公共服务用地',
  '09': '特殊用地',
  '10': '交通运输用地',
  '11': '水域及水利设施用地',
  '12': '其他土地',
  '20': '城镇村及工矿用地',
};

/** 二调 (and other older) names → the 三调 code they became. */
const OLD_NAMES: Readonly<Record<string, string>> = {
  有林地: '0301',
  其他园地: '0204',
  园地: '0204',
  商服用地: '05H1',
  批发零售用地: '05H1',
  住宿餐饮用地: '05H1',
  商务金融用地: '05H1',
  其他商服用地: '05H1',
  仓储用地: '0508',
  机关团体用地: '08H1',
  新闻出版用地: '08H1',
  科教用地: '08H2',
  医卫慈善用地: '08H2',
  文体娱乐用地: '08H2',
  街巷用地: '1004',
  裸地: '1206',
};

const BY_CODE = new Map(CLASSES.map(([code, name, three]) => [code, { code, name, three }]));
const BY_NAME = new Map(CLASSES.filter(([code]) => code !== '204').map(([code, name, three]) => [name, { code, name, three }]));

const level1Of = (code: string): string => (code.length === 3 && code.startsWith('20') ? '20' : code.slice(0, 2));

/** The class of a DLBM code or a DLMC name; null when it is neither known code nor known name. */
export function landClassOf(value: string | null): LandClassInfo | null {
  if (value === null) return null;
  const v = value.trim().replace(/K$/i, '');
  const byCode = BY_CODE.get(v.toUpperCase()) ?? (/^09\d*$/.test(v) ? BY_CODE.get('09') : undefined);
  const hit = byCode ?? BY_NAME.get(v) ?? (OLD_NAMES[v] ? BY_CODE.get(OLD_NAMES[v] as string) : undefined);
  if (hit) return { code: hit.code, level1: level1Of(hit.code), name: hit.name, three: hit.three };
  return null;
}

/** Whether a class is 耕地 (01: 水田, 水浇地, 旱地). */
export const isCultivated = (c: LandClassInfo | null): boolean => c?.level1 === '01';
