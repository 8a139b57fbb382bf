import type { complianceZhCN } from './compliance.zh-CN';

export const complianceEn: Record<keyof typeof complianceZhCN, string> = {};
