/** The grid-map feature's strings, Chinese (default); `grid-map.en.ts` has the same keys (checked by its type). */
export const gridMapZhCN = {};
