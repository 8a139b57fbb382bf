export { identifyFeature } from './contribution';
