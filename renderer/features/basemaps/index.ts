export { basemapsFeature } from './contribution';
export { BasemapRows } from './components/BasemapRows';
