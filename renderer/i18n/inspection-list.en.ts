import type { inspectionListZhCN } from './inspection-list.zh-CN';

export const inspectionListEn: Record<keyof typeof inspectionListZhCN, string> = {
  'inspectionList.title': 'Inspection records',
};
