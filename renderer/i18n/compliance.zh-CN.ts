/** The compliance feature's strings, Chinese (default); `compliance.en.ts` has the same keys (checked by its type). */
export const complianceZhCN = {};
