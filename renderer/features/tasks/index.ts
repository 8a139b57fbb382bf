export { tasksFeature } from './contribution';
// For compliance (and anything else that judges or lists patrol areas): the stored areas, the reload after a write
// elsewhere, the live ones as a hook (deleted ones left out; the records fit compliance's PatrolAreaInput), and the
// areas as ComplianceArea.
export { patrolAreaState, reloadPatrolAreas, useLivePatrolAreas, type PatrolAreaState } from './tasks-state';
export { patrolComplianceAreas } from './tasks.logic';
