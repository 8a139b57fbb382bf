/**
 * 导出证据 (issue 13): the evidence set of an inspection — the true-scale map sheet, its tables, the 现场勘测笔录, the
 * 责令停止违法行为通知书, the photo sheet, a 300-dpi PNG, the 报盘 file and a SHA-256 manifest.
 */
import type { FeatureContribution } from '../../ui/contributions';
import { registerSiteRecordSection } from './site-record';

// The 现场勘测笔录 section of the inspection record panel (its facts are the record's siteRecord), registered at
// module load as the comparison, survey and photos sections are.
registerSiteRecordSection();

export const evidenceFeature: FeatureContribution = {
  id: 'evidence',
};
