// CONTRACT STUB — messages for every IssueCode in zh-CN and en; body to follow.
import type { Issue } from '../formats/types';

export type Lang = 'zh-CN' | 'en';

/** "斑竹村.dbf：……" — names the file and the problem, in the user's language. */
export function formatIssue(_issue: Issue, _lang: Lang): string {
  throw new Error('not implemented');
}
