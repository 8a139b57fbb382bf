/** 巡查 (issue 10 item 5): the patrol log. */
import type { FeatureContribution } from '../../ui/contributions';
import { bootPatrols } from './patrol-state';

export const patrolFeature: FeatureContribution = {
  id: 'patrol',
  boot: bootPatrols,
};
