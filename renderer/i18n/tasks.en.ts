import type { tasksZhCN } from './tasks.zh-CN';

export const tasksEn: Record<keyof typeof tasksZhCN, string> = {};
