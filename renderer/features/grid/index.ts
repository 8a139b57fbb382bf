export { gridFeature } from './contribution';
export { gridState, saveAreas, selectArea } from './grid-state';
