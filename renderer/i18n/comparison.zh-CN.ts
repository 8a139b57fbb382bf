/** The comparison feature's strings, Chinese (default); `comparison.en.ts` has the same keys (checked by its type). */
export const comparisonZhCN = {
  'comparison.title': '套合分析',
};
