export { tasksFeature } from './contribution';
// For compliance (and anything else that judges or lists patrol areas): the stored areas, the reload after a write
// elsewhere, and the areas as compliance reads them (deleted ones left out).
export { patrolAreaState, reloadPatrolAreas, type PatrolAreaState } from './tasks-state';
export { complianceAreasOf } from './tasks.logic';
