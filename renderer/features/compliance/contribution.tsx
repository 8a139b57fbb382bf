import type { FeatureContribution } from '../../ui/contributions';

export const complianceFeature: FeatureContribution = { id: 'compliance' };
