import type { evidencePapersZhCN } from './evidence-papers.zh-CN';

export const evidencePapersEn: Record<keyof typeof evidencePapersZhCN, string> = {
  'evidence-papers.title': 'Evidence',
};
