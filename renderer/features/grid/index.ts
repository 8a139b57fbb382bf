export { gridFeature } from './contribution';
export { gridState, reloadGrid, saveAreas, selectArea, type GridState } from './grid-state';
