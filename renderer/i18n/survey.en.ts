import type { surveyZhCN } from './survey.zh-CN';

export const surveyEn: Record<keyof typeof surveyZhCN, string> = {
  'survey.title': 'Boundary points',
};
