/** The survey feature's strings, Chinese (default); `survey.en.ts` has the same keys (checked by its type). */
export const surveyZhCN = {
  'survey.title': '界址点',
};
