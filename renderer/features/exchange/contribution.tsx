import type { FeatureContribution } from '../../ui/contributions';

export const exchangeFeature: FeatureContribution = { id: 'exchange' };
