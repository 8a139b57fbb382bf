/** The exchange feature's strings, Chinese (default); `exchange.en.ts` has the same keys (checked by its type). */
export const exchangeZhCN = {};
