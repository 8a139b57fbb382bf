export { comparisonFeature } from './contribution';
export { comparisonRolesNow, loadComparisonRoles, runComparisonFor, type RunOutcome } from './run-for';
