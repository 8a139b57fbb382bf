/** The tasks feature's strings, Chinese (default); `tasks.en.ts` has the same keys (checked by its type). */
export const tasksZhCN = {};
