import type { comparisonZhCN } from './comparison.zh-CN';

export const comparisonEn: Record<keyof typeof comparisonZhCN, string> = {
  'comparison.title': 'Comparison',
};
