export { basemapsFeature } from './contribution';
