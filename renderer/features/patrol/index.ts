export { patrolFeature } from './contribution';
export { patrolState, reloadPatrols, reloadRules, type PatrolState } from './patrol-state';
export { patrolFindingActions, registerPatrolFindingAction, type PatrolFinding, type PatrolFindingAction } from './finding-actions';
export { officerChoices, type OfficerChoice } from './officers.logic';
