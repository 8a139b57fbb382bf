export { gridFeature } from './contribution';
