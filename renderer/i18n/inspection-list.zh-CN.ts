/** The inspection-list feature's strings, Chinese (default); `inspection-list.en.ts` has the same keys (checked by its type). */
export const inspectionListZhCN = {
  'inspectionList.title': '核查记录列表',
};
