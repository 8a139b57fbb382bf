export { inspectionListFeature } from './contribution';
export { filteredRecordIds } from './inspection-list-state';
