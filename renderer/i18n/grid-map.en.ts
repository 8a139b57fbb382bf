import type { gridMapZhCN } from './grid-map.zh-CN';

export const gridMapEn: Record<keyof typeof gridMapZhCN, string> = {};
