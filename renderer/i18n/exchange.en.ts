import type { exchangeZhCN } from './exchange.zh-CN';

export const exchangeEn: Record<keyof typeof exchangeZhCN, string> = {};
