import type { evidencePapersZhCN } from './evidence-papers.zh-CN';

export const evidencePapersEn: Record<keyof typeof evidencePapersZhCN, string> = {
  'evidencePapers.title': 'Evidence papers',
  'evidencePapers.site.title': 'On-site survey record',
  'evidencePapers.site.history': 'Survey {from} to {to}, {witnesses} witness(es)',
};
