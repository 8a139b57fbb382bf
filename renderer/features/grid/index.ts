export { gridFeature } from './contribution';
export { gridState, reloadGrid, type GridState } from './grid-state';
