export { gridFeature } from './contribution';
export { gridState, type GridState } from './grid-state';
