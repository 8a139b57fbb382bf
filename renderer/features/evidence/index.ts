export { evidenceFeature } from './contribution';
