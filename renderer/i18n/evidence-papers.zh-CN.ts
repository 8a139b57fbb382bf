/** The evidence-papers strings, Chinese (default); `evidence-papers.en.ts` has the same keys (checked by its type). */
export const evidencePapersZhCN = {
  'evidence-papers.title': '证据',
};
