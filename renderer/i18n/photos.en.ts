import type { photosZhCN } from './photos.zh-CN';

export const photosEn: Record<keyof typeof photosZhCN, string> = {
  'photos.title': 'Site photos',
};
