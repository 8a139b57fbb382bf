/**
 * Issue 11 placeholder contribution, filled by the inspection-list feature's work.
 */
import type { FeatureContribution } from '../../ui/contributions';

export const inspectionListFeature: FeatureContribution = {
  id: 'inspectionList',
};
