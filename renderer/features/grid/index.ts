export { gridFeature } from './contribution';
export { gridState, reloadGrid, saveAreas, selectArea } from './grid-state';
