import type { evidenceZhCN } from './evidence.zh-CN';

export const evidenceEn: Record<keyof typeof evidenceZhCN, string> = {
  'evidence.title': 'Evidence',
};
