/**
 * Issue 11 placeholder contribution, filled by the survey feature's work.
 */
import type { FeatureContribution } from '../../ui/contributions';

export const surveyFeature: FeatureContribution = {
  id: 'survey',
};
