import type { reportsZhCN } from './reports.zh-CN';

export const reportsEn: Record<keyof typeof reportsZhCN, string> = {};
