export { overlayFeature } from './contribution';
