export { comparisonFeature } from './contribution';
