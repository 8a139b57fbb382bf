export { inspectionListFeature } from './contribution';
