/** The photos feature's strings, Chinese (default); `photos.en.ts` has the same keys (checked by its type). */
export const photosZhCN = {
  'photos.title': '现场照片',
};
