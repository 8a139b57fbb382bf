/** The reports feature's strings, Chinese (default); `reports.en.ts` has the same keys (checked by its type). */
export const reportsZhCN = {};
