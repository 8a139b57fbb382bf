import type { FeatureContribution } from '../../ui/contributions';

export const reportsFeature: FeatureContribution = { id: 'reports' };
