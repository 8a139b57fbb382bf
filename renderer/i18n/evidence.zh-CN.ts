/** The evidence strings, Chinese (default); `evidence.en.ts` has the same keys (checked by its type). */
export const evidenceZhCN = {
  'evidence.title': '证据',
};
