import type { patrolZhCN } from './patrol.zh-CN';

export const patrolEn: Record<keyof typeof patrolZhCN, string> = {};
