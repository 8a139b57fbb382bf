export { gridFeature } from './contribution';
export { gridState, reloadGrid } from './grid-state';
