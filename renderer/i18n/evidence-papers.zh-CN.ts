/** The evidence-papers strings, Chinese (default); `evidence-papers.en.ts` has the same keys (checked by its type). */
export const evidencePapersZhCN = {
  'evidencePapers.title': '证据文书',
  // The 现场勘测笔录 section of the inspection record.
  'evidencePapers.site.title': '现场勘测笔录',
  'evidencePapers.site.history': '勘测 {from} 至 {to}，见证人 {witnesses} 名',
};
