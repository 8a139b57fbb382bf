export { legendFeature } from './contribution';
