/**
 * 核查 (issue 11): plot inspections. Placeholder contribution, filled by the inspection feature's work.
 */
import type { FeatureContribution } from '../../ui/contributions';

export const inspectionFeature: FeatureContribution = {
  id: 'inspection',
};
