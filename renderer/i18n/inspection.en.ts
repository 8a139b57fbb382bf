import type { inspectionZhCN } from './inspection.zh-CN';

export const inspectionEn: Record<keyof typeof inspectionZhCN, string> = {
  'inspection.title': 'Inspection record',
};
