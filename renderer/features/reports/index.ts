export { reportsFeature } from './contribution';
