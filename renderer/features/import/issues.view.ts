import type { Issue } from '../../../shared/formats/types';
import { formatIssue } from '../../../shared/i18n/issues';
import type { Lang } from '../../i18n';

/**
 * formatIssue with a fallback that still names the file and the code, so an issue is never lost
 * (the message table may not know a new code yet).
 */
export function safeFormatIssue(issue: Issue, lang: Lang): string {
  try {
    return formatIssue(issue, lang);
  } catch {
    const params = issue.params ? ` ${JSON.stringify(issue.params)}` : '';
    return `${issue.file}${lang === 'zh-CN' ? '：' : ': '}${issue.code}${params}`;
  }
}
