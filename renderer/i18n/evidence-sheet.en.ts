import type { evidenceSheetZhCN } from './evidence-sheet.zh-CN';

export const evidenceSheetEn: Record<keyof typeof evidenceSheetZhCN, string> = {
  'evidence-sheet.title': 'Evidence',
};
