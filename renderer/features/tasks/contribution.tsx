import type { FeatureContribution } from '../../ui/contributions';

export const tasksFeature: FeatureContribution = { id: 'tasks' };
