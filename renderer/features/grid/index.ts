export { gridFeature } from './contribution';
export { gridState, type GridState } from './grid-state';
export { GRID_EDITOR } from './grid-editor';
