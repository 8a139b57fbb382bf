/**
 * Issue 11 placeholder contribution, filled by the photos feature's work.
 */
import type { FeatureContribution } from '../../ui/contributions';

export const photosFeature: FeatureContribution = {
  id: 'photos',
};
