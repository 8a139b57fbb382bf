export { statusbarFeature } from './contribution';
