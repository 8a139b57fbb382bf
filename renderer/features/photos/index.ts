export { photosFeature } from './contribution';
