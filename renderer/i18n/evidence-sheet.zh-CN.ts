/** The evidence-sheet strings, Chinese (default); `evidence-sheet.en.ts` has the same keys (checked by its type). */
export const evidenceSheetZhCN = {
  'evidence-sheet.title': '证据',
};
