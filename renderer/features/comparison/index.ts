export { comparisonFeature } from './contribution';
export {
  comparePlot,
  comparisonRolesNow,
  loadComparisonRoles,
  plotRefusalText,
  runComparisonFor,
  stopComparisonWorker,
  type PlotComparison,
  type RunOutcome,
} from './run-for';
