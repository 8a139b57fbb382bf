/**
 * Issue 11 placeholder contribution, filled by the comparison feature's work.
 */
import type { FeatureContribution } from '../../ui/contributions';

export const comparisonFeature: FeatureContribution = {
  id: 'comparison',
};
