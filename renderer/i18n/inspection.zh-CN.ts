/** The inspection feature's strings, Chinese (default); `inspection.en.ts` has the same keys (checked by its type). */
export const inspectionZhCN = {
  'inspection.title': '核查记录',
};
