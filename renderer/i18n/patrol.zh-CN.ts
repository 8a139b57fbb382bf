/** The patrol feature's strings, Chinese (default); `patrol.en.ts` has the same keys (checked by its type). */
export const patrolZhCN = {};
