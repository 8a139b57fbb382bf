/** The 核查 tab's panel id and the map layers' ids (the records' plots and pins in one layer, the open record's outline). */
export const LIST_PANEL_ID = 'inspectionList';
/** Every status's plots and pins, coloured by each feature's `status` (renderer/map's colorBy). */
export const LIST_LAYER_ID = 'inspection-list-records';
export const OPEN_LAYER_ID = 'inspection-list-open';
