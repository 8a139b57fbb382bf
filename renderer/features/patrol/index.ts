export { patrolFeature } from './contribution';
export { patrolState, reloadPatrols, reloadRules, type PatrolState } from './patrol-state';
